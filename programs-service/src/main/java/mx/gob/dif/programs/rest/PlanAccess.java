package mx.gob.dif.programs.rest;

import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.programs.service.VisibleUnits;
import mx.gob.dif.programs.service.WorkPlanService.UnitGuard;

/**
 * Unit scope of work plans (docs/SECURITY.md): a plan is readable by the roles that may read plans
 * when its unit is the caller's own, below it or above it (a municipality reports against the
 * state's plan); it is changed by administrators only, for their own unit and the units below.
 */
final class PlanAccess {
    private PlanAccess() {
    }

    /** 403 unless the plan's unit is in line with the caller's. */
    static UnitGuard mayRead(CurrentUser caller) {
        return unit -> {
            if (!caller.get().isInLineWith(unit)) {
                throw ProblemException.forbidden(caller.outOfScope(unit));
            }
        };
    }

    /** 403 unless the caller's unit covers the plan's. */
    static UnitGuard mayChange(CurrentUser caller) {
        return caller::requireUnit;
    }

    /** An explicit {@code orgUnit} filter out of line is refused; an absent one is not checked. */
    static void requireReadable(CurrentUser caller, String orgUnit) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            mayRead(caller).check(orgUnit.trim());
        }
    }

    /** What a list without an {@code orgUnit} filter shows: the units in line with the caller's. */
    static VisibleUnits visible(CurrentUser caller) {
        return VisibleUnits.inLineWith(caller.get());
    }
}
