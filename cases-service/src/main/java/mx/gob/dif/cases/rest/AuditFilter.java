package mx.gob.dif.cases.rest;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import mx.gob.dif.cases.service.AuditTrail;
import mx.gob.dif.cases.service.CaseScope;
import mx.gob.dif.common.rest.RequestIdFilter;
import mx.gob.dif.common.security.Identity;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Audits every request that reads or changes a person's or a case's data, whatever its outcome
 * (a refused attempt matters as much as a granted one): the caller named by its token (an agency's
 * system by its client), and the unit whose data it touched, so that unit's director can read it.
 */
public class AuditFilter {
    private static final Map<String, String> AUDITED = Map.of(
            "beneficiaries", "BENEFICIARY",
            "cases", "CASE",
            "referrals", "REFERRAL",
            "follow-up-requests", "FOLLOW_UP_REQUEST",
            "approvals", "APPROVAL",
            "tasks", "TASKS",
            "reports", "MONTHLY_REPORT");

    private final AuditTrail audit;
    private final CaseScope scope;
    private final CurrentIdentityAssociation identities;

    public AuditFilter(AuditTrail audit, CaseScope scope, CurrentIdentityAssociation identities) {
        this.audit = audit;
        this.scope = scope;
        this.identities = identities;
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext req, ContainerResponseContext res, HttpServerRequest http) {
        String path = req.getUriInfo().getPath();
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length < 3 || !"api".equals(parts[0])) {
            return Uni.createFrom().voidItem();
        }
        String type = AUDITED.get(parts[2]);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        String id = parts.length > 3 ? parts[3] : null;
        String forwarded = req.getHeaderString("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded
                : http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Object rid = req.getProperty(RequestIdFilter.MDC_KEY);
        String method = req.getMethod();
        int status = res.getStatus();
        String unit = scope.touchedUnit();
        Consumer<String> write = actor -> audit.record(actor, unit, method, path, type, id, status, ip, rid == null ? null : rid.toString());
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.accept(actor());
            return Uni.createFrom().voidItem();
        }
        // On the IO thread the answer was given before the resource ran (no valid token, or a role that may
        // not call it): the token, if any, is resolved without blocking, and the entry written on a worker.
        return identities.getDeferredIdentity()
                .map(identity -> {
                    identities.setIdentity(identity);
                    return actor();
                })
                .onFailure().recoverWithItem(Identity.ANONYMOUS.name())
                .invoke(actor -> Infrastructure.getDefaultWorkerPool().execute(() -> write.accept(actor)))
                .replaceWithVoid();
    }

    /** The token's user; nobody when the token was missing or invalid. */
    private String actor() {
        try {
            return scope.actor();
        } catch (RuntimeException unauthenticated) {
            return Identity.ANONYMOUS.name();
        }
    }
}
