package mx.gob.dif.programs.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What activity ingestion needs from the work-plan catalog. Implemented over the catalog's own
 * tables (the plans live in this service), so a report sent right after a plan import resolves.
 */
public interface CatalogLookup {

    /** The org unit with this INEGI code, if it exists. */
    Optional<OrgUnitRef> orgUnit(String code);

    /**
     * Resolves an indicator for a report of {@code orgUnit} in {@code fiscalYear}: in the work plan
     * owned by that unit or, failing that, by its nearest ancestor that has a plan for that year.
     */
    Optional<ResolvedTarget> resolve(String orgUnit, int fiscalYear, String indicatorCode);

    /** Whether any unit in the chain orgUnit → ancestors has a work plan for the year. */
    boolean hasPlan(String orgUnit, int fiscalYear);

    record OrgUnitRef(String code, String name, String level, String parent) {
    }

    record ResolvedTarget(String planOrgUnit, int fiscalYear, String programCode, String indicatorCode,
                          String unit, BigDecimal annualTarget, String method, List<String> components, String caseMetric) {
    }
}
