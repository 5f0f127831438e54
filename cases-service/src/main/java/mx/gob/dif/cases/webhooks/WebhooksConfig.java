package mx.gob.dif.cases.webhooks;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;

/**
 * {@code cases.webhooks.*}: the dispatcher's pace, its HTTP timeouts and the retry schedule, which
 * receivers are allowed, and the key that seals the signing secrets.
 */
@ConfigMapping(prefix = "cases.webhooks")
public interface WebhooksConfig {
    /** Whether this instance sends deliveries (every instance may: rows are claimed with SKIP LOCKED). */
    boolean dispatcherEnabled();

    /** How often the dispatcher looks for due deliveries when the last look found less than a batch. */
    Duration pollInterval();

    /** Deliveries claimed per look (FOR UPDATE SKIP LOCKED). */
    int batchSize();

    /** Attempts in flight at once on this instance; each is recorded as soon as it ends. */
    int maxInFlight();

    Duration connectTimeout();

    Duration requestTimeout();

    /** Attempts of one delivery before it is FAILED (the first one included). */
    int maxAttempts();

    /** The wait after the 1st, 2nd, ... failed attempt; the last repeats. */
    List<Duration> backoff();

    /** Each wait is spread by ± this fraction. */
    double jitter();

    /** A warning is logged when a subscription's attempts have failed this many times in a row (and each multiple). */
    int warnAfterConsecutiveFailures();

    /** Subscriptions one agency may have. */
    int maxSubscriptionsPerAgency();

    /**
     * Whether receivers may be on loopback, private, link-local and other non-public addresses: true
     * only in the dev and test profiles (a local receiver); otherwise webhooks reach the public Internet only.
     */
    boolean allowPrivateAddresses();

    /**
     * AES-256 key (base64 of 32 bytes) sealing the signing secrets in the table. Defaults only in the
     * dev and test profiles; production sets {@code CASES_WEBHOOKS_SECRET_KEY}.
     */
    String secretKey();

    default Backoff schedule() {
        return new Backoff(backoff(), maxAttempts(), jitter());
    }
}
