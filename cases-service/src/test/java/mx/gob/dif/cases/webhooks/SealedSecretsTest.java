package mx.gob.dif.cases.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedSecretsTest {
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final SealedSecrets sealed = SealedSecrets.fromBase64("cases.webhooks.secret-key", KEY);
    final UUID subscription = UUID.randomUUID();
    final String secret = WebhookSignature.newSecret(new SecureRandom());

    @Test
    void aSealedSecretOpensForItsSubscriptionAndShowsNothingOfIt() {
        String stored = sealed.seal(subscription, secret);
        assertTrue(stored.startsWith("v1."));
        assertEquals(secret, sealed.open(subscription, stored));
        String bytes = new String(Base64.getDecoder().decode(stored.substring(3)), StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains(secret) || bytes.contains(secret));
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everySealingHasItsOwnNonce() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertTrue(seen.add(sealed.seal(subscription, secret)));
        }
    }

    @Test
    void itDoesNotOpenForAnotherSubscriptionUnderAnotherKeyOrAltered() {
        String stored = sealed.seal(subscription, secret);
        assertThrows(IllegalStateException.class, () -> sealed.open(UUID.randomUUID(), stored));
        SealedSecrets other = SealedSecrets.fromBase64("k", Base64.getEncoder().encodeToString(new byte[32]));
        assertThrows(IllegalStateException.class, () -> other.open(subscription, stored));
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> sealed.open(subscription, "v1." + Base64.getEncoder().encodeToString(raw)));
        assertThrows(IllegalStateException.class, () -> sealed.open(subscription, secret)); // a plain secret is not taken as sealed
        assertThrows(IllegalStateException.class, () -> sealed.open(subscription, "v1.%%%"));
        assertThrows(IllegalStateException.class, () -> sealed.open(subscription, "v1.AAAA"));
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefusedNamingTheSetting() {
        for (String bad : new String[]{null, "", "corta", "no es base64!", Base64.getEncoder().encodeToString(new byte[16])}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SealedSecrets.fromBase64("cases.webhooks.secret-key", bad));
            assertTrue(e.getMessage().contains("cases.webhooks.secret-key"), e.getMessage());
        }
    }
}
