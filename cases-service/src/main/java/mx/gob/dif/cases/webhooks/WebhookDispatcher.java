package mx.gob.dif.cases.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends due deliveries from threads of its own (never a request thread): claims due deliveries
 * while it has room for more in flight ({@code max-in-flight}), POSTs each body signed with its
 * subscription's secret with a 5 s connect and 10 s answer limit, and records each outcome as soon as
 * it comes, so a slow receiver holds up only its own deliveries. 2xx is delivered; anything else is
 * retried on the backoff schedule, then FAILED. Redirects are not followed. Stops cleanly: on
 * shutdown it claims nothing more, waits (bounded) for the attempts in flight and records them, and
 * only then closes its HTTP client; an attempt cut short is tried again after its lease.
 * <p>
 * Each attempt resolves the receiver's host anew and checks every address ({@link WebhookUrls#target}),
 * then connects to the checked address itself while Host, SNI and the certificate check keep the
 * URL's name (Vert.x's {@code RequestOptions.setServer}): a name re-pointed at a private address
 * between the check and the connection (DNS rebinding) is never reached. Whatever keeps the
 * attempt from an HTTP answer (refused, timeout, DNS, TLS, an address that is not public) is one
 * and the same message in the delivery log, so the log cannot map a network; the reason goes to
 * this service's log only.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    public static final String USER_AGENT = "DIF-Webhooks/1.0";
    static final String UNSIGNABLE = "No se pudo firmar la entrega con el secreto guardado: rote el secreto de la suscripción "
            + "(POST /webhooks/{id}/secret).";

    private final DeliveryQueue queue;
    private final WebhooksConfig config;
    private final Backoff backoff;
    private final Vertx vertx;
    private final WebhookSecrets secrets;
    private final HostResolver resolver;
    private volatile boolean stopping;
    private ScheduledExecutorService poller;
    private ExecutorService resolvers;
    private ExecutorService recorder;
    private Semaphore slots;
    private HttpClient client;

    public WebhookDispatcher(DeliveryQueue queue, WebhooksConfig config, Vertx vertx, WebhookSecrets secrets,
                             HostResolver resolver) {
        this.queue = queue;
        this.config = config;
        this.vertx = vertx;
        this.secrets = secrets;
        this.resolver = resolver;
        this.backoff = config.schedule();
    }

    void start(@Observes StartupEvent e) {
        if (!config.dispatcherEnabled()) {
            LOG.info("Webhook dispatcher disabled (cases.webhooks.dispatcher-enabled=false)");
            return;
        }
        slots = new Semaphore(Math.max(1, config.maxInFlight()));
        // host names are resolved on these threads (the JDK's lookup blocks), never on Vert.x's event loop
        resolvers = Executors.newFixedThreadPool(4, named("webhook-resolve-"));
        recorder = Executors.newFixedThreadPool(2, named("webhook-record-"));
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(Math.max(1, config.maxInFlight())));
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
            client.close();
            resolvers.shutdownNow();
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
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        send(c, request).orTimeout(attemptLimit().toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((status, error) -> {
            try {
                DeliveryQueue.Outcome outcome;
                if (error == null) {
                    outcome = DeliveryQueue.Outcome.answered(status);
                } else {
                    HttpClientRequest stuck = request.get();
                    if (stuck != null && unwrap(error) instanceof TimeoutException) {
                        stuck.reset(); // a receiver trickling its answer is cut off, not left open
                    }
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

    /** Resolves and checks the receiver's address, then POSTs the signed body there; the answer's status. */
    private CompletableFuture<Integer> send(DeliveryQueue.Claimed c, AtomicReference<HttpClientRequest> request) {
        return CompletableFuture.supplyAsync(() -> target(c), resolvers).thenCompose(target -> {
            String secret = secret(c);
            long ts = Instant.now().getEpochSecond();
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.tls())
                    .setURI(target.pathAndQuery())
                    // connect to the address that was checked, not to whatever the name resolves to now
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setFollowRedirects(false)
                    .setConnectTimeout(config.connectTimeout().toMillis())
                    .setIdleTimeout(config.requestTimeout().toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", USER_AGENT)
                    .putHeader("X-Dif-Event", c.eventType())
                    .putHeader("X-Dif-Delivery", c.id().toString())
                    .putHeader("X-Dif-Timestamp", Long.toString(ts))
                    .putHeader("X-Dif-Signature", WebhookSignature.sign(secret, ts, c.payload()));
            return client.request(options)
                    .compose(req -> {
                        request.set(req);
                        return req.send(Buffer.buffer(c.payload()));
                    })
                    // the receiver's answer body is read and dropped: it is never stored, logged or shown
                    .compose(response -> response.handler(ignored -> { }).end().map(done -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture();
        });
    }

    private String secret(DeliveryQueue.Claimed c) {
        try {
            return secrets.open(c.subscriptionId(), c.sealedSecret());
        } catch (IllegalStateException e) {
            throw new CompletionException(new Unsignable(e.getMessage()));
        }
    }

    /** The stored secret does not open (another key configured, or the row was altered). */
    private static final class Unsignable extends Exception {
        Unsignable(String reason) {
            super(reason, null, false, false);
        }
    }

    private WebhookUrls.Target target(DeliveryQueue.Claimed c) {
        try {
            return WebhookUrls.target(c.url(), config.allowPrivateAddresses(), resolver);
        } catch (WebhookUrls.NotDeliverable e) {
            throw new CompletionException(e);
        }
    }

    /**
     * The delivery log's reason when no HTTP answer came: one text for every network failure, so
     * refused, timed out, unresolvable, TLS and not-public receivers look alike to the integrator;
     * the log reason (English, no URL path or personal data) tells them apart for the operator.
     */
    DeliveryQueue.Outcome describe(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof Unsignable) {
            return DeliveryQueue.Outcome.failed(UNSIGNABLE, "secret cannot be opened: " + e.getMessage());
        }
        return DeliveryQueue.Outcome.failed(unreachable(), networkReason(e));
    }

    private String unreachable() {
        return "No se pudo entregar: el destino no respondió. Verifique que la URL sea pública, con un certificado válido, "
                + "y que responda en menos de " + config.requestTimeout().toSeconds() + " s.";
    }

    private static String networkReason(Throwable e) {
        if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
            return "timeout";
        }
        if (e instanceof WebhookUrls.NotDeliverable) {
            return e.getMessage();
        }
        if (hasCause(e, SSLException.class)) {
            return "tls";
        }
        if (hasCause(e, ConnectException.class)) {
            return "connection refused";
        }
        return "network: " + e.getClass().getSimpleName();
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
