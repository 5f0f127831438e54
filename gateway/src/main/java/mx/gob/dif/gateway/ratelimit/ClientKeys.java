package mx.gob.dif.gateway.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;
import java.util.Locale;

/**
 * Which client a request counts against: the {@code azp} (else {@code client_id}) claim of a bearer
 * JWT, else the first {@code X-Forwarded-For} address, else the connection's remote address.
 * <p>
 * The token is only decoded, never validated: this is a key for counting, not an identity. Until
 * tokens are validated at the gateway, a caller who forges tokens with ever new {@code azp} values
 * (or ever new {@code X-Forwarded-For} values) gets a new bucket each time; the limiter's bound on
 * tracked clients keeps memory in check, not such a caller.
 */
public final class ClientKeys {
    /** Longer tokens are not decoded (a real access token is a few kilobytes at most). */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** Longer claim values or addresses are not used as keys. */
    static final int MAX_KEY_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean trustForwardedFor;

    /** @param trustForwardedFor whether {@code X-Forwarded-For} is believed (only sensible behind a proxy that sets it) */
    public ClientKeys(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    /**
     * @param authorization  the Authorization header, or null
     * @param forwardedFor   the X-Forwarded-For header, or null
     * @param remoteAddress  the peer's address, or null
     * @return {@code client:<azp>}, {@code ip:<address>} or {@code ip:unknown}
     */
    public String keyFor(String authorization, String forwardedFor, String remoteAddress) {
        String client = clientOf(authorization);
        if (client != null) {
            return "client:" + client;
        }
        if (trustForwardedFor && forwardedFor != null) {
            int comma = forwardedFor.indexOf(',');
            String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
            if (usable(first)) {
                return "ip:" + first.toLowerCase(Locale.ROOT);
            }
        }
        if (remoteAddress != null && usable(remoteAddress.trim())) {
            return "ip:" + remoteAddress.trim().toLowerCase(Locale.ROOT);
        }
        return "ip:unknown";
    }

    /** The azp or client_id claim of a bearer JWT, or null when there is none or it does not decode. */
    static String clientOf(String authorization) {
        if (authorization == null || authorization.length() > MAX_TOKEN_LENGTH + 7) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = value.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return null; // not a JWS compact serialization (opaque tokens and JWEs are not keyed by claim)
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                return null;
            }
            for (String name : new String[] {"azp", "client_id"}) {
                JsonNode claim = claims.get(name);
                if (claim != null && claim.isTextual() && usable(claim.asText().trim())) {
                    return claim.asText().trim();
                }
            }
            return null;
        } catch (Exception notAJwt) { // bad base64, bad JSON: fall back to the address
            return null;
        }
    }

    private static boolean usable(String value) {
        return !value.isEmpty() && value.length() <= MAX_KEY_LENGTH;
    }
}
