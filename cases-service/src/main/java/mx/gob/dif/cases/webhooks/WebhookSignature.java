package mx.gob.dif.cases.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How webhook bodies are signed, and how a receiver checks them. The signature header is
 * {@code X-Dif-Signature: sha256=<hex>}, the lower-case hex HMAC-SHA256 of
 * {@code "<X-Dif-Timestamp>.<raw body>"} keyed with the subscription's secret exactly as it was
 * shown (its UTF-8 bytes, not base64-decoded), so {@code openssl dgst -sha256 -hmac "$SECRET"}
 * gives the same value. The timestamp is inside the signed text: a captured request cannot be
 * replayed later with a new timestamp. Plain Java, so an integrator can copy {@link #verify}.
 */
public final class WebhookSignature {
    public static final String PREFIX = "sha256=";
    public static final String ALGORITHM = "HmacSHA256";
    /** Bytes of randomness in a new secret. */
    public static final int SECRET_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** A new signing secret: 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The text that is signed: {@code "<timestamp>.<body>"}. */
    public static String signedText(long timestamp, String body) {
        return timestamp + "." + body;
    }

    /** The value of {@code X-Dif-Signature}: {@code sha256=} and the hex HMAC of {@code "<timestamp>.<body>"}. */
    public static String sign(String secret, long timestamp, String body) {
        return PREFIX + hmacHex(secret, signedText(timestamp, body));
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} (UTF-8) keyed with {@code secret} (UTF-8). */
    public static String hmacHex(String secret, String message) {
        return HEX.formatHex(hmac(secret, message));
    }

    /**
     * True only when {@code header} is the signature of this timestamp and body under this secret.
     * The digests are compared in constant time; a malformed header is simply not valid.
     */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        if (secret == null || secret.isEmpty() || body == null || header == null) {
            return false;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(h.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return constantTimeEquals(hmac(secret, signedText(timestamp, body)), given);
    }

    /**
     * What a receiver should do with the two headers: the signature must match and the timestamp
     * must be within {@code tolerance} of {@code now} (a replayed old request is refused).
     */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        long ts;
        try {
            ts = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        return verify(secret, ts, body, signatureHeader);
    }

    /**
     * Compares every byte whatever the first difference is, so the time taken says nothing of where
     * it is (as {@link java.security.MessageDigest#isEqual} does). The length is no secret: an
     * HMAC-SHA256 is always 32 bytes.
     */
    static boolean constantTimeEquals(byte[] a, byte[] b) {
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
