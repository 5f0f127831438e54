package mx.gob.dif.deploy.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mx.gob.dif.deploy.DemoRealm;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.KeycloakAdmin;
import mx.gob.dif.deploy.infra.TokenClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The suite's calls through the gateway, each with a real token of the caller it names: the
 * simulated reporting systems are state-level operators {@code caos.cliente.NN} (created in the local
 * realm on first run), the plan is imported by the demo administrator.
 */
final class ChaosHttp {
    static final String ADMIN = "admin.dif";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the gateway's own bound (30 s), so the client normally hears the gateway's 504 first. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(45);
    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(16)).build();
    private final TokenClient tokens;
    private final String password;
    private DemoRealm realm;

    ChaosHttp(Stack stack) {
        this.stack = stack;
        this.tokens = new TokenClient(stack.oidcUrl());
        this.password = stack.env().getOrDefault("DIF_CHAOS_PASSWORD", "caos-dif-2021");
    }

    static String client(int n) {
        return String.format("caos.cliente.%02d", n);
    }

    /** The clients' users exist in the realm (municipal-operator of the state, unit 10), and each gets a token. */
    void identities(int clients) {
        if (stack.externalKeycloak()) {
            throw new IllegalStateException("./dif chaos reinicia el Keycloak local; no funciona con DIF_OIDC_URL (Keycloak externo).");
        }
        realm = DemoRealm.load(stack.realmFile());
        KeycloakAdmin admin = new KeycloakAdmin(stack.keycloakUrl(), "dif", "admin", stack.keycloakAdminPassword());
        for (int i = 0; i <= clients; i++) {
            admin.ensureUser(client(i), password, "municipal-operator", "10");
            token(client(i));
        }
        token(ADMIN);
    }

    /** A token of the user (kept until shortly before it expires); a failure is a {@link TokenClient.TokenException}. */
    String token(String user) {
        return user.equals(ADMIN) ? realm.token(tokens, ADMIN) : tokens.password(DemoRealm.WEB_CLIENT, user, password);
    }

    HttpResponse<String> post(String path, String body, String user, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of a 200 answer, or null for any other answer or a failed call (the caller retries). */
    JsonNode getJson(String path, String user) {
        try {
            HttpResponse<String> r = get(path, user);
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException | TokenClient.TokenException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
