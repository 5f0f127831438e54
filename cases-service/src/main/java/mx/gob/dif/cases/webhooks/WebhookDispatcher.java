package mx.gob.dif.cases.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries from threads of its own (never a request thread): claims due deliveries
 * while it has room for more in flight ({@code max-in-flight}), POSTs each body signed with its
 * subscription's secret with a 5 s connect and 10 s answer limit, and records each outcome as soon as
 * it comes, so a slow receiver holds up only its own deliveries. 2xx is delivered; anything else is
 * retried on the backoff schedule, then FAILED. Redirects are not followed. Stops cleanly: on
 * shutdown it claims nothing more, waits (bounded) for the attempts in flight and records them, and
 * only then closes its HTTP client; an attempt cut short is tried again after its lease.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    public static final String USER_AGENT = "DIF-Webhooks/1.0";

    private final DeliveryQueue queue;
    private final WebhooksConfig config;
    private final Backoff backoff;
    private volatile boolean stopping;
    private ScheduledExecutorService poller;
    private ExecutorService httpThreads;
    private ExecutorService recorder;
    private Semaphore slots;
    private HttpClient client;

    public WebhookDispatcher(DeliveryQueue queue, WebhooksConfig config) {
        this.queue = queue;
        this.config = config;
        this.backoff = config.schedule();
    }

    void start(@Observes StartupEvent e) {
        if (!config.dispatcherEnabled()) {
            LOG.info("Webhook dispatcher disabled (cases.webhooks.dispatcher-enabled=false)");
            return;
        }
        slots = new Semaphore(Math.max(1, config.maxInFlight()));
        httpThreads = Executors.newFixedThreadPool(2, named("webhook-http-"));
        recorder = Executors.newFixedThreadPool(2, named("webhook-record-"));
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(httpThreads)
                .build();
        poller = Executors.newSingleThreadScheduledExecutor(named("webhook-dispatcher"));
        long every = Math.max(10, config.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Webhook dispatcher started: every %d ms, %d in flight at most, %d attempts per delivery",
                every, slots.availablePermits(), backoff.maxAttempts());
    }

    void stop(@Observes ShutdownEvent e) {
        stopping = true;
        if (poller == null) {
            return;
        }
        poller.shutdown();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
            int all = Math.max(1, config.maxInFlight());
            if (!slots.tryAcquire(all, attemptLimit().toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("Webhook attempts still in flight at shutdown; they are tried again after their lease");
            }
            recorder.shutdown();
            recorder.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            poller.shutdownNow();
            recorder.shutdownNow();
            client.shutdownNow();
            httpThreads.shutdownNow();
        }
        LOG.info("Webhook dispatcher stopped");
    }

    /** Claims and sends due deliveries while there is room in flight and more are due. */
    void drain() {
        try {
            while (!stopping) {
                int room = Math.min(config.batchSize(), slots.availablePermits());
                if (room <= 0) {
                    return;
                }
                List<DeliveryQueue.Claimed> batch = queue.claim(room, lease());
                for (DeliveryQueue.Claimed c : batch) {
                    slots.acquireUninterruptibly();
                    dispatch(c);
                }
                if (batch.size() < room) {
                    return;
                }
            }
        } catch (Throwable t) {
            LOG.warnf("Webhook dispatcher will try again: %s", t.toString());
        }
    }

    /** One attempt, recorded when it ends (answer, error or time limit), then its slot is free again. */
    private void dispatch(DeliveryQueue.Claimed c) {
        CompletableFuture<HttpResponse<Void>> exchange = send(c);
        exchange.copy().orTimeout(attemptLimit().toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((response, error) -> {
            try {
                DeliveryQueue.Outcome outcome;
                if (error == null) {
                    outcome = DeliveryQueue.Outcome.answered(response.statusCode());
                } else if (unwrap(error) instanceof TimeoutException) {
                    exchange.cancel(true);
                    outcome = timedOut();
                } else {
                    outcome = describe(error);
                }
                DeliveryQueue.Recorded r = queue.record(c.id(), outcome, backoff, () -> ThreadLocalRandom.current().nextDouble());
                log(c, outcome, r);
            } catch (RuntimeException ex) {
                LOG.warnf("Could not record the attempt of %s (%s); it is tried again after its lease", c, ex.toString());
            } finally {
                slots.release();
            }
        }, recorder);
    }

    private CompletableFuture<HttpResponse<Void>> send(DeliveryQueue.Claimed c) {
        try {
            long ts = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Dif-Event", c.eventType())
                    .header("X-Dif-Delivery", c.id().toString())
                    .header("X-Dif-Timestamp", Long.toString(ts))
                    .header("X-Dif-Signature", WebhookSignature.sign(c.secret(), ts, c.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
                    .build();
            // the receiver's answer body is read and dropped: it is never stored, logged or shown
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private DeliveryQueue.Outcome timedOut() {
        return DeliveryQueue.Outcome.failed("Sin respuesta en " + config.requestTimeout().toSeconds() + " s.", "timeout");
    }

    /** A short reason, never the receiver's answer or the URL. */
    DeliveryQueue.Outcome describe(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof HttpConnectTimeoutException) {
            return DeliveryQueue.Outcome.failed("No se pudo conectar en " + config.connectTimeout().toSeconds() + " s.", "connect timeout");
        }
        if (e instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (hasCause(e, ConnectException.class)) {
            return DeliveryQueue.Outcome.failed("No se pudo conectar con el receptor (conexión rechazada o inalcanzable).", "connection refused");
        }
        if (hasCause(e, UnknownHostException.class) || hasCause(e, UnresolvedAddressException.class)) {
            return DeliveryQueue.Outcome.failed("No se encontró el servidor del receptor (DNS).", "unknown host");
        }
        if (hasCause(e, SSLException.class)) {
            return DeliveryQueue.Outcome.failed("Falló la conexión TLS con el receptor (certificado o protocolo).", "tls");
        }
        if (e instanceof IllegalArgumentException) {
            return DeliveryQueue.Outcome.failed("La URL del receptor no es utilizable.", "bad url");
        }
        if (e instanceof java.io.IOException) {
            return DeliveryQueue.Outcome.failed("Error de red al enviar (la conexión se cerró sin respuesta completa).", "io: " + e.getClass().getSimpleName());
        }
        return DeliveryQueue.Outcome.failed("Error al enviar.", e.getClass().getSimpleName());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> Thread.ofPlatform().daemon().name(prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix).unstarted(r);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private void log(DeliveryQueue.Claimed c, DeliveryQueue.Outcome outcome, DeliveryQueue.Recorded r) {
        if (r == null) {
            LOG.debugf("Webhook %s was removed or changed while in flight", c);
            return;
        }
        if (r.state() == DeliveryState.DELIVERED) {
            LOG.debugf("Webhook %s delivered on attempt %d", c, r.attempts());
        } else if (r.state() == DeliveryState.FAILED) {
            LOG.warnf("Webhook %s FAILED after attempt %d: %s", c, r.attempts(), outcome.logReason());
        } else {
            LOG.infof("Webhook %s attempt %d failed: %s; next attempt at %s", c, r.attempts(), outcome.logReason(), r.nextAttemptAt());
        }
        int every = Math.max(1, config.warnAfterConsecutiveFailures());
        if (r.consecutiveFailures() > 0 && r.consecutiveFailures() % every == 0) {
            LOG.warnf("Webhook subscription %s of agency %s (%s) has failed %d attempts in a row; it stays active",
                    c.subscriptionId(), c.agency(), WebhookUrls.forLogs(c.url()), r.consecutiveFailures());
        }
    }

    /** The longest one attempt can take: connecting, then the answer. */
    private Duration attemptLimit() {
        return config.connectTimeout().plus(config.requestTimeout()).plusSeconds(2);
    }

    /** How long a claimed delivery is not due again: longer than any attempt plus recording it. */
    private Duration lease() {
        return attemptLimit().plusSeconds(30);
    }
}
