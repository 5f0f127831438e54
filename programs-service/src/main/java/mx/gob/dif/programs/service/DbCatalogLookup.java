package mx.gob.dif.programs.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.programs.catalog.CatalogLookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolution rule of API.md: the plan of the report's unit or, failing that, of its nearest ancestor. */
@ApplicationScoped
public class DbCatalogLookup implements CatalogLookup {
    private final OrgUnitService orgUnits;
    private final PlanCache plans;

    public DbCatalogLookup(OrgUnitService orgUnits, PlanCache plans) {
        this.orgUnits = orgUnits;
        this.plans = plans;
    }

    @Override
    public Optional<OrgUnitRef> orgUnit(String code) {
        return orgUnits.find(code);
    }

    @Override
    public Optional<ResolvedTarget> resolve(String orgUnit, int fiscalYear, String indicatorCode) {
        // the nearest plan that defines the indicator: a municipality with a plan of its own can
        // still report against a state-wide indicator
        for (String unit : chain(orgUnit)) {
            Optional<ResolvedTarget> t = plans.plan(unit, fiscalYear).map(p -> p.get(indicatorCode));
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean hasPlan(String orgUnit, int fiscalYear) {
        return nearestPlan(orgUnit, fiscalYear).isPresent();
    }

    private List<String> chain(String orgUnit) {
        List<String> chain = new ArrayList<>();
        chain.add(orgUnit);
        chain.addAll(orgUnits.ancestors(orgUnit));
        return chain;
    }

    private Optional<Map<String, ResolvedTarget>> nearestPlan(String orgUnit, int year) {
        for (String unit : chain(orgUnit)) {
            Optional<Map<String, ResolvedTarget>> plan = plans.plan(unit, year);
            if (plan.isPresent()) {
                return plan;
            }
        }
        return Optional.empty();
    }
}
