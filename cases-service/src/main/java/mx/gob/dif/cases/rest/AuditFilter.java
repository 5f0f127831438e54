package mx.gob.dif.cases.rest;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import mx.gob.dif.cases.service.AuditTrail;
import mx.gob.dif.common.rest.Caller;
import mx.gob.dif.common.rest.RequestIdFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;

/**
 * Audits every request that reads or changes a person's or a case's data, whatever its outcome
 * (a refused attempt matters as much as a granted one).
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

    public AuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext req, ContainerResponseContext res, HttpServerRequest http) {
        String path = req.getUriInfo().getPath();
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length < 3 || !"api".equals(parts[0])) {
            return;
        }
        String type = AUDITED.get(parts[2]);
        if (type == null) {
            return;
        }
        String id = parts.length > 3 ? parts[3] : null;
        String actor = req.getHeaderString(Caller.HEADER) == null ? "sistema" : req.getHeaderString(Caller.HEADER);
        String forwarded = req.getHeaderString("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded
                : http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Object rid = req.getProperty(RequestIdFilter.MDC_KEY);
        String method = req.getMethod();
        int status = res.getStatus();
        Runnable write = () -> audit.record(actor, method, path, type, id, status, ip, rid == null ? null : rid.toString());
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(write);
        }
    }
}
