package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ActivityIngestionTest {
    private static final String STATE_PLAN = """
            {"orgUnit":"10","fiscalYear":2023,"unit":"DIF Estatal (prueba)","programs":[{"code":"ING-01","name":"Prueba",
              "calendarMonths":["ENE","FEB"],"actions":[{"code":"ING-01-01","description":"Visitas","targets":[
                {"indicatorCode":"ING-01-01","unit":"Visita","target":100}]}]}]}""";

    private static boolean planned;

    @BeforeEach
    void plan() {
        if (planned) {
            return;
        }
        planned = true;
        asAdministrator().contentType("application/json").body(STATE_PLAN).post("/api/v1/work-plans/import").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static String report(String id, String indicator, String unit, String date, String quantity) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + unit
                + "\",\"date\":\"" + date + "\",\"quantity\":" + quantity + ",\"note\":\"Visita a la familia Pérez Ficticia\"}";
    }

    @Test
    void aMunicipalityReportsAgainstTheStatePlanAndTheEventIsOnKafkaWithoutTheNote() throws Exception {
        String id = UUID.randomUUID().toString();
        given().contentType("application/json").body("[" + report(id, "ING-01-01", "10001", "2023-02-10", "7") + "]")
                .post("/api/v1/activities").then().statusCode(202).body("ids", hasItem(id)).body("accepted", equalTo(1));
        JsonNode event = eventWithId(id);
        assertTrue(SchemaValidator.validate(event).isEmpty(), "valid against its schema");
        assertEquals("10", event.get("data").get("planOrgUnit").asText());
        assertEquals("10001|ING-01-01", event.get("subject").asText());
        assertFalse(event.toString().contains("Pérez"), "free text never enters Kafka");

        // resending the same id is a no-op
        given().contentType("application/json").body(report(id, "ING-01-01", "10001", "2023-02-10", "7"))
                .post("/api/v1/activities").then().statusCode(202).body("accepted", equalTo(0)).body("alreadyKnown", equalTo(1));
        // same id, different content: a conflict, not a silent overwrite
        given().contentType("application/json").body(report(id, "ING-01-01", "10001", "2023-02-10", "8"))
                .post("/api/v1/activities").then().statusCode(422).body("errors[0].field", equalTo("id"));

        given().contentType("application/json").body("{\"reason\":\"duplicado\"}").post("/api/v1/activities/" + id + "/retraction")
                .then().statusCode(202).body("status", equalTo("RETRACTED"));
        given().post("/api/v1/activities/" + id + "/retraction").then().statusCode(200).body("status", equalTo("RETRACTED"));
        given().post("/api/v1/activities/" + UUID.randomUUID() + "/retraction").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyInvalidItemIsListedWithItsIndexAndNothingIsStored() {
        String marker = UUID.randomUUID().toString();
        String body = "[" + String.join(",", List.of(
                report(marker, "ING-01-01", "10001", "2023-01-05", "1"),
                report(null, "NO-EXISTE", "10001", "2023-01-05", "1"),
                report(null, "ING-01-01", "10001", "2023-01-05", "-3"),
                report(null, "ING-01-01", "10001", "2023-01-05", "\"cinco\""),
                report(null, "ING-01-01", "10001", "2999-01-05", "1"),
                report(null, "ING-01-01", "10001", "2023-02-30", "1"),
                report(null, "ING-01-01", "99999", "2023-01-05", "1"),
                report(null, "ING-01-01", "10001", "2015-01-05", "1"))) + "]";
        given().contentType("application/json").body(body).post("/api/v1/activities").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(7))
                .body("errors.index", org.hamcrest.Matchers.contains(1, 2, 3, 4, 5, 6, 7))
                .body("errors[1].message", containsString("negativa"))
                .body("errors[2].field", equalTo("quantity"))
                .body("errors[3].message", containsString("futuro"))
                .body("errors[4].field", equalTo("date"))
                .body("errors[5].field", equalTo("orgUnit"))
                .body("errors[6].message", containsString("No hay plan"));
        given().get("/api/v1/activities/" + marker).then().statusCode(404);
    }

    @Test
    void malformedEmptyAndOversizeRequestsAreProblems() {
        given().contentType("application/json").body("[{\"indicator\":").post("/api/v1/activities").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body("[]").post("/api/v1/activities").then().statusCode(422);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add("{}");
        }
        given().contentType("application/json").body("[" + String.join(",", many) + "]").post("/api/v1/activities")
                .then().statusCode(413).body("detail", containsString("10000"));
    }

    private static JsonNode eventWithId(String id) throws Exception {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ACTIVITIES));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode e = EventJson.MAPPER.readTree(r.value());
                    if (id.equals(e.get("id").asText())) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("no event with id " + id + " on " + Topics.ACTIVITIES);
    }

    /** Reports and retracts as the operator of 10001, the municipality these tests report for. */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.operator("10001"));
    }

    private static RequestSpecification asAdministrator() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }
}
