package mx.gob.dif.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.TokenClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threat: a person widens their own reach by editing the attributes that become the {@code org_unit} and
 * {@code agency} claims ({@code MX} reaches everything). The case worker uses Keycloak's own account console the
 * way a browser does (authorization code with PKCE on the console's client, then the account REST API the console
 * calls), and neither sees nor changes them; her next platform token is unchanged, and the console's own token is
 * refused by the platform (it lacks the platform's audience). An administrator still sees and sets them.
 */
class AccountConsoleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "demo-dif-2021";
    private static Stack stack;

    @BeforeAll
    static void stack() {
        stack = PlatformStack.get();
    }

    @Test
    void aCaseWorkerCannotChangeHerUnitOrAgencyFromTheAccountConsole() throws Exception {
        AccountConsole console = AccountConsole.login(stack.oidcUrl(), Tokens.CASE_WORKER, PASSWORD);
        HttpResponse<String> read = console.call("GET", "/account/?userProfileMetadata=true", null);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode me = JSON.readTree(read.body());
        assertEquals(Tokens.CASE_WORKER, me.path("username").asText());
        assertFalse(me.path("attributes").has("orgUnit") || me.path("attributes").has("agency"), "she sees them: " + me);
        for (JsonNode field : me.path("userProfileMetadata").path("attributes")) {
            assertFalse(field.path("name").asText().matches("orgUnit|agency"), "the console offers " + field);
        }

        ObjectNode widened = ((ObjectNode) me.deepCopy());
        widened.remove("userProfileMetadata");
        ObjectNode attributes = widened.withObjectProperty("attributes");
        attributes.putArray("orgUnit").add("MX");
        attributes.putArray("agency").add("SALUD-DGO");
        HttpResponse<String> change = console.call("POST", "/account/", widened);
        // Keycloak refuses a change of a declared attribute the user may not edit, naming each one
        assertEquals(400, change.statusCode(), change.body());
        Map<String, String> refused = new LinkedHashMap<>();
        JSON.readTree(change.body()).path("errors").forEach(e -> refused.put(e.path("field").asText(), e.path("errorMessage").asText()));
        assertEquals(Map.of("orgUnit", "error-user-attribute-read-only", "agency", "error-user-attribute-read-only"), refused);

        // an attribute nobody declared is not hers to add either: Keycloak answers 204 and stores nothing
        ObjectNode undeclared = ((ObjectNode) me.deepCopy());
        undeclared.remove("userProfileMetadata");
        undeclared.withObjectProperty("attributes").putArray("dif_alcance").add("MX");
        assertEquals(204, console.call("POST", "/account/", undeclared).statusCode());

        JsonNode after = JSON.readTree(console.call("GET", "/account/", null).body());
        assertFalse(after.path("attributes").has("orgUnit") || after.path("attributes").has("dif_alcance"), after.toString());
        // the next platform token (a fresh client: no cached token) still names her own unit and no agency
        JsonNode next = TokenClient.claims(new TokenClient(stack.oidcUrl()).password("dif-web", Tokens.CASE_WORKER, PASSWORD));
        assertEquals("10005", next.path("org_unit").asText());
        assertTrue(next.path("agency").isMissingNode(), next.toString());
        JsonNode stored = admin().user(Tokens.CASE_WORKER).path("attributes");
        assertEquals("[\"10005\"]", stored.path("orgUnit").toString());
        assertTrue(stored.path("agency").isMissingNode() && stored.path("dif_alcance").isMissingNode(), stored.toString());
    }

    @Test
    void theAccountConsolesTokenIsRefusedByThePlatform() throws Exception {
        String token = AccountConsole.login(stack.oidcUrl(), Tokens.CASE_WORKER, PASSWORD).accessToken;
        JsonNode claims = TokenClient.claims(token);
        assertEquals(stack.oidcUrl(), claims.path("iss").asText(), "a real token of the realm");
        assertFalse(claims.path("aud").toString().contains("dif-platform"), claims.toString());
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", stack.gatewayUrl() + "/api/v1/org-units/10005");
        targets.put("programs-service", "http://127.0.0.1:" + stack.port("PROGRAMS", 8081) + "/api/v1/org-units/10005");
        targets.put("cases-service", "http://127.0.0.1:" + stack.port("CASES", 8082) + "/api/v1/agencies");
        targets.put("indicators-service", "http://127.0.0.1:" + stack.port("INDICATORS", 8083)
                + "/api/v1/indicators/procedure?orgUnit=10005&period=2021");
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> t : targets.entrySet()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(t.getValue())).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), t.getKey() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), t.getKey());
            // the same person's platform token is accepted there
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(t.getValue()))
                    .header("Authorization", "Bearer " + Tokens.of(Tokens.CASE_WORKER)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse(ok.statusCode() == 401, t.getKey() + " refused the platform token: " + ok.body());
        }
    }

    @Test
    void anAdministratorStillSeesAndSetsTheUnit() throws Exception {
        String username = "e2e.unidad." + UUID.randomUUID().toString().substring(0, 8);
        Tokens.admin().ensureUser(username, PASSWORD, "case-worker", "10007");
        AdminApi admin = admin();
        assertEquals("[\"10007\"]", admin.user(username).path("attributes").path("orgUnit").toString());
        ObjectNode user = (ObjectNode) admin.user(username);
        user.withObjectProperty("attributes").putArray("orgUnit").add("10005");
        HttpResponse<String> put = admin.call("PUT", "/users/" + user.path("id").asText(), user);
        assertEquals(204, put.statusCode(), put.body());
        assertEquals("[\"10005\"]", admin.user(username).path("attributes").path("orgUnit").toString());
        JsonNode token = TokenClient.claims(new TokenClient(stack.oidcUrl()).password("dif-web", username, PASSWORD));
        assertEquals("10005", token.path("org_unit").asText());
        assertTrue(token.path("aud").toString().contains("dif-platform"), token.toString());
        // the profile's rule holds for administrators too: a unit is MX or an INEGI key
        user.withObjectProperty("attributes").putArray("orgUnit").add("10005' OR 1=1");
        assertEquals(400, admin.call("PUT", "/users/" + user.path("id").asText(), user).statusCode());
    }

    private static AdminApi admin() {
        return new AdminApi(stack.keycloakUrl(), new TokenClient(stack.keycloakUrl() + "/realms/master")
                .password("admin-cli", "admin", stack.keycloakAdminPassword()));
    }

    /** Keycloak's admin REST API of the dif realm, as the bootstrap administrator. */
    private record AdminApi(String keycloakUrl, String token) {
        JsonNode user(String username) throws IOException, InterruptedException {
            HttpResponse<String> r = call("GET", "/users?exact=true&briefRepresentation=false&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body()).path(0);
        }

        HttpResponse<String> call(String method, String path, JsonNode body) throws IOException, InterruptedException {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/dif" + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * A login to the account console as its browser code does it, over plain HTTP: the authorization request of the
     * console's public client with a PKCE challenge, the login form posted with its cookies, the redirect's code
     * exchanged with the verifier.
     */
    private record AccountConsole(String realmUrl, String accessToken) {
        private static final String CLIENT = "account-console";
        private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
        private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

        static AccountConsole login(String realmUrl, String username, String password) throws Exception {
            Browser browser = new Browser();
            String redirect = realmUrl + "/account/";
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = base64(random);
            String state = UUID.randomUUID().toString();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/auth?"
                    + form(Map.of("client_id", CLIENT, "redirect_uri", redirect, "response_type", "code", "scope", "openid",
                    "state", state, "nonce", UUID.randomUUID().toString(), "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256")))));
            assertEquals(200, page.statusCode(), page.body());
            Matcher loginForm = LOGIN_FORM.matcher(page.body());
            assertTrue(loginForm.find(), "no login form:\n" + page.body());
            Matcher action = ACTION.matcher(loginForm.group());
            assertTrue(action.find(), loginForm.group());
            HttpResponse<String> loggedIn = browser.send(post(action.group(1).replace("&amp;", "&"),
                    Map.of("username", username, "password", password, "credentialId", "")));
            assertEquals(302, loggedIn.statusCode(), "login refused:\n" + loggedIn.body());
            String location = loggedIn.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(redirect), location);
            Map<String, String> answer = query(URI.create(location).getRawQuery());
            assertEquals(state, answer.get("state"));
            HttpResponse<String> token = browser.send(post(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type",
                    "authorization_code", "client_id", CLIENT, "code", answer.get("code"), "redirect_uri", redirect,
                    "code_verifier", verifier)));
            assertEquals(200, token.statusCode(), token.body());
            return new AccountConsole(realmUrl, JSON.readTree(token.body()).path("access_token").asText());
        }

        /** A call of the account REST API as the console makes it. */
        HttpResponse<String> call(String method, String path, JsonNode body) throws IOException, InterruptedException {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realmUrl + path))
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        private static HttpRequest.Builder post(String url, Map<String, String> fields) {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        }

        private static String challenge(String verifier) throws NoSuchAlgorithmException {
            return base64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }

        private static String base64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static String form(Map<String, String> fields) {
            return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return values;
        }
    }

    /**
     * What a browser keeps between the login pages: Keycloak's session cookies. They are marked Secure, which a
     * browser honours on http://127.0.0.1 (a secure context) but java.net's CookieManager does not, so they are
     * kept here. No redirect is followed: the code arrives in one.
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return r;
        }
    }
}
