package mx.gob.dif.cases.rest;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.cases.service.AuditTrail;
import mx.gob.dif.cases.service.CaseScope;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.RequestIdFilter;
import mx.gob.dif.common.security.Identity;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Audits every request that reads or changes a person's or a case's data, whatever its outcome
 * (a refused attempt matters as much as a granted one): the caller named by its token (an agency's
 * system by its client), and the unit whose data it touched, so that unit's director can read it.
 *
 * <p>The entry is written before the answer leaves, and fails closed: when it cannot be written the
 * answer is replaced by a 503, so no personal data is ever served unrecorded. The caller's address is
 * the peer's, or the one the gateway forwards (Quarkus believes X-Forwarded-For only from
 * {@code quarkus.http.proxy.trusted-proxies}, the gateway's address).
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
    /** What described the answer being withdrawn. */
    private static final List<String> ANSWER_HEADERS = List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED);

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
        String ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Object rid = req.getProperty(RequestIdFilter.MDC_KEY);
        String requestId = rid == null ? null : rid.toString();
        String method = req.getMethod();
        int status = res.getStatus();
        String unit = scope.auditUnit();
        Supplier<AuditTrail.Access> access = () -> new AuditTrail.Access(actor(), scope.ownUnit(), unit, method, path, type, id,
                status, ip, requestId);
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(access.get(), res);
            return Uni.createFrom().voidItem();
        }
        // On the IO thread the answer was given before the resource ran (no valid token, or a role that may
        // not call it): the token, if any, is resolved without blocking, and the entry written on a worker
        // before the answer goes on.
        return identities.getDeferredIdentity()
                .map(identity -> {
                    identities.setIdentity(identity);
                    return access.get();
                })
                .onFailure().recoverWithItem(() -> new AuditTrail.Access(Identity.ANONYMOUS.name(), null, unit, method, path, type, id,
                        status, ip, requestId))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(a -> write(a, res))
                .replaceWithVoid();
    }

    /** Records the access, or withdraws the answer: a 503 that carries nothing of it. */
    private void write(AuditTrail.Access access, ContainerResponseContext res) {
        try {
            audit.record(access);
        } catch (AuditTrail.Unrecorded e) {
            ANSWER_HEADERS.forEach(res.getHeaders()::remove);
            res.setStatus(503);
            res.setEntity(new Problem("about:blank", "Servicio no disponible", 503, "No se pudo registrar esta consulta en la "
                    + "bitácora de auditoría y, por seguridad, no se entrega su respuesta. Intente de nuevo en unos minutos; si la "
                    + "solicitud cambiaba datos, consulte antes si el cambio quedó guardado. Si persiste, reporte el id de solicitud.",
                    "/" + access.path().replaceFirst("^/", ""), access.requestId(), List.of()),
                    new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
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
