package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import mx.gob.dif.cases.CaseTestSupport;
import mx.gob.dif.cases.ActingAs;
import mx.gob.dif.cases.api.ReferralStatusRequest;
import mx.gob.dif.cases.service.ReferralService;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.cases.CaseTestSupport.await;
import static mx.gob.dif.cases.CaseTestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end on the real PostgreSQL and Kafka, with a receiver on 127.0.0.1: referral
 * status changes and indicator updates are delivered signed and without personal data, retried on
 * the (short, test) schedule, logged, re-queued on demand, and kept to the subscribing agency.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class WebhookDeliveryTest {
    static final String SALUD = "SALUD-DGO";
    static final String SEED = "SEED-DGO";
    static final String WEBHOOKS = "/api/v1/webhooks";
    static final String FIRST_NAME = "Zoraida";
    static final String LAST_NAME = "Webhookez";
    static final String ADDRESS = "Calle Inventada 456";
    static final String REQUEST = "Valoración pediátrica por asma de la menor";
    static final AtomicInteger FIXTURES = new AtomicInteger();
    static WebhookReceiver receiver;

    @Inject
    AgroalDataSource ds;

    @Inject
    ReferralService referrals;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void forgetSubscriptions() throws Exception {
        forgetSubscriptions(ds);
    }

    /**
     * Deliveries first, then subscriptions: the order in which the dispatcher locks them while it
     * records an attempt (the cascade from the subscription would take them the other way round and
     * could deadlock with it).
     */
    static void forgetSubscriptions(AgroalDataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            exec(c, "delete from webhook_delivery");
            exec(c, "delete from webhook_subscription");
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String salud() {
        return TestTokens.integrator(SALUD);
    }

    static String seed() {
        return TestTokens.integrator(SEED);
    }

    /** Subscribes as the token's agency; returns the 201 body (with the secret). */
    static JsonNode subscribe(String token, Map<String, Object> body) {
        String json = as(token).body(body).post(WEBHOOKS).then().statusCode(201)
                .header("Location", containsString(WEBHOOKS + "/")).extract().asString();
        return json(json);
    }

    static JsonNode deliveries(String token, String subscriptionId) {
        return json(as(token).get(WEBHOOKS + "/" + subscriptionId + "/deliveries").then().statusCode(200).extract().asString());
    }

    static JsonNode awaitDelivery(String token, String subscriptionId, String state, int attempts) throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        await("a " + state + " delivery after " + attempts + " attempt(s)", () -> {
            JsonNode items = deliveries(token, subscriptionId).get("items");
            for (JsonNode d : items) {
                if (state.equals(d.get("state").asText()) && d.get("attempts").asInt() == attempts) {
                    last[0] = d;
                    return true;
                }
            }
            return false;
        });
        return last[0];
    }

    @Test
    void aReferralStatusChangeReachesTheAgencySignedAndWithoutPersonalData() throws Exception {
        JsonNode sub = subscribe(salud(), Map.of("url", receiver.url("/salud/avisos?token=propio-del-receptor"),
                "events", List.of("referral.status-changed")));
        String secret = sub.get("secret").asText();
        assertEquals(43, secret.length());
        assertEquals(SALUD, sub.get("agency").asText());
        // another agency's subscription hears nothing of SALUD-DGO's referrals
        subscribe(seed(), Map.of("url", receiver.url("/seed/avisos"), "events", List.of("referral.status-changed")));

        Fixture f = referralTo(SALUD);
        ActingAs.agency("agencia-salud-dgo", SALUD, () -> referrals.changeStatus(f.referralId(), new ReferralStatusRequest("RECEIVED", null, null, null)));

        await("the receiver got the status change", () -> receiver.at("/salud/avisos").size() == 1);
        WebhookReceiver.Received r = receiver.at("/salud/avisos").get(0);
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("referral.status-changed", r.header("X-Dif-Event"));
        long ts = Long.parseLong(r.header("X-Dif-Timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - ts) < 60);
        assertTrue(WebhookSignature.verify(secret, ts, r.body(), r.header("X-Dif-Signature")), "signed with the subscription's secret");
        assertTrue(r.header("X-Dif-Signature").matches("sha256=[0-9a-f]{64}"));
        assertFalse(WebhookSignature.verify(secret, ts, r.body().replace("RECEIVED", "ACCEPTED"), r.header("X-Dif-Signature")));

        JsonNode body = json(r.body());
        assertEquals(Set.of("id", "type", "occurredAt", "data"), fields(body));
        assertEquals("referral.status-changed", body.get("type").asText());
        UUID.fromString(body.get("id").asText());
        Instant.parse(body.get("occurredAt").asText());
        JsonNode data = body.get("data");
        assertEquals(Set.of("referralId", "folio", "status", "previousStatus", "agency", "orgUnit"), fields(data));
        assertEquals(f.referralId().toString(), data.get("referralId").asText());
        assertEquals(f.folio(), data.get("folio").asText());
        assertEquals("RECEIVED", data.get("status").asText());
        assertEquals("REQUESTED", data.get("previousStatus").asText());
        assertEquals(SALUD, data.get("agency").asText());
        assertEquals("10005", data.get("orgUnit").asText());
        assertNoPersonalData(r.body(), f);

        // the delivery log: one attempt, 200, the same delivery id as the header
        JsonNode log = awaitDelivery(salud(), sub.get("id").asText(), "DELIVERED", 1);
        assertEquals(r.header("X-Dif-Delivery"), log.get("id").asText());
        assertEquals(body.get("id").asText(), log.get("eventId").asText());
        assertEquals("referral.status-changed", log.get("eventType").asText());
        assertEquals(200, log.get("lastStatusCode").asInt());
        assertTrue(log.get("lastError").isNull());
        assertTrue(log.get("nextAttemptAt").isNull());
        assertFalse(log.toString().contains("respuesta-del-receptor"), "the receiver's answer is never kept");

        // revocation by the sender: the reason stays home
        ActingAs.caseWorker("trabajadora.durango", "10005",
                () -> referrals.revoke(f.referralId(), "Motivo confidencial: " + FIRST_NAME + " cambió de domicilio"));
        await("the revocation", () -> receiver.at("/salud/avisos").size() == 2);
        WebhookReceiver.Received revoked = receiver.at("/salud/avisos").get(1);
        assertEquals("REVOKED", json(revoked.body()).at("/data/status").asText());
        assertEquals("RECEIVED", json(revoked.body()).at("/data/previousStatus").asText());
        assertNotEquals(body.get("id").asText(), json(revoked.body()).get("id").asText(), "each change is its own event");
        assertNoPersonalData(revoked.body(), f);
        assertTrue(receiver.at("/seed/avisos").isEmpty(), "SEED-DGO is not told of SALUD-DGO's referrals");
    }

    @Test
    void aChangeThatRollsBackTellsNothing() throws Exception {
        JsonNode sub = subscribe(salud(), Map.of("url", receiver.url("/salud/rollback"), "events", List.of("referral.status-changed")));
        Fixture f = referralTo(SALUD);
        try {
            ActingAs.agency("agencia-salud-dgo", SALUD, () -> QuarkusTransaction.requiringNew().run(() -> {
                referrals.changeStatus(f.referralId(), new ReferralStatusRequest("ACCEPTED", null, null, null));
                throw new IllegalStateException("something later in the same transaction fails");
            }));
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0, deliveries(salud(), sub.get("id").asText()).get("total").asInt());
        ActingAs.agency("agencia-salud-dgo", SALUD,
                () -> referrals.changeStatus(f.referralId(), new ReferralStatusRequest("ACCEPTED", null, null, null)));
        assertEquals(1, deliveries(salud(), sub.get("id").asText()).get("total").asInt(), "queued with the change itself");
        await("the committed change", () -> receiver.at("/salud/rollback").size() == 1);
    }

    @Test
    void aReceiverFailingTwiceGetsItOnTheThirdAttempt() throws Exception {
        receiver.answer("/salud/flaky", n -> n <= 2 ? 500 : 200);
        JsonNode sub = subscribe(salud(), Map.of("url", receiver.url("/salud/flaky"), "events", List.of("referral.status-changed")));
        String id = sub.get("id").asText();
        as(salud()).post(WEBHOOKS + "/" + id + "/test").then().statusCode(202)
                .body("eventType", equalTo("ping")).body("state", equalTo("PENDING"));

        JsonNode log = awaitDelivery(salud(), id, "DELIVERED", 3);
        assertEquals(200, log.get("lastStatusCode").asInt());
        assertTrue(log.get("deliveredAt").isTextual());
        List<WebhookReceiver.Received> got = receiver.at("/salud/flaky");
        assertEquals(3, got.size());
        assertEquals(1, got.stream().map(r -> r.header("X-Dif-Delivery")).distinct().count(), "the same delivery each time");
        assertEquals(1, got.stream().map(WebhookReceiver.Received::body).distinct().count(), "the same body each time");
        for (WebhookReceiver.Received r : got) {
            assertEquals("ping", r.header("X-Dif-Event"));
            assertTrue(WebhookSignature.verify(sub.get("secret").asText(), Long.parseLong(r.header("X-Dif-Timestamp")), r.body(),
                    r.header("X-Dif-Signature")));
        }
        JsonNode ping = json(got.get(0).body());
        assertEquals(id, ping.at("/data/subscriptionId").asText());
        assertEquals(SALUD, ping.at("/data/agency").asText());
    }

    @Test
    void aReceiverThatKeepsFailingEndsFailedAndCanBeRetried() throws Exception {
        boolean[] fixed = {false};
        receiver.answer("/salud/caido", n -> fixed[0] ? 204 : 503);
        JsonNode sub = subscribe(salud(), Map.of("url", receiver.url("/salud/caido"), "events", List.of("indicator.updated")));
        String id = sub.get("id").asText();
        as(salud()).post(WEBHOOKS + "/" + id + "/test").then().statusCode(202);

        // 4 attempts in the test profile (100 ms, 150 ms, 200 ms apart), then FAILED
        JsonNode failed = awaitDelivery(salud(), id, "FAILED", 4);
        assertEquals(503, failed.get("lastStatusCode").asInt());
        assertEquals("El receptor respondió HTTP 503.", failed.get("lastError").asText());
        assertTrue(failed.get("nextAttemptAt").isNull());
        Thread.sleep(500);
        assertEquals(4, receiver.at("/salud/caido").size(), "nothing more after FAILED");
        as(salud()).get(WEBHOOKS + "/" + id + "/deliveries?state=FAILED").then().statusCode(200).body("total", equalTo(1));
        as(salud()).get(WEBHOOKS + "/" + id + "/deliveries?state=PENDING").then().statusCode(200).body("total", equalTo(0));
        String deliveryId = failed.get("id").asText();

        // another agency may not re-queue it; the owner may
        as(seed()).post(WEBHOOKS + "/deliveries/" + deliveryId + "/retry").then().statusCode(403)
                .contentType("application/problem+json");
        fixed[0] = true;
        as(salud()).post(WEBHOOKS + "/deliveries/" + deliveryId + "/retry").then().statusCode(202)
                .body("state", equalTo("PENDING")).body("manualRetries", equalTo(1));
        JsonNode delivered = awaitDelivery(salud(), id, "DELIVERED", 5);
        assertEquals(204, delivered.get("lastStatusCode").asInt());
        assertEquals(1, delivered.get("manualRetries").asInt());
        as(salud()).post(WEBHOOKS + "/deliveries/" + deliveryId + "/retry").then().statusCode(409)
                .body("detail", containsString("FAILED"));
        as(salud()).post(WEBHOOKS + "/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        as(salud()).get(WEBHOOKS + "/" + id).then().statusCode(200).body("consecutiveFailures", equalTo(0));
    }

    @Test
    void unreachableAndSlowReceiversAreLoggedAlikeWithAShortReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        JsonNode refused = subscribe(salud(), Map.of("url", "http://127.0.0.1:" + closedPort + "/nadie", "events", List.of("indicator.updated")));
        receiver.delay("/salud/lento", 4_000); // the test profile waits 3 s for an answer
        JsonNode slow = subscribe(salud(), Map.of("url", receiver.url("/salud/lento"), "events", List.of("indicator.updated")));
        as(salud()).post(WEBHOOKS + "/" + refused.get("id").asText() + "/test").then().statusCode(202);
        as(salud()).post(WEBHOOKS + "/" + slow.get("id").asText() + "/test").then().statusCode(202);

        await("a refused connection logged", () -> deliveries(salud(), refused.get("id").asText()).at("/items/0/attempts").asInt() >= 1);
        JsonNode r = deliveries(salud(), refused.get("id").asText()).at("/items/0");
        assertTrue(r.get("lastStatusCode").isNull());
        assertTrue(r.get("lastError").asText().startsWith("No se pudo entregar: el destino no respondió."), r.toString());
        assertFalse(r.get("lastError").asText().contains(String.valueOf(closedPort)), "no URL in the reason");

        await("a timeout logged", () -> deliveries(salud(), slow.get("id").asText()).at("/items/0/attempts").asInt() >= 1);
        JsonNode t = deliveries(salud(), slow.get("id").asText()).at("/items/0");
        assertTrue(t.get("lastStatusCode").isNull());
        // refused and timed out read the same: the delivery log is no port scanner (the reason is in the service's log)
        assertEquals(r.get("lastError").asText(), t.get("lastError").asText());
        assertTrue(t.get("lastError").asText().contains("3 s"), "the answer limit is named: " + t);
        receiver.delay("/salud/lento", 0);
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() throws Exception {
        receiver.answer("/salud/mudado", n -> 302);
        JsonNode sub = subscribe(salud(), Map.of("url", receiver.url("/salud/mudado"), "events", List.of("indicator.updated")));
        as(salud()).post(WEBHOOKS + "/" + sub.get("id").asText() + "/test").then().statusCode(202);
        await("the redirect logged", () -> deliveries(salud(), sub.get("id").asText()).at("/items/0/attempts").asInt() >= 1);
        JsonNode d = deliveries(salud(), sub.get("id").asText()).at("/items/0");
        assertEquals(302, d.get("lastStatusCode").asInt());
        assertTrue(d.get("lastError").asText().contains("las redirecciones no se siguen"), d.toString());
        assertTrue(receiver.at("/redirigido/salud/mudado").isEmpty(), "the Location is never visited");
    }

    @Test
    void indicatorUpdatesGoOnlyToMatchingSubscriptionsAndOnlyOnce() throws Exception {
        JsonNode durango = subscribe(salud(), Map.of("url", receiver.url("/ind/durango"), "events", List.of("indicator.updated"),
                "orgUnits", List.of("10005"), "indicators", List.of("T-01", "T-02")));
        JsonNode gomez = subscribe(salud(), Map.of("url", receiver.url("/ind/gomez"), "events", List.of("indicator.updated"),
                "orgUnits", List.of("10007")));
        JsonNode otherIndicator = subscribe(seed(), Map.of("url", receiver.url("/ind/otro"), "events", List.of("indicator.updated"),
                "indicators", List.of("T-99")));
        JsonNode referralsOnly = subscribe(seed(), Map.of("url", receiver.url("/ind/solo-canalizaciones"),
                "events", List.of("referral.status-changed")));

        IndicatorUpdated update = new IndicatorUpdated("T-01", "10005", LocalDate.now().getYear(), "ANUAL", "SUM",
                new BigDecimal("120"), new BigDecimal("37"), new BigDecimal("30.8333"));
        String event = cloudEvent(update);
        String marker = cloudEvent(new IndicatorUpdated("T-02", "10005", LocalDate.now().getYear(), "ANUAL", "SUM",
                new BigDecimal("10"), new BigDecimal("1"), new BigDecimal("10.0000")));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            String key = "10005|T-01";
            producer.send(new ProducerRecord<>(Topics.INDICATOR_UPDATES, key, event)).get();
            producer.send(new ProducerRecord<>(Topics.INDICATOR_UPDATES, key, event)).get(); // redelivered
            producer.send(new ProducerRecord<>(Topics.INDICATOR_UPDATES, key, marker)).get(); // same partition, after both
        }
        await("the marker reached Durango's receiver", () -> receiver.at("/ind/durango").size() >= 2);
        Thread.sleep(300);
        List<WebhookReceiver.Received> got = receiver.at("/ind/durango");
        assertEquals(2, got.size(), "the same event id is delivered once per subscription");
        WebhookReceiver.Received first = got.stream().filter(r -> r.body().contains("\"T-01\"")).findFirst().orElseThrow();
        assertEquals("indicator.updated", first.header("X-Dif-Event"));
        assertTrue(WebhookSignature.verify(durango.get("secret").asText(), Long.parseLong(first.header("X-Dif-Timestamp")),
                first.body(), first.header("X-Dif-Signature")));
        JsonNode body = json(first.body());
        assertEquals(json(event).get("id").asText(), body.get("id").asText(), "the event id is the CloudEvent's");
        assertEquals("indicator.updated", body.get("type").asText());
        JsonNode data = body.get("data");
        assertEquals(Set.of("indicator", "orgUnit", "fiscalYear", "period", "method", "target", "value", "percent"), fields(data));
        assertEquals("T-01", data.get("indicator").asText());
        assertEquals("10005", data.get("orgUnit").asText());
        assertEquals(new BigDecimal("30.8333"), data.get("percent").decimalValue());
        assertEquals(2, deliveries(salud(), durango.get("id").asText()).get("total").asInt());

        // the others were decided in the same transactions: none matched
        for (JsonNode other : List.of(gomez, otherIndicator, referralsOnly)) {
            String token = other.get("agency").asText().equals(SALUD) ? salud() : seed();
            assertEquals(0, deliveries(token, other.get("id").asText()).get("total").asInt(), other.get("url").asText());
        }
        assertTrue(receiver.at("/ind/gomez").isEmpty());
        assertTrue(receiver.at("/ind/otro").isEmpty());
    }

    @Test
    void aRotatedSecretSignsFromThenOn() throws Exception {
        JsonNode sub = subscribe(salud(), Map.of("url", receiver.url("/salud/rotacion"), "events", List.of("referral.status-changed")));
        String id = sub.get("id").asText();
        String old = sub.get("secret").asText();
        as(salud()).get(WEBHOOKS + "/" + id).then().statusCode(200).body("secret", nullValue()).body("secretRotatedAt", nullValue());
        // no body, no Content-Type: as a plain client sends it
        String fresh = given().auth().oauth2(salud()).post(WEBHOOKS + "/" + id + "/secret").then().statusCode(200)
                .body("secretRotatedAt", notNullValue()).extract().path("secret");
        assertNotEquals(old, fresh);
        assertEquals(43, fresh.length());
        as(salud()).get(WEBHOOKS + "/" + id).then().statusCode(200).body("secret", nullValue());
        as(salud()).get(WEBHOOKS).then().statusCode(200).body("items.secret", not(hasItem(notNullValue())));
        given().auth().oauth2(salud()).post(WEBHOOKS + "/" + id + "/test").then().statusCode(202);
        await("the ping", () -> receiver.at("/salud/rotacion").size() == 1);
        WebhookReceiver.Received r = receiver.at("/salud/rotacion").get(0);
        long ts = Long.parseLong(r.header("X-Dif-Timestamp"));
        assertTrue(WebhookSignature.verify(fresh, ts, r.body(), r.header("X-Dif-Signature")));
        assertFalse(WebhookSignature.verify(old, ts, r.body(), r.header("X-Dif-Signature")));
    }

    @Test
    void eachAgencyKeepsToItsOwnSubscriptions() throws Exception {
        JsonNode sub = subscribe(salud(), Map.of("url", "https://sistema.salud.example/webhooks/dif",
                "events", List.of("referral.status-changed", "indicator.updated"), "orgUnits", List.of("10")));
        String id = sub.get("id").asText();
        String path = WEBHOOKS + "/" + id;

        // no token: 401 everywhere
        given().get(WEBHOOKS).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://x.example", "events", List.of("indicator.updated")))
                .post(WEBHOOKS).then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().get(path + "/deliveries").then().statusCode(401);
        given().auth().oauth2(TestTokens.tampered(salud())).get(path).then().statusCode(401);

        // another agency: 403 on the subscription and its log, and it does not see it listed
        for (ValidatableResponse r : List.of(as(seed()).get(path).then(), as(seed()).get(path + "/deliveries").then(),
                as(seed()).post(path + "/secret").then(), as(seed()).post(path + "/test").then(), as(seed()).delete(path).then())) {
            r.statusCode(403).contentType("application/problem+json").body("detail", containsString("otra dependencia"));
        }
        as(seed()).get(WEBHOOKS).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(seed()).get(WEBHOOKS + "?agency=" + SALUD).then().statusCode(403);
        as(seed()).body(Map.of("url", "https://x.example/h", "events", List.of("indicator.updated"), "agency", SALUD))
                .post(WEBHOOKS).then().statusCode(403).body("detail", containsString("propia dependencia"));

        // people's roles do not manage webhooks
        as(TestTokens.caseWorker("10005")).get(WEBHOOKS).then().statusCode(403);
        as(TestTokens.director("10005")).get(path).then().statusCode(403);

        // the owner reads it, its list has it
        as(salud()).get(path).then().statusCode(200).body("agency", equalTo(SALUD)).body("orgUnits", equalTo(List.of("10")))
                .body("createdBy", equalTo("agencia-salud-dgo"));
        as(salud()).get(WEBHOOKS).then().statusCode(200).body("items.id", hasItem(id)).body("total", equalTo(1));

        // an administrator sees every agency's, and creates for an agency in the directory
        sql("insert into agency(id, name, kind, on_platform) values ('" + SEED + "', 'Secretaría de Educación de Durango', 'PUBLIC', true) on conflict do nothing");
        as(TestTokens.administrator()).get(path).then().statusCode(200);
        String adminMade = as(TestTokens.administrator()).body(Map.of("url", "https://sistema.seed.example/hook",
                        "events", List.of("referral.status-changed"), "agency", SEED))
                .post(WEBHOOKS).then().statusCode(201).body("agency", equalTo(SEED)).body("createdBy", equalTo("admin.dif"))
                .extract().path("id");
        as(TestTokens.administrator()).get(WEBHOOKS).then().statusCode(200).body("total", equalTo(2))
                .body("items.id", hasItem(adminMade));
        as(TestTokens.administrator()).get(WEBHOOKS + "?agency=" + SEED + "&size=1").then().statusCode(200)
                .body("total", equalTo(1)).body("size", equalTo(1));
        as(seed()).get(WEBHOOKS + "/" + adminMade).then().statusCode(200);
        as(TestTokens.administrator()).body(Map.of("url", "https://x.example/h", "events", List.of("indicator.updated")))
                .post(WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("agency"));
        as(TestTokens.administrator()).body(Map.of("url", "https://x.example/h", "events", List.of("indicator.updated"), "agency", "NO-EXISTE"))
                .post(WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("agency"));

        // deleting: 204, then 404
        as(salud()).delete(path).then().statusCode(204);
        as(salud()).get(path).then().statusCode(404).contentType("application/problem+json");
        as(salud()).get(path + "/deliveries").then().statusCode(404);
        as(salud()).get(WEBHOOKS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void invalidSubscriptionsAre422InSpanishWithTheField() {
        as(salud()).body(Map.of("url", "http://sistema.salud.example/hook", "events", List.of("referral.status-changed")))
                .post(WEBHOOKS).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("http:// solo se acepta para localhost o 127.0.0.1"));
        as(salud()).body(Map.of("url", "https://sistema.salud.example/hook", "events", List.of("referral.created", "indicator.updated")))
                .post(WEBHOOKS).then().statusCode(422).body("errors[0].field", equalTo("events"))
                .body("errors[0].message", containsString("referral.status-changed, indicator.updated"));
        as(salud()).body(Map.of("url", "https://sistema.salud.example/hook", "events", List.of()))
                .post(WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("events"));
        as(salud()).body(Map.of("url", "https://sistema.salud.example/hook", "events", List.of("referral.status-changed"),
                        "orgUnits", List.of("10005")))
                .post(WEBHOOKS).then().statusCode(422).body("errors[0].field", equalTo("orgUnits"))
                .body("errors[0].message", containsString("indicator.updated"));
        as(salud()).body(Map.of("url", "https://sistema.salud.example/hook", "events", List.of("indicator.updated"),
                        "orgUnits", List.of("Durango"), "indicators", List.of("T 01; drop")))
                .post(WEBHOOKS).then().statusCode(422).body("errors.field", equalTo(List.of("orgUnits", "indicators")))
                .body("title", equalTo("Datos inválidos"));
        // everything wrong at once: every field named
        as(salud()).body(Map.of("url", "ftp://x", "orgUnits", List.of("10005")))
                .post(WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("url")).body("errors.field", hasItem("events"));
        as(salud()).body("{\"url\": ").post(WEBHOOKS).then().statusCode(400);
        as(salud()).get(WEBHOOKS + "/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        as(salud()).get(WEBHOOKS + "?size=0").then().statusCode(400);
    }

    // --- fixtures ---------------------------------------------------------------------------

    record Fixture(UUID referralId, String folio, String curp) {
    }

    /** A person, a case and a REQUESTED referral with its letter, addressed to the agency, written as rows. */
    Fixture referralTo(String agency) throws Exception {
        int n = FIXTURES.incrementAndGet();
        UUID beneficiary = UUID.randomUUID();
        UUID kase = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        String curp = CaseTestSupport.curp("ZOWF120505MDGBCR" + Character.toUpperCase(Character.forDigit(n % 36, 36)));
        String folio = "SG-10005-2099-" + String.format("%04d", n) + "-" + referral.toString().substring(0, 4);
        try (Connection c = ds.getConnection()) {
            exec(c, "insert into agency(id, name, kind, on_platform) values (?, ?, 'PUBLIC', true) on conflict do nothing",
                    agency, "Dependencia " + agency);
            exec(c, """
                    insert into beneficiary(id, org_unit, curp, first_name, last_name, second_last_name, name_key, birth_date, sex,
                                            locality, municipality, address, created_by)
                    values (?, '10005', ?, ?, ?, 'Ficticia', ?, date '2012-05-05', 'M', 'Durango', '10005', ?, 'prueba')""",
                    beneficiary, curp, FIRST_NAME, LAST_NAME, "zoraida webhookez ficticia " + n, ADDRESS);
            exec(c, """
                    insert into support_case(id, folio, ref, org_unit, beneficiary_id, origin, category, priority, request, status,
                                             received_on, created_by)
                    values (?, ?, ?, '10005', ?, 'WALK_IN', 'HEALTH', 'HIGH', ?, 'REFERRED', current_date, 'prueba')""",
                    kase, "CASO-WH-" + referral.toString().substring(0, 8), "wh-case-" + kase, beneficiary, REQUEST);
            exec(c, """
                    insert into referral(id, ref, case_id, org_unit, agency_id, request, status, letter_folio, letter_issued_on, created_by)
                    values (?, ?, ?, '10005', ?, ?, 'REQUESTED', ?, current_date, 'prueba')""",
                    referral, "wh-ref-" + referral, kase, agency, REQUEST, folio);
        }
        return new Fixture(referral, folio, curp);
    }

    static void assertNoPersonalData(String body, Fixture f) {
        for (String personal : List.of(FIRST_NAME, LAST_NAME, "Ficticia", f.curp(), ADDRESS, "Calle", REQUEST, "asma",
                "Motivo confidencial", "2012-05-05", "trabajadora", "prueba")) {
            assertFalse(body.toLowerCase().contains(personal.toLowerCase()), "'" + personal + "' must not be in " + body);
        }
    }

    static String cloudEvent(IndicatorUpdated data) throws Exception {
        return EventJson.MAPPER.writeValueAsString(CloudEvent.of(UUID.randomUUID().toString(), "/indicators-service",
                EventTypes.INDICATOR_UPDATED, data.orgUnit() + "|" + data.indicator(), EventJson.MAPPER.valueToTree(data)));
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    void sql(String statement) throws Exception {
        try (Connection c = ds.getConnection()) {
            exec(c, statement);
        }
    }

    static void exec(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
