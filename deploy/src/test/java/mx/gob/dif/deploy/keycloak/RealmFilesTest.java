package mx.gob.dif.deploy.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two realm definitions shipped in deploy/keycloak: the demo one ./dif up imports and the production one an
 * operator imports. Both keep the claims that decide access out of users' hands and issue tokens with the
 * platform's audience; the production one has TLS required, no demo users, no secrets and no password grant.
 * (That Keycloak really refuses a user's change is AccountConsoleIT, against the running stack.)
 */
class RealmFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLAIM_ATTRIBUTES = List.of("orgUnit", "agency");

    private static JsonNode realm(String file) throws IOException {
        Path dir = Path.of(System.getProperty("dif.project.dir", "..")).toAbsolutePath().normalize().resolve("deploy/keycloak");
        return JSON.readTree(dir.resolve(file).toFile());
    }

    private static JsonNode userProfile(JsonNode realm) throws IOException {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
        return JSON.readTree(provider.path("config").path("kc.user.profile.config").path(0).asText());
    }

    @Test
    void inBothRealmsOnlyAdministratorsSeeOrChangeTheClaimsThatDecideAccess() throws IOException {
        for (String file : List.of("dif-realm.json", "realm-production.json")) {
            JsonNode profile = userProfile(realm(file));
            assertEquals("ADMIN_EDIT", profile.path("unmanagedAttributePolicy").asText(), file + ": users must not edit attributes nobody declared");
            for (String name : CLAIM_ATTRIBUTES) {
                JsonNode attribute = null;
                for (JsonNode a : profile.path("attributes")) {
                    if (name.equals(a.path("name").asText())) {
                        attribute = a;
                    }
                }
                assertTrue(attribute != null, file + ": " + name + " is not declared in the user profile");
                assertEquals("[\"admin\"]", attribute.path("permissions").path("view").toString(), file + ": who sees " + name);
                assertEquals("[\"admin\"]", attribute.path("permissions").path("edit").toString(), file + ": who changes " + name);
            }
        }
    }

    @Test
    void everyClientOfBothRealmsIssuesTokensForThePlatform() throws IOException {
        for (String file : List.of("dif-realm.json", "realm-production.json")) {
            for (JsonNode client : realm(file).path("clients")) {
                List<String> audiences = new ArrayList<>();
                for (JsonNode m : client.path("protocolMappers")) {
                    if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                            && "true".equals(m.path("config").path("access.token.claim").asText())) {
                        audiences.add(m.path("config").path("included.custom.audience").asText());
                    }
                }
                assertEquals(List.of("dif-platform"), audiences, file + ": audience of " + client.path("clientId").asText());
            }
        }
    }

    @Test
    void theProductionRealmRequiresTlsAndHasNoDemoUsersSecretsOrPasswordGrant() throws IOException {
        JsonNode production = realm("realm-production.json");
        assertEquals("dif", production.path("realm").asText());
        assertNotEquals("none", production.path("sslRequired").asText("none"), "TLS must be required");
        assertTrue(List.of("external", "all").contains(production.path("sslRequired").asText()));
        assertTrue(production.path("users").isMissingNode() || production.path("users").isEmpty(), "no users: " + production.path("users"));
        assertTrue(production.path("bruteForceProtected").asBoolean());
        assertFalse(production.path("clients").isEmpty());
        for (JsonNode client : production.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.has("secret"), id + " ships a secret: Keycloak must generate it");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + " allows the password grant");
            for (JsonNode uri : client.path("redirectUris")) {
                assertTrue(uri.asText().startsWith("https://"), id + " redirects to " + uri);
            }
            if (client.path("publicClient").asBoolean()) {
                assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText(), id + ": a public client needs PKCE");
            }
        }
    }

    @Test
    void theProductionRealmHasTheDemoRealmsRolesProfileAndMappers() throws IOException {
        JsonNode demo = realm("dif-realm.json");
        JsonNode production = realm("realm-production.json");
        assertEquals(demo.path("roles"), production.path("roles"));
        assertEquals(userProfile(demo), userProfile(production));
        assertEquals(demo.path("accessTokenLifespan"), production.path("accessTokenLifespan"));
        JsonNode demoWeb = null;
        for (JsonNode client : demo.path("clients")) {
            if ("dif-web".equals(client.path("clientId").asText())) {
                demoWeb = client;
            }
        }
        assertTrue(demoWeb != null);
        assertEquals(demoWeb.path("protocolMappers"), production.path("clients").path(0).path("protocolMappers"));
        // the demo realm is what ./dif up needs: users, agencies' secrets, the password grant of ./dif token, plain http
        assertEquals("none", demo.path("sslRequired").asText());
        assertFalse(demo.path("users").isEmpty());
    }
}
