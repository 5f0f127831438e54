package mx.gob.dif.cases.webhooks;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Webhook signing secrets as they are stored: AES-256-GCM under a key from configuration, a random
 * 96-bit nonce per sealing, and the subscription's id as associated data, so a sealed secret copied
 * onto another subscription's row does not open. The stored text is {@code v1.} and the base64 of
 * nonce and ciphertext; whoever reads the table (a backup, a SQL console) learns nothing of the
 * secret without the key. Plain Java.
 */
public final class SealedSecrets {
    public static final String PREFIX = "v1.";
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public SealedSecrets(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    /** From the configured key, the base64 of 32 random bytes ({@code openssl rand -base64 32}). */
    public static SealedSecrets fromBase64(String property, String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(property + " must be the base64 of " + KEY_BYTES
                    + " random bytes (e.g. openssl rand -base64 32), not " + key.length + " bytes");
        }
        return new SealedSecrets(key, new SecureRandom());
    }

    public String seal(UUID subscription, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, subscription, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** The secret; {@link IllegalStateException} when it was sealed for another subscription, under another key, or altered. */
    public String open(UUID subscription, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not a sealed secret");
        }
        if (all.length <= NONCE_BYTES) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] plain = crypt(Cipher.DECRYPT_MODE, subscription, Arrays.copyOf(all, NONCE_BYTES),
                Arrays.copyOfRange(all, NONCE_BYTES, all.length));
        return new String(plain, StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, UUID subscription, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscription.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the sealed secret does not open with this key for this subscription");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
