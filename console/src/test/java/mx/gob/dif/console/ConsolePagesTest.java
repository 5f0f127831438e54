package mx.gob.dif.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.common.security.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The console's frame and role home pages, called with test tokens (the real sign-in is ConsoleOperatorIT's). */
@QuarkusTest
@QuarkusTestResource(FakeApi.class) // the case worker's home page reads today's tasks
class ConsolePagesTest {

    @Test
    void eachRoleIsSentToItsHomePage() {
        record Case(String token, String home) {
        }
        for (Case c : java.util.List.of(new Case(TestTokens.operator("10005"), "/operador"),
                new Case(TestTokens.caseWorker("10005"), "/casos"),
                new Case(TestTokens.director("10005"), "/operador"),
                new Case(TestTokens.analyst("10"), "/analista"),
                new Case(TestTokens.administrator(), "/admin"))) {
            given().auth().oauth2(c.token()).redirects().follow(false)
                    .when().get("/")
                    .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(c.home()));
        }
    }

    @Test
    void theFrameIsSpanishNamesThePersonAndShowsOnlyTheirSections() {
        given().auth().oauth2(TestTokens.director("10005"))
                .when().get("/casos")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"es\">"))
                .body(containsString("director.10005 · unidad 10005"))
                .body(containsString("<a href=\"/casos\" aria-current=\"page\">Casos</a>"))
                .body(containsString("href=\"/operador\""))
                .body(not(containsString("href=\"/analista\"")))
                .body(containsString("href=\"/salir\""));
    }

    @Test
    void aSectionOutsideThePersonsRolesIsASpanishPageNotJson() {
        given().auth().oauth2(TestTokens.operator("10005"))
                .when().get("/admin")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Sin permiso"))
                .body(not(containsString("Exception")));
    }

    @Test
    void anUnknownPageIsASpanishNotFoundPage() {
        given().auth().oauth2(TestTokens.operator("10005"))
                .when().get("/no-existe")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Página no encontrada"));
    }

    @Test
    void withoutAPersonThePagesAreClosedButTheSessionPagesAndStylesAreNot() {
        given().redirects().follow(false).when().get("/operador").then().statusCode(401);
        given().when().get("/sesion-vencida").then().statusCode(200).body(containsString("Su sesión venció"));
        given().when().get("/adios").then().statusCode(200).body(containsString("Sesión cerrada"))
                .body(not(containsString("Cerrar sesión")));
        given().when().get("/css/console.css").then().statusCode(200).body(containsString(".light-GREEN"));
        given().when().get("/q/health/ready").then().statusCode(equalTo(200));
    }
}
