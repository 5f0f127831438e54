package mx.gob.dif.common.security;

import java.util.Set;

/**
 * Who is calling, as the validated token says: a name for histories and audit trails, the realm
 * roles, and the org unit (people) or agency (integrators) the caller belongs to.
 */
public record Identity(String name, Set<String> roles, String orgUnit, String agency) {
    public static final Identity ANONYMOUS = new Identity("anónimo", Set.of(), null, null);

    public Identity {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasAny(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** The unit is the caller's own or lies below it. */
    public boolean covers(String unit) {
        return OrgUnitScope.contains(orgUnit, unit);
    }

    /** The unit is the caller's own, below it, or above it (a municipality reports against the state's plan). */
    public boolean isInLineWith(String unit) {
        return covers(unit) || OrgUnitScope.contains(unit, orgUnit);
    }

    /** An integrator bound to exactly this agency. */
    public boolean speaksFor(String agencyId) {
        return agency != null && agency.equals(agencyId) && roles.contains(Roles.INTEGRATOR);
    }
}
