package mx.gob.dif.cases.webhooks;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;

/** {@code cases.webhooks.*}: the dispatcher's pace, its HTTP timeouts and the retry schedule. */
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

    default Backoff schedule() {
        return new Backoff(backoff(), maxAttempts(), jitter());
    }
}
