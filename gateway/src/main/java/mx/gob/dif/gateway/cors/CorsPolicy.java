package mx.gob.dif.gateway.cors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
