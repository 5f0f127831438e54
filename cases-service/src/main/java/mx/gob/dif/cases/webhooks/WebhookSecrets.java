package mx.gob.dif.cases.webhooks;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The signing secrets of subscriptions: new ones, sealed for the table and opened to sign a delivery
 * ({@link SealedSecrets} with {@code cases.webhooks.secret-key}). Built at startup, so a missing or
 * malformed key stops the service instead of the first delivery.
 */
@Startup
@Singleton
public class WebhookSecrets {
    public static final String KEY_PROPERTY = "cases.webhooks.secret-key";

    /** A secret as shown to the integrator once, and as stored. */
    public record Issued(String secret, String sealed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final SealedSecrets sealed;

    public WebhookSecrets(WebhooksConfig config) {
        this.sealed = SealedSecrets.fromBase64(KEY_PROPERTY, config.secretKey());
    }

    public Issued issue(UUID subscription) {
        String secret = WebhookSignature.newSecret(random);
        return new Issued(secret, sealed.seal(subscription, secret));
    }

    public String open(UUID subscription, String stored) {
        return sealed.open(subscription, stored);
    }
}
