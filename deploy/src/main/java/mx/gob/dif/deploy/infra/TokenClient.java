package mx.gob.dif.deploy.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens from a Keycloak realm's token endpoint: the password grant (a person, through a
 * public client such as {@code dif-web}) and client credentials (an agency's system). Each token is
 * kept and handed out again until a minute before it expires, so callers may ask for one per request.
 */
public final class TokenClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token is renewed this long before it expires, so it does not lapse on its way to the gateway. */
    private static final long MARGIN_SECONDS = 60;

    private final String realmUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, long renewAtEpochSecond) {
    }

    /** A refusal or failure of the token endpoint, with a Spanish message for the person at the terminal. */
    public static final class TokenException extends RuntimeException {
        public TokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @param realmUrl e.g. {@code http://127.0.0.1:8180/realms/dif} */
    public TokenClient(String realmUrl) {
        this.realmUrl = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    }

    public String realmUrl() {
        return realmUrl;
    }

    public String tokenEndpoint() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    /** A person's access token (password grant; the client must allow direct access grants). */
    public String password(String clientId, String username, String password) {
        return cached("password|" + clientId + "|" + username, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password), "el usuario " + username);
    }

    /** An agency system's access token (client credentials of a confidential client with a service account). */
    public String clientCredentials(String clientId, String secret) {
        return cached("client|" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret), "el cliente " + clientId);
    }

    /** Forgets every kept token (the next request gets fresh ones). */
    public void forget() {
        cache.clear();
    }

    /** The claims of a token (its payload, not verified: for display and tests). */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private String cached(String key, Map<String, String> form, String who) {
        long now = System.currentTimeMillis() / 1000;
        Cached c = cache.get(key);
        if (c != null && now < c.renewAtEpochSecond()) {
            return c.token();
        }
        JsonNode answer = request(form, who);
        String token = answer.path("access_token").asText(null);
        long lifetime = answer.path("expires_in").asLong(60);
        cache.put(key, new Cached(token, now + Math.max(lifetime - MARGIN_SECONDS, lifetime / 2)));
        return token;
    }

    private JsonNode request(Map<String, String> form, String who) {
        Map<String, String> ordered = new LinkedHashMap<>(form);
        String body = ordered.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("Keycloak no responde en " + realmUrl + " (" + e.getMessage() + "). ¿Está arriba la plataforma? ./dif up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("Interrumpido al pedir el token de " + who, e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new TokenException("Keycloak respondió " + r.statusCode() + " sin JSON al pedir el token de " + who, e);
        }
        if (r.statusCode() != 200 || !json.hasNonNull("access_token")) {
            String why = json.path("error_description").asText(json.path("error").asText("respuesta " + r.statusCode()));
            throw new TokenException("Keycloak no dio token para " + who + ": " + why, null);
        }
        return json;
    }
}
