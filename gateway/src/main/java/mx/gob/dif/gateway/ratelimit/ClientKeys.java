package mx.gob.dif.gateway.ratelimit;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

// Hand-written on purpose: quarkus.http.proxy.* would rewrite the peer address for the whole gateway; this only picks the rate-limit key.
/**
 * Which bucket a request counts against.
 * <ul>
 * <li>A request with a <b>validated</b> token: its client ({@code azp}) and subject ({@code sub}).
 * An agency's system (client credentials) is one subject, so an agency is one bucket; the people
 * using one client (the dashboard, {@code dif-web}) each have their own, so one person's script
 * does not starve everybody else's dashboard. Only the gateway's token validation decides these
 * values: a forged token never gets this far with its claims.</li>
 * <li>Anything else (no token, a refused one): the peer address, or the first
 * {@code X-Forwarded-For} address when the peer is one of the configured trusted proxies.</li>
 * </ul>
 */
public final class ClientKeys {
    /** Longer claim values or addresses are not used as keys. */
    static final int MAX_KEY_LENGTH = 200;

    private final Set<String> trustedProxies;

    /** @param trustedProxies peer addresses whose {@code X-Forwarded-For} is believed (none by default) */
    public ClientKeys(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code client:<azp>/<sub>} for a validated token's claims, or null when they are not usable. */
    public static String ofToken(String azp, String subject) {
        if (azp == null || subject == null) {
            return null;
        }
        String a = azp.trim();
        String s = subject.trim();
        return a.isEmpty() || s.isEmpty() || a.length() + s.length() > MAX_KEY_LENGTH ? null : "client:" + a + "/" + s;
    }

    /**
     * @param forwardedFor  the X-Forwarded-For header, or null
     * @param remoteAddress the peer's address, or null
     * @return {@code ip:<address>} or {@code ip:unknown}
     */
    public String ofAddress(String forwardedFor, String remoteAddress) {
        String peer = remoteAddress == null ? null : remoteAddress.trim().toLowerCase(Locale.ROOT);
        if (peer != null && trustedProxies.contains(peer) && forwardedFor != null) {
            int comma = forwardedFor.indexOf(',');
            String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
            if (usable(first)) {
                return "ip:" + first.toLowerCase(Locale.ROOT);
            }
        }
        if (peer != null && usable(peer)) {
            return "ip:" + peer;
        }
        return "ip:unknown";
    }

    private static boolean usable(String value) {
        return !value.isEmpty() && value.length() <= MAX_KEY_LENGTH;
    }
}
