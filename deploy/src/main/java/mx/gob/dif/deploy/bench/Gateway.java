package mx.gob.dif.deploy.bench;

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

import static mx.gob.dif.deploy.bench.Benchmark.ADMIN;
import static mx.gob.dif.deploy.bench.Benchmark.OPERATOR;
import static mx.gob.dif.deploy.bench.Benchmark.SINGLE_CLIENTS;
import static mx.gob.dif.deploy.bench.Benchmark.STATE;
import static mx.gob.dif.deploy.bench.Benchmark.operator;
import static mx.gob.dif.deploy.bench.Benchmark.say;

/** The bench's calls through the gateway, each with a real token of the caller it names. */
final class Gateway {
    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(48)).build();
    private final TokenClient tokens;
    private final String benchPassword;
    private DemoRealm realm;

    Gateway(Stack stack) {
        this.stack = stack;
        this.tokens = new TokenClient(stack.oidcUrl());
        this.benchPassword = stack.env().getOrDefault("DIF_BENCH_PASSWORD", "bench-dif-2021");
    }

    /** The bench's operators exist in the realm (created once, through Keycloak's admin API), and each gets a token. */
    void identities() {
        realm = DemoRealm.load(stack.realmFile());
        if (stack.externalKeycloak()) {
            say("external Keycloak (DIF_OIDC_URL): users " + operator(0) + ".." + operator(SINGLE_CLIENTS)
                    + " (municipal-operator, orgUnit " + STATE + ", password DIF_BENCH_PASSWORD) must exist there");
        } else {
            KeycloakAdmin admin = new KeycloakAdmin(stack.keycloakUrl(), "dif", "admin", stack.keycloakAdminPassword());
            for (int i = 0; i <= SINGLE_CLIENTS; i++) {
                admin.ensureUser(operator(i), benchPassword, "municipal-operator", STATE);
            }
        }
        for (int i = 0; i <= SINGLE_CLIENTS; i++) {
            token(operator(i));
        }
        token(ADMIN);
        say("tokens for " + ADMIN + " and " + (SINGLE_CLIENTS + 1) + " state operators");
    }

    private String token(String user) {
        return user.equals(ADMIN) ? realm.token(tokens, ADMIN) : tokens.password(DemoRealm.WEB_CLIENT, user, benchPassword);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, OPERATOR);
    }

    /** {@code user}: who sends it (a simulated municipal system, or the administrator); the gateway limits per user. */
    HttpResponse<String> post(String path, String body, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user));
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, OPERATOR);
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
