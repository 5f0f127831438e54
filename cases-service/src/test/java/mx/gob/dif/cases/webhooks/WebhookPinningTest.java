package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static mx.gob.dif.cases.CaseTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delivery connects to the address its own lookup checked, never to what the HTTP client would
 * look up again, and keeps the URL's name in Host; over TLS the certificate is checked. The test's
 * resolver answers 127.0.0.2 for "localhost", where the receivers listen; the system's "localhost"
 * (127.0.0.1) has nobody on that port, so a delivery arrives only if the checked address is the
 * one connected to.
 */
@QuarkusTest
class WebhookPinningTest {
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void forgetSubscriptions() throws Exception {
        WebhookDeliveryTest.forgetSubscriptions(ds);
    }

    static final InetAddress PINNED = address();

    static InetAddress address() {
        try {
            return InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 2});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "localhost" is 127.0.0.2 for the dispatcher during the test. */
    static void resolveLocalhostTo127002() {
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!host.equals("localhost")) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[]{PINNED};
            }
        }, HostResolver.class);
    }

    @Test
    void theDeliveryGoesToTheResolvedAddressWithTheUrlsName() throws Exception {
        resolveLocalhostTo127002();
        try (WebhookReceiver elsewhere = new WebhookReceiver(PINNED)) {
            int port = elsewhere.port();
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                    "nothing may listen on the system's localhost at the receiver's port");

            JsonNode sub = WebhookDeliveryTest.subscribe(WebhookDeliveryTest.salud(),
                    Map.of("url", "http://localhost:" + port + "/fijado?canal=dif", "events", List.of("indicator.updated")));
            WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).post(WebhookDeliveryTest.WEBHOOKS + "/" + sub.get("id").asText() + "/test")
                    .then().statusCode(202);

            await("the ping at 127.0.0.2", () -> elsewhere.at("/fijado").size() == 1);
            WebhookReceiver.Received r = elsewhere.at("/fijado").get(0);
            assertEquals("localhost:" + port, r.header("Host"), "the name stays in Host");
            long ts = Long.parseLong(r.header("X-Dif-Timestamp"));
            assertTrue(WebhookSignature.verify(sub.get("secret").asText(), ts, r.body(), r.header("X-Dif-Signature")));
            // delivered, whatever the attempt: a first attempt may fail while the test's resolver is being installed
            // (seen once on a loaded machine: "network: IllegalStateException"); every attempt goes to 127.0.0.2 only
            String subscription = sub.get("id").asText();
            await("the delivery logged as DELIVERED", () -> "DELIVERED".equals(
                    WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), subscription).at("/items/0/state").asText()));
            assertEquals(200, WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), subscription).at("/items/0/lastStatusCode").asInt());
        }
    }

    /** The certificate is checked: a receiver whose certificate no trusted authority signed gets nothing. */
    @Test
    void anUntrustedCertificateGetsNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        resolveLocalhostTo127002();
        Path store = dir.resolve("receptor.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receptor", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.2", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "prueba-tls", "-keypass", "prueba-tls").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), () -> "keytool: " + new String(readAll(keytool)));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "prueba-tls".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "prueba-tls".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(PINNED, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            JsonNode sub = WebhookDeliveryTest.subscribe(WebhookDeliveryTest.salud(), Map.of(
                    "url", "https://localhost:" + server.getAddress().getPort() + "/tls", "events", List.of("indicator.updated")));
            String id = sub.get("id").asText();
            WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).post(WebhookDeliveryTest.WEBHOOKS + "/" + id + "/test").then().statusCode(202);
            await("the attempt logged", () -> WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id).at("/items/0/attempts").asInt() >= 1);
            JsonNode d = WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id).at("/items/0");
            assertTrue(d.get("lastStatusCode").isNull(), d.toString());
            assertTrue(d.get("lastError").asText().startsWith("No se pudo entregar: el destino no respondió."), d.toString());
            assertEquals(0, requests.get(), "no request passed the TLS handshake");
        } finally {
            server.stop(0);
        }
    }

    static byte[] readAll(Process p) {
        try {
            return p.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }
}
