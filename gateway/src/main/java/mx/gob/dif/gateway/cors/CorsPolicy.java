package mx.gob.dif.gateway.cors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

// Hand-written on purpose: Quarkus' own CORS (quarkus.http.cors.*, 3.34) was tried with the same
// origins, methods, headers and max age and broke the documented behaviour (EdgeTest): it answers a
// request from an origin not in the list with 403 and ends it (the gateway serves it without CORS
// headers; Swagger UI's own calls behind a TLS-terminating proxy would be refused too, its same-origin
// check sees http), answers preflights with 200 instead of the documented 204, sends no Vary: Origin,
// adds Access-Control-Allow-Credentials and applies to every route (/q/* too), not /api and /openapi.
// Dropping the services' own CORS headers stays in ProxyRoute either way: a proxied answer's headers
// are copied after any CORS handler ran.
/**
 * Which CORS headers the gateway answers with. Only the configured origins (the dashboard) get
 * any; every other origin, including the gateway's own (Swagger UI), gets none, which browsers
 * need not for same-origin calls and refuse for cross-origin ones.
 */
public final class CorsPolicy {
    public static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    public static final String ALLOW_HEADERS = "Authorization, Content-Type, X-Request-Id, If-Match";
    public static final String EXPOSE_HEADERS = "X-Request-Id, Location, ETag, Retry-After";

    private final Set<String> origins;
    private final long maxAgeSeconds;

    public CorsPolicy(List<String> origins, long maxAgeSeconds) {
        this.origins = origins.stream().map(CorsPolicy::normalize).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /** A preflight is an OPTIONS request with an Origin and an Access-Control-Request-Method. */
    public static boolean isPreflight(String method, String origin, String requestMethod) {
        return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestMethod != null;
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(normalize(origin));
    }

    /** Headers for the answer to a preflight from {@code origin}: empty when the origin is not allowed. */
    public Map<String, String> preflight(String origin) {
        if (!allows(origin)) {
            return Map.of();
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Access-Control-Allow-Origin", origin);
        h.put("Access-Control-Allow-Methods", ALLOW_METHODS);
        h.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        h.put("Access-Control-Max-Age", Long.toString(maxAgeSeconds));
        return h;
    }

    /** Headers for the answer to an actual request from {@code origin}: empty when the origin is not allowed. */
    public Map<String, String> actual(String origin) {
        if (!allows(origin)) {
            return Map.of();
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Access-Control-Allow-Origin", origin);
        h.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        return h;
    }

    /** Origins are compared as browsers send them: scheme://host[:port], lower case, no trailing slash. */
    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
