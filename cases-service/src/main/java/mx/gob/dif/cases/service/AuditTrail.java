package mx.gob.dif.cases.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.cases.entity.AuditEntry;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Every read and change of a person's or a case's data: who, when, what, from where. */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** Recorded in its own transaction, so a refused request is audited too. */
    public void record(String actor, String method, String path, String resourceType, String resourceId, int status,
                       String sourceIp, String requestId) {
        AuditEntry e = new AuditEntry();
        e.at = OffsetDateTime.now();
        e.actor = actor;
        e.action = "GET".equals(method) || "HEAD".equals(method) ? "READ" : "CHANGE";
        e.method = method;
        e.path = path;
        e.resourceType = resourceType;
        e.resourceId = resourceId;
        e.status = status;
        e.sourceIp = sourceIp;
        e.requestId = requestId;
        try {
            QuarkusTransaction.requiringNew().run(e::persist);
        } catch (RuntimeException ex) {
            // the audit trail must not silently lose entries: make it loud (no personal data in the message)
            LOG.errorf("Could not write an audit entry for %s %s: %s", method, resourceType, ex.toString());
        }
    }

    public Page<AuditEntry> list(String resourceType, String resourceId, String actor, String from, String to, int page, int size) {
        Page.check(page, size);
        Criteria c = new Criteria().eq("resourceType", resourceType).eq("resourceId", resourceId).eq("actor", actor);
        try {
            c.compare("at", ">=", from == null || from.isBlank() ? null
                    : LocalDate.parse(from).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
            c.compare("at", "<", to == null || to.isBlank() ? null
                    : LocalDate.parse(to).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("Las fechas 'from' y 'to' deben ser AAAA-MM-DD.");
        }
        return Criteria.page(AuditEntry.find(c.where("id desc"), c.params()), page, size);
    }
}
