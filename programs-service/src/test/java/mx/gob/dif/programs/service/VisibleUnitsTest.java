package mx.gob.dif.programs.service;

import mx.gob.dif.common.security.Identity;
import mx.gob.dif.common.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The listing filter says exactly what {@link Identity#covers} and {@link Identity#isInLineWith} say, unit by unit. */
class VisibleUnitsTest {
    private static final List<String> UNITS = List.of("MX", "10", "10005", "10007", "100051234", "1000", "1", "27", "27001",
            "05", "05035", "CO", "");

    private static Identity who(String unit) {
        return new Identity("u", Set.of(Roles.MUNICIPAL_OPERATOR), unit, null);
    }

    @Test
    void inLineAndCoveredAgreeWithTheIdentityForEveryUnit() {
        List<String> callers = new ArrayList<>(UNITS);
        callers.add(null);
        for (String caller : callers) {
            Identity id = who(caller);
            VisibleUnits inLine = VisibleUnits.inLineWith(id);
            VisibleUnits covered = VisibleUnits.coveredBy(id);
            for (String unit : UNITS) {
                assertEquals(id.isInLineWith(unit), inLine.contains(unit), "in line: caller " + caller + ", unit " + unit);
                assertEquals(id.covers(unit), covered.contains(unit), "covered: caller " + caller + ", unit " + unit);
            }
        }
    }

    @Test
    void theSqlConditionCarriesTheSameCodes() {
        List<Object> args = new ArrayList<>();
        String sql = VisibleUnits.inLineWith(who("10005")).sql("w.org_unit", args);
        assertEquals("(w.org_unit in (?, ?, ?) or (w.org_unit like ? and w.org_unit ~ '^[0-9]{5}([0-9]{4})?$'))", sql);
        assertEquals(List.of("10005", "MX", "10", "10005%"), args);

        args.clear();
        assertEquals("true", VisibleUnits.coveredBy(who("MX")).sql("org_unit", args));
        assertEquals("false", VisibleUnits.coveredBy(who(null)).sql("org_unit", args));
        assertEquals(List.of(), args);
        assertEquals("(org_unit in (?))", VisibleUnits.coveredBy(who("CO")).sql("org_unit", args));
        assertEquals(List.of("CO"), args);
    }
}
