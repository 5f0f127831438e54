package mx.gob.dif.deploy.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few things the benchmark and the end-to-end tests ask of Keycloak's admin REST API on the local
 * stack (as the bootstrap administrator of the {@code master} realm): users of their own and a test
 * client. Everything is idempotent: what already exists is left as it is.
 */
public final class KeycloakAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final String realm;
    private final TokenClient master;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrl Keycloak's root, e.g. {@code http://127.0.0.1:8180} */
    public KeycloakAdmin(String baseUrl, String realm, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.master = new TokenClient(baseUrl + "/realms/master");
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** A person of the realm with a password, one realm role and, if given, an {@code orgUnit} attribute. */
    public void ensureUser(String username, String password, String realmRole, String orgUnit) {
        if (find("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).isEmpty()) {
            ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true).put("emailVerified", true)
                    .put("firstName", username).put("lastName", "(prueba)");
            if (orgUnit != null) {
                user.putObject("attributes").putArray("orgUnit").add(orgUnit);
            }
            user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
            send("POST", "/users", user, 201, 409);
        }
        String id = find("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).get(0).path("id").asText();
        JsonNode role = send("GET", "/roles/" + URLEncoder.encode(realmRole, StandardCharsets.UTF_8), null, 200);
        ArrayNode roles = JSON.createArrayNode().add(role);
        send("POST", "/users/" + id + "/role-mappings/realm", roles, 204);
    }

    /**
     * A public client of the platform with direct access grants whose access tokens live {@code lifespanSeconds}:
     * like the realm's platform clients, its tokens carry the audience the services require ({@code dif-platform}).
     */
    public void ensurePublicClient(String clientId, int lifespanSeconds) {
        if (!find("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)).isEmpty()) {
            return;
        }
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        client.putObject("attributes").put("access.token.lifespan", Integer.toString(lifespanSeconds));
        client.putArray("protocolMappers").addObject().put("name", "platform audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper").putObject("config")
                .put("included.custom.audience", "dif-platform").put("access.token.claim", "true");
        send("POST", "/clients", client, 201, 409);
    }

    private JsonNode find(String query) {
        return send("GET", query, null, 200);
    }

    private JsonNode send(String method, String path, JsonNode body, int... expected) {
        String token = master.password("admin-cli", adminUser, adminPassword);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
                }
            }
            throw new IllegalStateException("Keycloak admin " + method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
