package mx.gob.dif.indicators;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.EventWriter;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.awaitValue;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static mx.gob.dif.indicators.TestCallers.asAdministrator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administrators list, read and replay what the loops dead-lettered, on the real broker. Its own state (29,
 * Tlaxcala) and indicator, so it shares the application, the broker and dif.dead-letter with the other tests.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class DeadLetterApiTest {
    private static final String API = "/api/v1/admin/dead-letters";
    private static final String KEY = "29001|DLA-01";

    @BeforeAll
    static void catalog() {
        IndicatorsTestSupport events = IndicatorsTestSupport.events();
        events.orgUnit("MX", "México", "NATIONAL", null);
        events.orgUnit("29", "Tlaxcala", "STATE", "MX");
        events.orgUnit("29001", "Municipio 29001", "MUNICIPAL", "29");
        TargetChanged t = new TargetChanged("29", 2021, "DLA", "Programa DLA", "DLA-01", "Acción DLA-01", "DLA-01", "Visita",
                new BigDecimal("100"), "SUM", null, ALL_MONTHS, false, null);
        events.send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
        events.flush();
    }

    @Test
    void aRecordThatIsNotJsonIsListedWithoutItsBodyReadWithItAndDeadLetteredAgainWhenReplayed() throws Exception {
        String notJson = "{not json " + UUID.randomUUID();
        RecordMetadata original = IndicatorsTestSupport.events().record(Topics.ACTIVITIES, KEY, notJson).get();

        Map<String, Object> listed = awaitListed(original.offset());
        assertFalse(listed.containsKey("value"), "the list never carries a record's body: " + listed);
        assertEquals(KEY, listed.get("key"));
        assertEquals("indicators-activities", listed.get("group"));
        assertEquals(original.partition(), listed.get("originalPartition"));
        assertTrue(listed.get("reason").toString().contains("not JSON"), listed.toString());
        assertNotNull(listed.get("timestamp"));
        assertNull(listed.get("replayedAt"));

        String one = API + "/" + listed.get("partition") + "/" + listed.get("offset");
        asAdministrator().get(one).then().statusCode(200)
                .body("value", equalTo(notJson)).body("topic", equalTo(Topics.ACTIVITIES))
                .body("reason", containsString("not JSON")).body("key", equalTo(KEY));

        Response replay = asAdministrator().post(one + "/replay");
        replay.then().statusCode(202).body("topic", equalTo(Topics.ACTIVITIES))
                .body("partition", equalTo(original.partition())).body("offset", greaterThanOrEqualTo(0))
                .body("replayedAt", notNullValue());
        long replayedOffset = replay.jsonPath().getLong("offset");
        assertNotEquals(original.offset(), replayedOffset);

        // the loop reads it again and, the cause not being fixed, dead-letters it again at a new offset
        Map<String, Object> again = awaitListed(replayedOffset);
        assertNotEquals(listed.get("offset"), again.get("offset"));
        asAdministrator().get(API + "/" + again.get("partition") + "/" + again.get("offset")).then().statusCode(200)
                .body("value", equalTo(notJson));
        asAdministrator().get(one).then().statusCode(200).body("replayedAt", notNullValue());
    }

    @Test
    void aDeadLetterHoldingAValidReportIsAggregatedWhenReplayed() throws Exception {
        ActivityReported report = new ActivityReported(UUID.randomUUID().toString(), "DLA-01", "29001", "29", 2021,
                LocalDate.parse("2021-05-03"), new BigDecimal("4"));
        String json = EventWriter.write(CloudEvent.of(report.activityId(), "/test", EventTypes.ACTIVITY_REPORTED, report.key(), report));
        RecordMetadata dead = deadLetter(report.key(), json, Topics.ACTIVITIES);

        asAdministrator().post(API + "/" + dead.partition() + "/" + dead.offset() + "/replay").then().statusCode(202)
                .body("topic", equalTo(Topics.ACTIVITIES));
        awaitValue("DLA-01", "29001", "2021", "4");
        awaitValue("DLA-01", "29", "2021", "4");
    }

    @Test
    void onlyThePlatformsTopicsAreReplayTargets() throws Exception {
        for (String topic : new String[]{"otro.sistema", Topics.DEAD_LETTER, null}) {
            RecordMetadata dead = deadLetter(KEY, "{}", topic);
            asAdministrator().post(API + "/" + dead.partition() + "/" + dead.offset() + "/replay").then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString(Topics.ACTIVITIES))
                    .body("detail", containsString(topic == null ? "no indica su tópico de origen" : "no es de la plataforma"));
        }
    }

    @Test
    void unknownPositionsAre404AndBadParameters400() {
        asAdministrator().get(API + "/0/" + Long.MAX_VALUE).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("No hay un registro"));
        asAdministrator().post(API + "/7/0/replay").then().statusCode(404).contentType("application/problem+json");
        asAdministrator().get(API + "/-1/0").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("partición"));
        asAdministrator().post(API + "/0/-5/replay").then().statusCode(400).contentType("application/problem+json");
        asAdministrator().get(API + "?size=0").then().statusCode(400).body("detail", containsString("size"));
        asAdministrator().get(API + "?page=-1").then().statusCode(400).body("detail", containsString("page"));
        asAdministrator().get(API + "?topic=" + "t".repeat(250)).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("249"));
        asAdministrator().get(API).then().statusCode(200).header("X-Dif-Truncated", "false");
    }

    @Test
    void onlyAdministratorsSeeOrReplayDeadLetters() {
        for (String token : List.of(TestTokens.analyst("MX"), TestTokens.director("29"), TestTokens.operator("29001"),
                TestTokens.caseWorker("29001"), TestTokens.integrator("SALUD-TLX"))) {
            given().auth().oauth2(token).get(API).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get(API + "/0/0").then().statusCode(403);
            given().auth().oauth2(token).post(API + "/0/0/replay").then().statusCode(403);
        }
        given().get(API).then().statusCode(401).contentType("application/problem+json");
    }

    /** Waits (at most 15 s) until the list shows the dead letter of dif.activities' record at {@code originalOffset}. */
    private static Map<String, Object> awaitListed(long originalOffset) {
        Map<String, Object> found = poll(15, () -> asAdministrator()
                .get(API + "?topic=" + Topics.ACTIVITIES + "&group=indicators-activities&size=500")
                .then().statusCode(200).header("X-Dif-Truncated", "false").extract().jsonPath().<Map<String, Object>>getList("items")
                .stream().filter(i -> KEY.equals(i.get("key")) && Long.valueOf(originalOffset).equals(number(i.get("originalOffset"))))
                .findFirst().orElse(null), f -> f != null);
        assertNotNull(found, "dead letter of " + Topics.ACTIVITIES + "@" + originalOffset + " listed");
        return found;
    }

    private static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** A record written straight to dif.dead-letter, as a loop writes it (or, without a topic header, as a foreign producer might). */
    private static RecordMetadata deadLetter(String key, String value, String originalTopic) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(Topics.DEAD_LETTER, key, value);
        r.headers().add("dif-reason", "written by the test".getBytes(StandardCharsets.UTF_8));
        if (originalTopic != null) {
            r.headers().add("dif-topic", originalTopic.getBytes(StandardCharsets.UTF_8));
        }
        return IndicatorsTestSupport.events().record(r).get();
    }
}
