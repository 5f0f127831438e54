package mx.gob.dif.cases.webhooks;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    /** The README's example: the same secret, timestamp and body give the same signature with openssl. */
    static final String SECRET = "Yc2mJ5N0q9tq0tT6b8Fh3kPpW1xZr7sVd4Lg2eUa9Ho";
    static final long TIMESTAMP = 1615827600L;
    static final String BODY = "{\"id\":\"3f0c7c1e-6b1a-4d2c-9a53-0d6c1f3b2a10\",\"type\":\"referral.status-changed\","
            + "\"occurredAt\":\"2021-03-15T17:00:00Z\",\"data\":{\"referralId\":\"7d9f2a64-1111-4c3e-9a0b-5e6f7a8b9c0d\","
            + "\"folio\":\"SG-10005-2021-0001\",\"status\":\"RECEIVED\",\"previousStatus\":\"REQUESTED\",\"agency\":\"SALUD-DGO\","
            + "\"orgUnit\":\"10005\"}}";
    /** Computed outside Java: printf '%s' "1615827600.$BODY" | openssl dgst -sha256 -hmac "$SECRET". */
    static final String EXPECTED = "sha256=32e577295967528db86fb2d22ec58aa15347e55949f872677cf40dc0190f6e1b";

    @Test
    void signsTheTimestampDotBodyWithTheSecretAsOpensslDoes() {
        assertEquals(EXPECTED, WebhookSignature.sign(SECRET, TIMESTAMP, BODY));
    }

    @Test
    void theHmacIsTheStandardOne_rfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void theBodyIsSignedAsUtf8() {
        // openssl over the UTF-8 bytes of "1615827600.{"mensaje":"Canalización recibida"}"
        assertEquals("sha256=7176a3809768e8e6fd974fe923f83e32d700c39705a0b19b619cd337fbdbbf7b",
                WebhookSignature.sign(SECRET, TIMESTAMP, "{\"mensaje\":\"Canalización recibida\"}"));
    }

    @Test
    void theSameAsMacComputedDirectly() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String direct = HexFormat.of().formatHex(mac.doFinal((TIMESTAMP + "." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertEquals("sha256=" + direct, WebhookSignature.sign(SECRET, TIMESTAMP, BODY));
    }

    @Test
    void verifiesItsOwnSignatureAndTheKnownOne() {
        assertTrue(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, EXPECTED));
        assertTrue(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, " " + EXPECTED.toUpperCase().replace("SHA256=", "sha256=") + " "),
                "hex case and surrounding spaces do not matter");
        assertTrue(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "SHA256=" + EXPECTED.substring(7)), "prefix case does not matter");
    }

    @Test
    void aTamperedBodyTimestampOrSecretFails() {
        assertFalse(WebhookSignature.verify(SECRET, TIMESTAMP, BODY.replace("RECEIVED", "ACCEPTED"), EXPECTED));
        assertFalse(WebhookSignature.verify(SECRET, TIMESTAMP, BODY + " ", EXPECTED), "one extra byte");
        assertFalse(WebhookSignature.verify(SECRET, TIMESTAMP + 1, BODY, EXPECTED), "a replay with a new timestamp");
        assertFalse(WebhookSignature.verify(SECRET + "x", TIMESTAMP, BODY, EXPECTED));
        assertFalse(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, EXPECTED.substring(0, EXPECTED.length() - 1) + "c"), "last hex digit");
    }

    @Test
    void malformedOrMissingSignaturesFailWithoutThrowing() {
        for (String header : new String[]{null, "", "sha256=", "sha1=" + EXPECTED.substring(7), EXPECTED.substring(7),
                "sha256=zz", "sha256=abc", "sha256=" + EXPECTED.substring(7) + "00"}) {
            assertFalse(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header), String.valueOf(header));
        }
        assertFalse(WebhookSignature.verify(null, TIMESTAMP, BODY, EXPECTED));
        assertFalse(WebhookSignature.verify("", TIMESTAMP, BODY, EXPECTED));
        assertFalse(WebhookSignature.verify(SECRET, TIMESTAMP, null, EXPECTED));
    }

    @Test
    void receiversAlsoRefuseOldTimestamps() {
        Instant sent = Instant.ofEpochSecond(TIMESTAMP);
        Duration fiveMinutes = Duration.ofMinutes(5);
        assertTrue(WebhookSignature.verify(SECRET, "1615827600", BODY, EXPECTED, sent.plusSeconds(299), fiveMinutes));
        assertTrue(WebhookSignature.verify(SECRET, "1615827600", BODY, EXPECTED, sent.minusSeconds(299), fiveMinutes));
        assertFalse(WebhookSignature.verify(SECRET, "1615827600", BODY, EXPECTED, sent.plusSeconds(301), fiveMinutes), "replayed later");
        assertFalse(WebhookSignature.verify(SECRET, "no-es-numero", BODY, EXPECTED, sent, fiveMinutes));
        assertFalse(WebhookSignature.verify(SECRET, null, BODY, EXPECTED, sent, fiveMinutes));
    }

    @Test
    void constantTimeEqualsComparesEveryByte() {
        byte[] a = HexFormat.of().parseHex(EXPECTED.substring(7));
        assertTrue(WebhookSignature.constantTimeEquals(a, a.clone()));
        byte[] first = a.clone();
        first[0] ^= 1;
        byte[] last = a.clone();
        last[last.length - 1] ^= (byte) 0x80;
        assertFalse(WebhookSignature.constantTimeEquals(a, first));
        assertFalse(WebhookSignature.constantTimeEquals(a, last));
        assertFalse(WebhookSignature.constantTimeEquals(a, new byte[a.length - 1]));
        assertFalse(WebhookSignature.constantTimeEquals(a, new byte[0]));
        assertFalse(WebhookSignature.constantTimeEquals(a, null));
        assertTrue(WebhookSignature.constantTimeEquals(new byte[0], new byte[0]));
    }

    @Test
    void newSecretsAre32RandomBytesInBase64Url() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String s = WebhookSignature.newSecret(random);
            assertEquals(43, s.length());
            assertTrue(s.matches("[A-Za-z0-9_-]{43}"), s);
            assertEquals(32, Base64.getUrlDecoder().decode(s).length);
            assertTrue(seen.add(s));
        }
    }

    @Test
    void anEmptySecretCannotSign() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("", TIMESTAMP, BODY));
    }

    /**
     * What an integrator's receiver does, in plain Java (copy it): read the raw body as received,
     * take X-Dif-Timestamp and X-Dif-Signature, refuse if the timestamp is older than 5 minutes or the
     * signature does not match, and only then parse the JSON. Answer 2xx quickly; dedupe by the
     * body's {@code id} (or X-Dif-Delivery), since a delivery may arrive more than once.
     */
    static boolean receiverAccepts(String secret, String timestampHeader, String signatureHeader, byte[] rawBody, Instant now) {
        long ts;
        try {
            ts = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(rawBody);
            if (signatureHeader == null || !signatureHeader.startsWith("sha256=")) {
                return false;
            }
            byte[] given = HexFormat.of().parseHex(signatureHeader.substring("sha256=".length()));
            return java.security.MessageDigest.isEqual(expected, given); // constant time
        } catch (IllegalArgumentException e) {
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theIntegratorsVerificationExampleAcceptsOnlyTheGenuineRequest() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP + 10);
        byte[] raw = BODY.getBytes(StandardCharsets.UTF_8);
        assertTrue(receiverAccepts(SECRET, "1615827600", EXPECTED, raw, now));
        assertFalse(receiverAccepts(SECRET, "1615827600", EXPECTED, BODY.replace("10005", "10007").getBytes(StandardCharsets.UTF_8), now));
        assertFalse(receiverAccepts(SECRET, "1615827601", EXPECTED, raw, now));
        assertFalse(receiverAccepts(SECRET, "1615827600", EXPECTED, raw, now.plusSeconds(600)));
        assertFalse(receiverAccepts("otro-secreto", "1615827600", EXPECTED, raw, now));
    }
}
