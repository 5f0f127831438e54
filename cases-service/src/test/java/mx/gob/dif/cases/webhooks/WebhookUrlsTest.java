package mx.gob.dif.cases.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://sistema.salud.example/webhooks/dif", "https://10.0.0.5:8443/hook?canal=dif",
            "http://localhost:9000/hook", "http://127.0.0.1:9000/hook", "HTTPS://Sistema.Example/x", "http://LOCALHOST/x"})
    void accepted(String url) {
        assertNull(WebhookUrls.problem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://sistema.salud.example/webhooks", "http://127.0.0.2/x", "http://localhost.example.com/x",
            "ftp://sistema.example/x", "file:///etc/passwd", "javascript:alert(1)"})
    void plainHttpOnlyForLocalhostAndOtherSchemesNever(String url) {
        String p = WebhookUrls.problem(url);
        assertNotNull(p, url);
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
