package mx.gob.dif.cases.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A caller's reach as a query condition: the same units OrgUnitScope.contains accepts. */
class CriteriaTest {
    @Test
    void aStateReachesItselfAndEveryUnitBelowIt() {
        Criteria c = new Criteria().within("orgUnit", "10").eq("status", "RECEIVED");
        assertEquals("1 = 1 and (orgUnit = :p0 or orgUnit like :p1) and status = :p2 order by id", c.where("id"));
        assertEquals(Map.of("p0", "10", "p1", "10%", "p2", "RECEIVED"), c.params());
    }

    @Test
    void theCountryReachesEverythingAndNoUnitReachesNothing() {
        assertEquals("1 = 1 order by id", new Criteria().within("orgUnit", "MX").where("id"));
        assertEquals("1 = 1 and 1 = 0 order by id", new Criteria().within("orgUnit", null).where("id"));
        assertEquals("1 = 1 and 1 = 0 order by id", new Criteria().within("orgUnit", " ").where("id"));
    }

    @Test
    void aCodeThatIsNotInegiReachesOnlyItself() {
        Criteria c = new Criteria().within("orgUnit", "DIF-X");
        assertEquals("1 = 1 and orgUnit = :p0 order by id", c.where("id"));
        assertEquals(Map.of("p0", "DIF-X"), c.params());
    }
}
