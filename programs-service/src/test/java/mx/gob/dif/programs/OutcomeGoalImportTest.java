package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcome goals with structured ratios: import, 422s, OutcomeGoalChanged events on the real broker, entity edits. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class OutcomeGoalImportTest {

    static String plan(String orgUnit, String goals) {
        return """
                {"orgUnit":"%s","fiscalYear":2033,"programs":[
                  {"code":"NNA","name":"Juntos por la Niñez","interventionGoals":%s,"actions":[
                    {"code":"NNA-01","description":"Atención integral","targets":[{"indicatorCode":"NNA-01","unit":"Infante","target":110}]},
                    {"code":"NNA-02","description":"Padrón","targets":[{"indicatorCode":"NNA-02","unit":"Infante","target":116}]}]}]}"""
                .formatted(orgUnit, goals);
    }

    static final String GOALS = """
            [{"component":"Evitar la reincidencia","goal":"95% (110 infantes sin reincidencia)",
              "indicator":"(Infantes atendidos sin reincidencia / Total de infantes en el padrón) * 100",
              "verificationSource":"Expediente","assumptions":"Compromiso de las familias",
              "numerator":{"indicator":"NNA-01"},"denominator":{"indicator":"NNA-02"},"targetPercent":95},
             {"code":"NNA-CANAL","component":"Canalización","numerator":{"caseMetric":"CASES_REFERRED"},
              "denominator":{"caseMetric":"CASES_ATTENDED"},"targetPercent":50},
             {"component":"Solo texto","goal":"100%"}]""";

    @Test
    void structuredGoalsImportReadBackAndArePublishedValidAgainstTheSchema() throws Exception {
        String body = plan("10015", GOALS);
        String id = given().contentType("application/json").body(body).post("/api/v1/work-plans/import")
                .then().statusCode(201).body("outcomeGoals", equalTo(3)).extract().path("id");
        JsonNode back = EventJson.MAPPER.readTree(given().get("/api/v1/work-plans/" + id).then().statusCode(200).extract().asString());
        assertEquals(EventJson.MAPPER.readTree(body).get("programs"), back.get("programs"), "read back identical: no code is written into the plan");

        Map<String, JsonNode> events = goalEventsOnKafka(k -> k.startsWith("10015|2033|"), 3);
        assertEquals(3, events.size(), events.keySet().toString());
        JsonNode m1 = events.get("10015|2033|NNA-M1").get("data");
        assertEquals("NNA", m1.get("programCode").asText());
        assertEquals("NNA-M1", m1.get("goalCode").asText());
        assertEquals("Evitar la reincidencia", m1.get("component").asText());
        assertEquals("NNA-01", m1.get("numerator").get("indicator").asText());
        assertEquals("NNA-02", m1.get("denominator").get("indicator").asText());
        assertEquals(95, m1.get("targetPercent").asInt());
        assertEquals(false, m1.get("deleted").asBoolean());
        JsonNode canal = events.get("10015|2033|NNA-CANAL").get("data");
        assertEquals("CASES_REFERRED", canal.get("numerator").get("caseMetric").asText());
        JsonNode text = events.get("10015|2033|NNA-M3").get("data");
        assertTrue(text.get("numerator").isNull() && text.get("targetPercent").isNull());

        // the same plan again: no change, no event; then the program replaced through the entity API without two goals
        given().contentType("application/json").body(body).post("/api/v1/work-plans/import").then().statusCode(200).body("changed", equalTo(false));
        JsonNode program = EventJson.MAPPER.readTree(given().get("/api/v1/work-plans/" + id + "/programs/NNA").then().statusCode(200)
                .extract().asString());
        com.fasterxml.jackson.databind.node.ObjectNode replaced = EventJson.MAPPER.createObjectNode();
        replaced.put("code", "NNA");
        replaced.put("name", program.get("name").asText());
        replaced.set("actions", program.get("actions"));
        com.fasterxml.jackson.databind.node.ArrayNode goals = replaced.putArray("interventionGoals");
        com.fasterxml.jackson.databind.node.ObjectNode g = goals.addObject();
        g.put("component", "Evitar la reincidencia");
        g.putObject("numerator").put("indicator", "NNA-01");
        g.putObject("denominator").put("indicator", "NNA-02");
        g.put("targetPercent", 90);
        given().contentType("application/json").body(replaced.toString()).put("/api/v1/work-plans/" + id + "/programs/NNA")
                .then().statusCode(200);
        Map<String, JsonNode> after = goalEventsOnKafka(k -> k.startsWith("10015|2033|"), 3,
                e -> e.get("data").get("deleted").asBoolean() || e.get("data").get("targetPercent").asInt() == 90);
        assertEquals(90, after.get("10015|2033|NNA-M1").get("data").get("targetPercent").asInt());
        assertTrue(after.get("10015|2033|NNA-CANAL").get("data").get("deleted").asBoolean());
        assertTrue(after.get("10015|2033|NNA-M3").get("data").get("deleted").asBoolean());
    }

    @Test
    void badRatiosAre422WithFieldPathsAndNothingIsStored() {
        String bad = plan("10016", """
                [{"numerator":{"indicator":"NO-EXISTE"},"denominator":{"caseMetric":"CASOS"},"targetPercent":-1},
                 {"numerator":{"indicator":"NNA-01","caseMetric":"CASES_ATTENDED"},"denominator":{"indicator":"NNA-02"}}]""");
        given().contentType("application/json").body(bad).post("/api/v1/work-plans/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("programs[0].interventionGoals[0].numerator.indicator"))
                .body("errors.field", hasItem("programs[0].interventionGoals[0].denominator.caseMetric"))
                .body("errors.field", hasItem("programs[0].interventionGoals[0].targetPercent"))
                .body("errors.field", hasItem("programs[0].interventionGoals[1].numerator"))
                .body("errors.find { it.field == 'programs[0].interventionGoals[0].numerator.indicator' }.message",
                        containsString("no es un indicador de este plan"));
        given().get("/api/v1/work-plans?orgUnit=10016").then().statusCode(200).body("total", equalTo(0));
    }

    static Map<String, JsonNode> goalEventsOnKafka(Predicate<String> key, int expected) throws Exception {
        return goalEventsOnKafka(key, expected, e -> true);
    }

    /** The latest goal event per key among those matching {@code wanted}; every event read is checked against the schema. */
    static Map<String, JsonNode> goalEventsOnKafka(Predicate<String> key, int expected, Predicate<JsonNode> wanted) throws Exception {
        Map<String, JsonNode> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_OUTCOME_GOALS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (latest.size() < expected && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.test(r.key())) {
                        JsonNode event = EventJson.MAPPER.readTree(r.value());
                        List<String> errors = SchemaValidator.validate(event);
                        assertTrue(errors.isEmpty(), "schema errors: " + errors + " in " + r.value());
                        if (wanted.test(event)) {
                            latest.put(r.key(), event);
                        }
                    }
                }
            }
        }
        return latest;
    }

    /** Imports, edits and reads as the state administrator (unit 10), who covers every unit these tests use. */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }
}
