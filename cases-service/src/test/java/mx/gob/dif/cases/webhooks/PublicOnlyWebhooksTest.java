package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static mx.gob.dif.cases.CaseTestSupport.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as production runs them ({@code allow-private-addresses=false}, as outside the dev and
 * test profiles): receivers on loopback or private networks are refused on registration with a
 * 422, and a name that resolves to such an address when a delivery is due is never connected to.
 */
@QuarkusTest
@TestProfile(PublicOnlyWebhooksTest.PublicOnly.class)
class PublicOnlyWebhooksTest {
    public static class PublicOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cases.webhooks.allow-private-addresses", "false");
        }
    }

    @Inject
    AgroalDataSource ds;

    @Inject
    WebhookSecrets secrets;

    @AfterEach
    void forgetSubscriptions() throws Exception {
        WebhookDeliveryTest.forgetSubscriptions(ds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/", "https://10.0.0.5/", "https://10.0.0.5:8443/hook?canal=dif",
            "http://localhost:9000/hook", "https://169.254.169.254/latest/meta-data/", "https://[::1]/x",
            "https://[::ffff:192.168.0.1]/x", "https://nombre-que-no-existe.invalid/hook"})
    void aReceiverThatIsNotPublicIsRefusedWith422(String url) {
        WebhookDeliveryTest.as(WebhookDeliveryTest.salud())
                .body(Map.of("url", url, "events", List.of("indicator.updated")))
                .post(WebhookDeliveryTest.WEBHOOKS).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("servidor público de Internet"))
                .body("detail", containsString("no se aceptan"));
        WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).get(WebhookDeliveryTest.WEBHOOKS).then().statusCode(200)
                .body("items.url", not(hasItem(url)));
    }

    @Test
    void aNameRepointedAtLoopbackAfterRegistrationIsNeverConnectedTo() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = countConnections(listener);
            AtomicInteger lookups = new AtomicInteger();
            // public when registered, loopback on every later lookup: DNS rebinding
            QuarkusMock.installMockForType(new HostResolver() {
                @Override
                public InetAddress[] resolve(String host) throws UnknownHostException {
                    byte[] address = lookups.getAndIncrement() == 0 ? new byte[]{(byte) 201, (byte) 144, 10, 20} : new byte[]{127, 0, 0, 1};
                    return new InetAddress[]{InetAddress.getByAddress(host, address)};
                }
            }, HostResolver.class);
            JsonNode sub = WebhookDeliveryTest.subscribe(WebhookDeliveryTest.salud(), Map.of(
                    "url", "https://receptor.salud.example:" + listener.getLocalPort() + "/hook", "events", List.of("indicator.updated")));
            String id = sub.get("id").asText();
            WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).post(WebhookDeliveryTest.WEBHOOKS + "/" + id + "/test").then().statusCode(202);

            await("the attempt logged", () -> WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id).at("/items/0/attempts").asInt() >= 1);
            JsonNode d = WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id).at("/items/0");
            assertTrue(d.get("lastError").asText().startsWith("No se pudo entregar: el destino no respondió."), d.toString());
            assertTrue(d.get("lastStatusCode").isNull());
            assertEquals(0, connections.get(), "nothing connected to the loopback listener");
        }
    }

    @Test
    void aStoredPrivateUrlIsNotDeliveredTo() throws Exception {
        // a subscription from before this rule (or written by hand): the check at delivery stops it
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = countConnections(listener);
            UUID id = UUID.randomUUID();
            try (Connection c = ds.getConnection()) {
                WebhookDeliveryTest.exec(c, """
                                insert into webhook_subscription(id, agency_id, url, secret_sealed, events, created_at, created_by)
                                values (?, ?, ?, ?, array['indicator.updated'], ?, 'prueba')""",
                        id, WebhookDeliveryTest.SALUD, "http://127.0.0.1:" + listener.getLocalPort() + "/hook",
                        secrets.issue(id).sealed(), OffsetDateTime.now());
            }
            WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).post(WebhookDeliveryTest.WEBHOOKS + "/" + id + "/test").then().statusCode(202);
            await("the attempt logged", () -> WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id.toString())
                    .at("/items/0/attempts").asInt() >= 1);
            JsonNode d = WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id.toString()).at("/items/0");
            assertTrue(d.get("lastError").asText().startsWith("No se pudo entregar: el destino no respondió."), d.toString());
            assertEquals(0, connections.get(), "nothing connected to the loopback listener");
        }
    }

    /** Counts the connections the listener accepts, on a thread of its own, until it is closed. */
    static AtomicInteger countConnections(ServerSocket listener) {
        AtomicInteger connections = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        return connections;
    }
}
