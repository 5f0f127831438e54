package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.ReportingOverdue;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static mx.gob.dif.cases.CaseTestSupport.await;
import static mx.gob.dif.cases.CaseTestSupport.json;
import static mx.gob.dif.cases.webhooks.WebhookDeliveryTest.as;
import static mx.gob.dif.cases.webhooks.WebhookDeliveryTest.fields;
import static mx.gob.dif.cases.webhooks.WebhookDeliveryTest.salud;
import static mx.gob.dif.cases.webhooks.WebhookDeliveryTest.subscribe;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * indicators-service's overdue reminders (dif.reporting.overdue) reach integrators as {@code reporting.overdue}
 * webhooks: counts only, once per event id, to the subscriptions whose unit filter is the unit or above it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class ReportingOverdueWebhookTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void forgetSubscriptions() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from webhook_subscription");
        }
    }

    @Test
    void anOverdueMonthIsDeliveredOnceToTheSubscriptionsOfTheUnitOrItsState() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode state = subscribe(salud(), Map.of("url", receiver.url("/atraso/estado"), "events", List.of("reporting.overdue"),
                    "orgUnits", List.of("10")));
            JsonNode other = subscribe(salud(), Map.of("url", receiver.url("/atraso/otro"), "events", List.of("reporting.overdue"),
                    "orgUnits", List.of("10007")));
            JsonNode indicatorsOnly = subscribe(salud(), Map.of("url", receiver.url("/atraso/indicadores"),
                    "events", List.of("indicator.updated")));
            ReportingOverdue overdue = new ReportingOverdue("10005", "2024-03", LocalDate.of(2024, 4, 10), 12, 9);
            String event = EventJson.MAPPER.writeValueAsString(CloudEvent.of(UUID.randomUUID().toString(), "/indicators-service",
                    EventTypes.REPORTING_OVERDUE, overdue.key(), EventJson.MAPPER.valueToTree(overdue)));
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.REPORTING_OVERDUE, overdue.key(), event)).get();
                producer.send(new ProducerRecord<>(Topics.REPORTING_OVERDUE, overdue.key(), event)).get(); // redelivered
            }
            await("the state's receiver got the overdue month", () -> !receiver.at("/atraso/estado").isEmpty());
            Thread.sleep(500);
            List<WebhookReceiver.Received> got = receiver.at("/atraso/estado");
            assertEquals(1, got.size(), "one delivery per event id");
            assertEquals("reporting.overdue", got.get(0).header("X-Dif-Event"));
            assertTrue(WebhookSignature.verify(state.get("secret").asText(), Long.parseLong(got.get(0).header("X-Dif-Timestamp")),
                    got.get(0).body(), got.get(0).header("X-Dif-Signature")));
            JsonNode body = json(got.get(0).body());
            assertEquals(json(event).get("id").asText(), body.get("id").asText());
            assertEquals("reporting.overdue", body.get("type").asText());
            JsonNode data = body.get("data");
            assertEquals(Set.of("orgUnit", "month", "deadline", "targetsDue", "targetsReported"), fields(data), "counts only");
            assertEquals("10005", data.get("orgUnit").asText());
            assertEquals("2024-04-10", data.get("deadline").asText());
            assertEquals(12, data.get("targetsDue").asInt());
            assertTrue(receiver.at("/atraso/otro").isEmpty(), "another municipality's subscription");
            assertTrue(receiver.at("/atraso/indicadores").isEmpty(), "a subscription to indicator updates only");
            assertEquals(0, json(as(salud()).get(WebhookDeliveryTest.WEBHOOKS + "/" + other.get("id").asText() + "/deliveries")
                    .then().statusCode(200).extract().asString()).get("total").asInt());
            assertEquals(0, json(as(salud()).get(WebhookDeliveryTest.WEBHOOKS + "/" + indicatorsOnly.get("id").asText() + "/deliveries")
                    .then().statusCode(200).extract().asString()).get("total").asInt());
        }
    }

    @Test
    void theIndicatorFilterStaysForIndicatorUpdatesOnly() {
        as(salud()).body(Map.of("url", "https://sistema.salud.example/hook", "events", List.of("reporting.overdue"),
                        "indicators", List.of("T-01")))
                .post(WebhookDeliveryTest.WEBHOOKS).then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("indicators"))
                .body("errors[0].message", containsString("indicator.updated"));
    }
}
