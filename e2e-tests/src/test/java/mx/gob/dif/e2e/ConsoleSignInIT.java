package mx.gob.dif.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each demo role signs in to the console through the real Keycloak login page, lands on its own home page with
 * only its sections in the navigation, and signs out (Keycloak's session ends too: the console asks for the
 * password again). Screenshots: target/screenshots/inicio-&lt;user&gt;.png.
 */
class ConsoleSignInIT {

    record Home(String user, String path, List<String> sections) {
    }

    @Test
    void eachRoleSignsInThroughKeycloakLandsOnItsHomeAndSignsOut() {
        for (Home home : List.of(
                new Home(Tokens.OPERATOR, "/operador", List.of("Reporte municipal")),
                new Home(Tokens.CASE_WORKER, "/casos", List.of("Casos")),
                new Home(Tokens.DIRECTOR, "/operador", List.of("Reporte municipal", "Casos")),
                new Home(Tokens.ANALYST, "/analista", List.of("Tablero estatal")),
                new Home(Tokens.ADMIN, "/admin", List.of("Administración")))) {
            try (Browser browser = Browser.open()) {
                browser.signIn(home.user());
                assertEquals(browser.consoleUrl(home.path()), browser.driver().getCurrentUrl(), home.user());
                assertEquals("es", browser.find(By.tagName("html")).getAttribute("lang"));
                List<String> sections = browser.driver().findElements(By.cssSelector("nav.sections a")).stream()
                        .map(a -> a.getText().trim()).toList();
                assertEquals(home.sections(), sections, home.user());
                browser.screenshot("inicio-" + home.user());

                browser.find(By.linkText("Cerrar sesión")).click();
                browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sesión cerrada"));
                browser.find(By.linkText("Iniciar sesión")).click();
                // the Keycloak session ended too: the login page again, not a silent sign-in
                browser.find(By.id("username"));
                assertTrue(browser.driver().getCurrentUrl().startsWith(PlatformStack.get().keycloakUrl()),
                        browser.driver().getCurrentUrl());
            }
        }
    }
}
