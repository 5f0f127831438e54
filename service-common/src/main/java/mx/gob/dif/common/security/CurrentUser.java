package mx.gob.dif.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import mx.gob.dif.common.rest.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, read once from the validated bearer token. Services ask it
 * whether an org unit or agency is within reach and get a 403 problem with a Spanish reason if not.
 */
@RequestScoped
public class CurrentUser {
    private static final String ORG_UNIT_CLAIM = "org_unit";
    private static final String AGENCY_CLAIM = "agency";

    @Inject
    SecurityIdentity security;

    private Identity identity;

    public Identity get() {
        if (identity == null) {
            identity = read(security);
        }
        return identity;
    }

    /** The name that goes into histories and audit trails. */
    public String name() {
        return get().name();
    }

    public void requireUnit(String unit) {
        if (!get().covers(unit)) {
            throw ProblemException.forbidden(outOfScope(unit));
        }
    }

    /** The Spanish reason given when a unit lies outside the caller's reach. */
    public String outOfScope(String unit) {
        Identity who = get();
        if (who.orgUnit() == null && who.agency() != null) {
            return "El sistema de la dependencia " + who.agency() + " no tiene asignada ninguna unidad del DIF; no puede consultar "
                    + "datos de la unidad " + unit + ". Pida al administrador que asigne la unidad (atributo orgUnit) a su cliente.";
        }
        return who.orgUnit() == null
                ? "Su usuario no pertenece a ninguna unidad del DIF; no puede consultar ni modificar datos de la unidad " + unit + "."
                : "Su usuario pertenece a la unidad " + who.orgUnit() + " y no puede consultar ni modificar datos de la unidad " + unit + ".";
    }

    static Identity read(SecurityIdentity security) {
        if (security == null || security.isAnonymous()) {
            return Identity.ANONYMOUS;
        }
        if (!(security.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Identity(security.getPrincipal().getName(), security.getRoles(), null, null);
        }
        String agency = claim(jwt, AGENCY_CLAIM);
        // a service account's preferred_username is "service-account-<client>"; the client id reads better
        String name = agency != null && claim(jwt, "azp") != null ? claim(jwt, "azp")
                : firstNonNull(claim(jwt, "preferred_username"), jwt.getSubject(), "desconocido");
        return new Identity(name, security.getRoles(), claim(jwt, ORG_UNIT_CLAIM), agency);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
        return s.isBlank() ? null : s;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
