package mx.gob.dif.common.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrgUnitScopeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            // a unit contains itself
            "10005, 10005, true",
            "10,    10,    true",
            "MX,    MX,    true",
            // a state contains its municipalities and their localities
            "10,    10005, true",
            "10,    100050001, true",
            "10005, 100050001, true",
            // the country contains everything
            "MX,    10,    true",
            "MX,    27001, true",
            // never upwards or sideways
            "10005, 10,    false",
            "10005, 10007, false",
            "10,    27001, false",
            "10,    MX,    false",
            // only whole INEGI keys (2, 5 or 9 digits) nest: 1 is no state, 1000 no municipality
            "1,     10,    false",
            "1000,  10005, false",
            "10,    1000,  false",
            // non-INEGI codes are only equal to themselves
            "ABC,   ABCD,  false",
            "10,    10ABC, false",
    })
    void scopeIsReadFromTheInegiCodes(String scope, String unit, boolean expected) {
        assertEquals(expected, OrgUnitScope.contains(scope, unit));
    }

    @org.junit.jupiter.api.Test
    void ancestorsAreTheStateAndMunicipalityKeysAbove() {
        assertEquals(java.util.List.of("10", "10005"), OrgUnitScope.ancestors("100050001"));
        assertEquals(java.util.List.of("10"), OrgUnitScope.ancestors("10005"));
        assertEquals(java.util.List.of(), OrgUnitScope.ancestors("10"));
        assertEquals(java.util.List.of(), OrgUnitScope.ancestors("MX"));
        assertEquals(java.util.List.of(), OrgUnitScope.ancestors("1000"));
        assertEquals(java.util.List.of(), OrgUnitScope.ancestors(null));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL, 10", "10, NULL", "'', 10", "10, ''", "' ', ' '"}, nullValues = "NULL")
    void noUnitMeansNoScope(String scope, String unit) {
        assertEquals(false, OrgUnitScope.contains(scope, unit));
    }
}
