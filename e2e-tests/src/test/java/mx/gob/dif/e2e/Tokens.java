package mx.gob.dif.e2e;

import io.restassured.specification.RequestSpecification;
import mx.gob.dif.deploy.DemoRealm;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.KeycloakAdmin;
import mx.gob.dif.deploy.infra.TokenClient;

import static io.restassured.RestAssured.given;

/**
 * Real access tokens from the stack's Keycloak for the demo identities of the realm file
 * ({@code deploy/keycloak/dif-realm.json}): people by the password grant on {@code dif-web}, agency
 * systems by client credentials. Each is kept until a minute before it expires.
 */
final class Tokens {
    static final String OPERATOR = "operador.durango";        // municipal-operator, 10005
    static final String OPERATOR_GOMEZ = "operador.gomez";    // municipal-operator, 10007
    static final String CASE_WORKER = "trabajadora.durango";  // case-worker, 10005
    static final String DIRECTOR = "director.durango";        // director, 10005
    static final String ANALYST = "analista.estatal";         // state-analyst, 10
    static final String ADMIN = "admin.dif";                  // administrator, 10
    static final String SALUD = "agencia-salud";              // integrator, SALUD-DGO
    static final String EDUCACION = "agencia-educacion";      // integrator, SEED-DGO

    private static TokenClient client;
    private static DemoRealm realm;

    private Tokens() {
    }

    static synchronized String of(String who) {
        if (client == null) {
            Stack stack = PlatformStack.get();
            client = new TokenClient(stack.oidcUrl());
            realm = DemoRealm.load(stack.realmFile());
        }
        return realm.token(client, who);
    }

    /** A request through the gateway as {@code who}. */
    static RequestSpecification as(String who) {
        return given().auth().oauth2(of(who));
    }

    static TokenClient client() {
        of(ADMIN);
        return client;
    }

    /** The stack's Keycloak as its bootstrap administrator (for test-only clients). */
    static KeycloakAdmin admin() {
        Stack stack = PlatformStack.get();
        return new KeycloakAdmin(stack.keycloakUrl(), "dif", "admin", stack.keycloakAdminPassword());
    }
}
