package mx.gob.dif.common.production;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionRulesTest {
    private static final String HTTPS = "https://sso.dif.example/realms/dif";

    private static ProductionRules.Secret password(String value) {
        return new ProductionRules.Secret("quarkus.datasource.password", Optional.ofNullable(value), List.of("dif_programs"));
    }

    @Test
    void ownSecretsAndAnHttpsRealmMayRun() {
        assertEquals(List.of(), ProductionRules.problems(HTTPS, List.of(password("k8s-generado-7f3a"))));
        assertEquals(List.of(), ProductionRules.problems("HTTPS://SSO.DIF.EXAMPLE/realms/dif", List.of()));
    }

    @Test
    void aDemoSecretIsRefusedNamingTheSettingAndItsVariableButNotTheValue() {
        List<String> problems = ProductionRules.problems(HTTPS, List.of(password("dif_programs")));
        assertEquals(List.of("El secreto quarkus.datasource.password (variable de entorno QUARKUS_DATASOURCE_PASSWORD) tiene "
                + "el valor de demostración que viene en el repositorio: en producción defínalo con un valor propio."), problems);
        // surrounding blanks do not hide a demo value
        assertEquals(1, ProductionRules.problems(HTTPS, List.of(password("  dif_programs "))).size());
    }

    @Test
    void aMissingOrBlankSecretIsRefused() {
        for (String value : new String[]{null, "", "   "}) {
            List<String> problems = ProductionRules.problems(HTTPS, List.of(password(value)));
            assertEquals(1, problems.size(), "value [" + value + "]");
            assertTrue(problems.get(0).startsWith("Falta el secreto quarkus.datasource.password (variable de entorno "
                    + "QUARKUS_DATASOURCE_PASSWORD)"), problems.get(0));
        }
    }

    @Test
    void anOidcServerWithoutHttpsIsRefused() {
        for (String url : new String[]{"http://127.0.0.1:8180/realms/dif", "", "sso.dif.example/realms/dif", "ftp://x"}) {
            List<String> problems = ProductionRules.problems(url, List.of());
            assertEquals(1, problems.size(), url);
            assertTrue(problems.get(0).startsWith("quarkus.oidc.auth-server-url (variable de entorno DIF_OIDC_URL) debe ser una "
                    + "dirección https en producción"), problems.get(0));
        }
    }

    @Test
    void everyProblemIsListedOnceInAStableOrder() {
        ProductionRules.Secret key = new ProductionRules.Secret("cases.pseudonym-key", Optional.of("dif-local-pseudonym-key-change-me"),
                List.of("dif-local-pseudonym-key-change-me"));
        List<String> problems = ProductionRules.problems("http://127.0.0.1:8180/realms/dif", List.of(password("dif_programs"), key));
        assertEquals(3, problems.size());
        assertTrue(problems.get(0).contains("DIF_OIDC_URL"));
        assertTrue(problems.get(1).contains("cases.pseudonym-key (variable de entorno CASES_PSEUDONYM_KEY)"));
        assertTrue(problems.get(2).contains("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void theVariableIsWhatMicroProfileConfigReads() {
        assertEquals("QUARKUS_DATASOURCE_PASSWORD", ProductionRules.environmentName("quarkus.datasource.password"));
        assertEquals("CASES_WEBHOOKS_SECRET_KEY", ProductionRules.environmentName("cases.webhooks.secret-key"));
    }
}
