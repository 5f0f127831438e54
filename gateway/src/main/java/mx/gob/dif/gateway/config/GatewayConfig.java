package mx.gob.dif.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each service listens (env: GATEWAY_SERVICES_PROGRAMS etc.), proxy limits, rate limiting and CORS. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * Base URL per service name, e.g. programs → http://127.0.0.1:8081; several instances of one service as a
     * comma-separated list (indicators → http://10.0.0.5:8083,http://10.0.0.6:8083), taken in turn.
     */
    Map<String, String> services();

    /**
     * The largest body each service accepts (its quarkus.http.limits.max-body-size). A body announced larger is
     * refused here, once read to its end: a service refusing it would close the connection with the rest of the
     * body unread, and the reset that follows can lose its 413 on the way back.
     */
    Map<String, MemorySize> bodyLimits();

    /** Milliseconds between the readiness probes of the instances that were ejected (a refused connection, a 503). */
    @WithDefault("2000")
    long probeIntervalMs();

    /**
     * Milliseconds a service may stay silent before the gateway gives up and answers 504
     * (GATEWAY_UPSTREAM_TIMEOUT_MS). Bounded so that a frozen service cannot hold callers for
     * minutes; long enough for a 10,000-report batch, a plan import or a state closing report, and
     * longer than programs-service's own wait for Kafka (delivery.timeout.ms 30 s + max.block.ms 10 s),
     * so that a report batch gets the service's definitive answer (202, or 503 with nothing stored)
     * rather than the gateway's "outcome unknown".
     */
    @WithDefault("45000")
    long upstreamTimeoutMs();

    /** Per-client rate limiting of /api/** (gateway.rate-limit.*). */
    RateLimit rateLimit();

    /** CORS for the dashboard (gateway.cors.*). */
    Cors cors();

    interface RateLimit {
        /** Off: nothing is counted and no RateLimit-* headers are sent. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Sustained requests per second per client (fractions allowed: 0.5 = 30 per minute). The
         * default is generous on purpose: benchmarks and agencies' batch jobs post hundreds of
         * requests per second from one address.
         */
        @WithDefault("1000")
        double requestsPerSecond();

        /** Requests a client may make at once before the sustained rate applies (bucket size). */
        @WithDefault("2000")
        long burst();

        /**
         * Addresses of proxies in front of the gateway (e.g. a load balancer). Only a request coming from
         * one of them has its first X-Forwarded-For address used as its key, and only when it carries no
         * valid token. None by default: X-Forwarded-For is ignored.
         */
        Optional<List<String>> trustedProxies();

        /** Most clients tracked at once; idle clients are forgotten first. */
        @WithDefault("100000")
        int maxClients();
    }

    interface Cors {
        /** Origins allowed to call the API from a browser, exactly as the browser sends them. */
        @WithDefault("http://localhost:3000,http://127.0.0.1:3000")
        List<String> origins();

        /** Seconds a browser may cache a preflight answer. */
        @WithDefault("7200")
        long maxAgeSeconds();
    }
}
