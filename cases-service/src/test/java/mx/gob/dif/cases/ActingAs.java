package mx.gob.dif.cases;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import mx.gob.dif.common.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Calls a service directly (inside a test's own transaction, say) as a caller with a token: the
 * services check the caller's unit or agency themselves, so a direct call needs one, in a request
 * context of its own.
 */
public final class ActingAs {
    private ActingAs() {
    }

    /** An agency's system, as its client's token names it. */
    public static void agency(String client, String agency, Runnable call) {
        run(client, Map.of("azp", client, "agency", agency), Roles.INTEGRATOR, call);
    }

    /** A case worker of a unit. */
    public static void caseWorker(String name, String orgUnit, Runnable call) {
        run(name, Map.of("preferred_username", name, "org_unit", orgUnit), Roles.CASE_WORKER, call);
    }

    private static void run(String name, Map<String, String> claims, String role, Runnable call) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", name);
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) all.get(claim);
            }
        };
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        requests.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get()
                    .setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build());
            call.run();
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }
}
