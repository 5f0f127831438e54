package mx.gob.dif.cases.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlsTest {
    /** The resolver of these tests: a few made-up names, and nothing else resolves (no DNS is asked). */
    static final Map<String, String[]> NAMES = Map.of(
            "sistema.salud.example", new String[]{"201.144.10.20"},
            "interno.salud.example", new String[]{"10.0.0.5"},
            "mixto.salud.example", new String[]{"201.144.10.20", "192.168.1.10"},
            "metadatos.example", new String[]{"169.254.169.254"},
            "v6.salud.example", new String[]{"2800:3f0:4005::200e"},
            "v6-local.salud.example", new String[]{"fd12:3456::1"});
    static final WebhookUrls.Resolver RESOLVER = host -> {
        String[] addresses = NAMES.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[]{InetAddress.getByName(host)}; // an IP literal, as the system resolver does
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] all = new InetAddress[addresses.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
        }
        return all;
    };

    @ParameterizedTest
    @ValueSource(strings = {"https://sistema.salud.example/webhooks/dif", "https://10.0.0.5:8443/hook?canal=dif",
            "http://localhost:9000/hook", "http://127.0.0.1:9000/hook", "HTTPS://Sistema.Example/x", "http://LOCALHOST/x"})
    void acceptedInDevelopmentAndTests(String url) {
        assertNull(WebhookUrls.problem(url));
        assertNull(WebhookUrls.problem(url, true, RESOLVER), "dev/test: the host is not even resolved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sistema.salud.example/webhooks/dif", "https://SISTEMA.salud.example:8443/x?y=1",
            "https://201.144.10.20/hook", "https://v6.salud.example/hook", "https://[2800:3f0:4005::200e]:8443/hook"})
    void publicReceiversAreAcceptedEverywhere(String url) {
        assertNull(WebhookUrls.problem(url, false, RESOLVER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5", "https://10.0.0.5/", "https://10.0.0.5:8443/hook?canal=dif",
            "http://127.0.0.1:9/", "http://localhost:9000/hook", "https://127.0.0.1/", "https://[::1]/x",
            "https://[::ffff:10.0.0.5]/x", "https://[::ffff:7f00:1]/x", "https://[fd12:3456::1]/x", "https://[fe80::1]/x",
            "https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/latest", "https://100.100.100.200/",
            "https://168.63.129.16/machine", "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/",
            "https://172.16.0.1/", "https://192.168.0.1/", "https://100.64.0.1/", "https://[::]/", "https://[64:ff9b::a00:5]/",
            "https://interno.salud.example/hook", "https://mixto.salud.example/hook", "https://metadatos.example/",
            "https://v6-local.salud.example/", "https://no-existe.example/hook"})
    void outsideDevelopmentOnlyPublicAddressesAreAccepted(String url) {
        assertNull(WebhookUrls.problem(url), "well formed: " + url);
        assertEquals(WebhookUrls.NOT_PUBLIC, WebhookUrls.problem(url, false, RESOLVER), url);
        assertThrows(WebhookUrls.NotDeliverable.class, () -> WebhookUrls.target(url, false, RESOLVER), url);
    }

    @Test
    void unresolvableAndPrivateNamesGetTheSameAnswer() throws Exception {
        // otherwise the 422 would tell which internal names exist
        assertEquals(WebhookUrls.problem("https://no-existe.example/x", false, RESOLVER),
                WebhookUrls.problem("https://interno.salud.example/x", false, RESOLVER));
        assertTrue(WebhookUrls.NOT_PUBLIC.contains("público"));
        assertEquals("unknown host", assertThrows(WebhookUrls.NotDeliverable.class,
                () -> WebhookUrls.target("https://no-existe.example/x", false, RESOLVER)).getMessage());
        assertEquals("address not public (PRIVATE)", assertThrows(WebhookUrls.NotDeliverable.class,
                () -> WebhookUrls.target("https://mixto.salud.example/x", false, RESOLVER)).getMessage());
    }

    @Test
    void theTargetKeepsTheNameAndPinsTheCheckedAddress() throws Exception {
        WebhookUrls.Target t = WebhookUrls.target("https://sistema.salud.example/webhooks/dif?canal=1&x=%20", false, RESOLVER);
        assertEquals("sistema.salud.example", t.host());
        assertEquals(443, t.port());
        assertTrue(t.tls());
        assertEquals("/webhooks/dif?canal=1&x=%20", t.pathAndQuery());
        assertEquals("201.144.10.20", t.address().getHostAddress());

        WebhookUrls.Target local = WebhookUrls.target("http://127.0.0.1:9000", true, RESOLVER);
        assertEquals(9000, local.port());
        assertEquals("/", local.pathAndQuery());
        assertEquals("127.0.0.1", local.address().getHostAddress());

        WebhookUrls.Target v6 = WebhookUrls.target("https://[2800:3f0:4005::200e]:8443/h", false, RESOLVER);
        assertEquals("2800:3f0:4005::200e", v6.host());
        assertEquals(8443, v6.port());
        assertThrows(WebhookUrls.NotDeliverable.class, () -> WebhookUrls.target("ftp://sistema.salud.example/x", true, RESOLVER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://sistema.salud.example/webhooks", "http://127.0.0.2/x", "http://localhost.example.com/x",
            "ftp://sistema.example/x", "file:///etc/passwd", "javascript:alert(1)"})
    void plainHttpOnlyForLocalhostAndOtherSchemesNever(String url) {
        String p = WebhookUrls.problem(url);
        assertNotNull(p, url);
        assertEquals(p, WebhookUrls.problem(url, false, RESOLVER), "the form is judged first");
    }

    @Test
    void theMessagesSayWhatIsAccepted() {
        assertTrue(WebhookUrls.problem("http://sistema.example/x").contains("http:// solo se acepta para localhost o 127.0.0.1"));
        assertTrue(WebhookUrls.problem(null).contains("'url'"));
        assertTrue(WebhookUrls.problem("  ").contains("'url'"));
        assertTrue(WebhookUrls.problem("/webhooks/dif").contains("absoluta"));
        assertTrue(WebhookUrls.problem("https://usuario:clave@sistema.example/x").contains("usuario ni contraseña"));
        assertTrue(WebhookUrls.problem("https://sistema.example/x#frag").contains("fragmento"));
        assertTrue(WebhookUrls.problem("https://sistema example/x").startsWith("La URL no es válida"));
        assertTrue(WebhookUrls.problem("https://s.example/" + "a".repeat(2000)).contains("2000"));
    }

    @Test
    void logsSeeOnlySchemeHostAndPort() {
        assertEquals("https://sistema.example", WebhookUrls.forLogs("https://sistema.example/hook?token=abc123"));
        assertEquals("http://127.0.0.1:9000", WebhookUrls.forLogs("http://127.0.0.1:9000/secreto/ruta"));
        assertEquals("<invalid url>", WebhookUrls.forLogs("ht tp://x"));
    }
}
