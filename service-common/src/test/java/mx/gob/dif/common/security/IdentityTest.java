package mx.gob.dif.common.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityTest {
    private final Identity operator = new Identity("operador.durango", Set.of(Roles.MUNICIPAL_OPERATOR), "10005", null);
    private final Identity analyst = new Identity("analista.estatal", Set.of(Roles.STATE_ANALYST), "10", null);
    private final Identity salud = new Identity("agencia-salud", Set.of(Roles.INTEGRATOR), null, "SALUD-DGO");

    @Test
    void anOperatorCoversItsMunicipalityOnly() {
        assertTrue(operator.covers("10005"));
        assertFalse(operator.covers("10007"));
        assertFalse(operator.covers("10"));
    }

    @Test
    void plansAboveAreInLineButNeighboursAreNot() {
        assertTrue(operator.isInLineWith("10"), "a municipality reports against the state's plan");
        assertTrue(operator.isInLineWith("MX"));
        assertTrue(operator.isInLineWith("10005"));
        assertFalse(operator.isInLineWith("10007"));
        assertTrue(analyst.isInLineWith("10007"));
        assertFalse(analyst.isInLineWith("27001"));
    }

    @Test
    void rolesAreMatchedByName() {
        assertTrue(operator.hasAny(Roles.DIRECTOR, Roles.MUNICIPAL_OPERATOR));
        assertFalse(operator.hasAny(Roles.DIRECTOR, Roles.ADMINISTRATOR));
        assertFalse(Identity.ANONYMOUS.hasAny(Roles.MUNICIPAL_OPERATOR));
    }

    @Test
    void anIntegratorSpeaksForItsOwnAgencyOnlyAndCoversNoUnit() {
        assertTrue(salud.speaksFor("SALUD-DGO"));
        assertFalse(salud.speaksFor("SEED-DGO"));
        assertFalse(salud.speaksFor(null));
        assertFalse(salud.covers("10005"));
        Identity notAnIntegrator = new Identity("x", Set.of(Roles.CASE_WORKER), "10005", "SALUD-DGO");
        assertFalse(notAnIntegrator.speaksFor("SALUD-DGO"), "the agency claim counts only with the integrator role");
    }
}
