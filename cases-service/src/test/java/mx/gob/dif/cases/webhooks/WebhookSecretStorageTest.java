package mx.gob.dif.cases.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V6__seal_webhook_secrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static mx.gob.dif.cases.CaseTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing secrets at rest: whoever reads webhook_subscription with SQL finds no secret, in any
 * encoding; the shown secret still signs deliveries; rows written before V6 are sealed in place.
 */
@QuarkusTest
class WebhookSecretStorageTest {
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void forgetSubscriptions() throws Exception {
        WebhookDeliveryTest.forgetSubscriptions(ds);
    }

    @Test
    void theTableHoldsNoReadableSecretBeforeOrAfterRotation() throws Exception {
        JsonNode sub = WebhookDeliveryTest.subscribe(WebhookDeliveryTest.salud(),
                Map.of("url", "https://sistema.salud.example/hook", "events", List.of("indicator.updated")));
        String id = sub.get("id").asText();
        String first = sub.get("secret").asText();
        assertSecretNotInTheTable(first);

        String second = WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).post(WebhookDeliveryTest.WEBHOOKS + "/" + id + "/secret")
                .then().statusCode(200).extract().path("secret");
        assertSecretNotInTheTable(first);
        assertSecretNotInTheTable(second);
        assertTrue(column("select secret_sealed from webhook_subscription where id = '" + id + "'").startsWith("v1."));
    }

    @Test
    void onlySealedTextMayBeStored() throws Exception {
        JsonNode sub = WebhookDeliveryTest.subscribe(WebhookDeliveryTest.salud(),
                Map.of("url", "https://sistema.salud.example/hook", "events", List.of("indicator.updated")));
        try (Connection c = ds.getConnection()) {
            assertThrows(SQLException.class, () -> WebhookDeliveryTest.exec(c,
                    "update webhook_subscription set secret_sealed = ? where id = ?", sub.get("secret").asText(),
                    UUID.fromString(sub.get("id").asText())));
        }
    }

    @Test
    void aSecretThatDoesNotOpenIsLoggedAsSuchNotSentUnsigned() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver();
        try (receiver) {
            JsonNode sub = WebhookDeliveryTest.subscribe(WebhookDeliveryTest.salud(),
                    Map.of("url", receiver.url("/otra-llave"), "events", List.of("indicator.updated")));
            UUID id = UUID.fromString(sub.get("id").asText());
            SealedSecrets otherKey = new SealedSecrets(new byte[32], new SecureRandom());
            try (Connection c = ds.getConnection()) {
                WebhookDeliveryTest.exec(c, "update webhook_subscription set secret_sealed = ? where id = ?",
                        otherKey.seal(id, sub.get("secret").asText()), id);
            }
            WebhookDeliveryTest.as(WebhookDeliveryTest.salud()).post(WebhookDeliveryTest.WEBHOOKS + "/" + id + "/test").then().statusCode(202);
            await("the attempt logged", () -> WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id.toString())
                    .at("/items/0/attempts").asInt() >= 1);
            JsonNode d = WebhookDeliveryTest.deliveries(WebhookDeliveryTest.salud(), id.toString()).at("/items/0");
            assertTrue(d.get("lastError").asText().contains("rote el secreto"), d.toString());
            assertTrue(receiver.at("/otra-llave").isEmpty(), "nothing is sent without its signature");
        }
    }

    /** V6 on a copy of the V3 table in a scratch schema: plain secrets become sealed ones that still open. */
    @Test
    void theMigrationSealsTheSecretsAlreadyStored() throws Exception {
        String schema = "v6_" + UUID.randomUUID().toString().substring(0, 8);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String secretA = WebhookSignature.newSecret(new SecureRandom());
        String secretB = WebhookSignature.newSecret(new SecureRandom());
        SealedSecrets key = new SealedSecrets("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SecureRandom());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
            try {
                st.execute("set search_path to " + schema);
                st.execute("create table webhook_subscription (id uuid primary key, url text not null, secret text not null)");
                WebhookDeliveryTest.exec(c, "insert into webhook_subscription values (?, 'https://a.example/x', ?), (?, 'https://b.example/x', ?)",
                        a, secretA, b, secretB);

                assertEquals(2, V6__seal_webhook_secrets.seal(c, () -> key));

                try (ResultSet rs = st.executeQuery("select id, secret_sealed from webhook_subscription order by url")) {
                    assertTrue(rs.next());
                    assertEquals(secretA, key.open(a, rs.getString(2)));
                    assertFalse(rs.getString(2).contains(secretA));
                    assertTrue(rs.next());
                    assertEquals(secretB, key.open(b, rs.getString(2)));
                }
                assertThrows(SQLException.class, () -> WebhookDeliveryTest.exec(c,
                        "update webhook_subscription set secret_sealed = 'texto-plano' where id = ?", a));
            } finally {
                st.execute("set search_path to public");
                st.execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void anEmptyTableMigratesWithoutAKey() throws Exception {
        String schema = "v6_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
            try {
                st.execute("set search_path to " + schema);
                st.execute("create table webhook_subscription (id uuid primary key, secret text not null)");
                assertEquals(0, V6__seal_webhook_secrets.seal(c, () -> {
                    throw new IllegalArgumentException("no key configured");
                }));
            } finally {
                st.execute("set search_path to public");
                st.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** Every column of every row, as text, holds neither the secret nor its bytes in hex or base64. */
    void assertSecretNotInTheTable(String secret) throws Exception {
        String table = column("select coalesce(string_agg(row_to_json(s)::text, ' '), '') from webhook_subscription s");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (String form : List.of(secret, HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), secret.substring(0, 16))) {
            assertFalse(table.toLowerCase().contains(form.toLowerCase()), "the table shows the secret as " + form);
        }
        assertTrue(table.contains("secret_sealed"), table);
    }

    String column(String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
