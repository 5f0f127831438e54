package mx.gob.dif.programs.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;

/**
 * Unit scope of work plans (docs/SECURITY.md), checked by every plan service once the plan (or,
 * for a new plan, its unit) is known to exist, so an unknown id stays 404 and an unknown unit a 422
 * field error. A plan is read by the caller's unit, the units below it and the units above it (a
 * municipality reports against the state's plan); it is changed for the caller's unit and the units
 * below only. Resources never check units: the services do, through this one class.
 */
@ApplicationScoped
public class PlanScope {
    private final CurrentUser caller;

    public PlanScope(CurrentUser caller) {
        this.caller = caller;
    }

    /** 403 unless the plan's unit is in line with the caller's (own, below or above). */
    public void requireReadable(String orgUnit) {
        if (!caller.get().isInLineWith(orgUnit)) {
            throw ProblemException.forbidden(caller.outOfScope(orgUnit));
        }
    }

    /** 403 unless the caller's unit covers the plan's (own or below). */
    public void requireChangeable(String orgUnit) {
        caller.requireUnit(orgUnit);
    }

    /** An explicit {@code orgUnit} filter out of line is refused (403); an absent one is not checked. */
    public void requireReadableFilter(String orgUnit) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            requireReadable(orgUnit.trim());
        }
    }

    /** What a list without an {@code orgUnit} filter shows: the units in line with the caller's. */
    public VisibleUnits visible() {
        return VisibleUnits.inLineWith(caller.get());
    }

    /** Who is changing the plan, for its history. */
    public String user() {
        return caller.name();
    }
}
