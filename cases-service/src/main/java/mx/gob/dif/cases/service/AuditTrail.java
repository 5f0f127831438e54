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
import java.util.HashMap;
import java.util.Map;

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
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (resourceType != null && !resourceType.isBlank()) {
            where.append(" and resourceType = :type");
            p.put("type", resourceType);
        }
        if (resourceId != null && !resourceId.isBlank()) {
            where.append(" and resourceId = :rid");
            p.put("rid", resourceId);
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = :actor");
            p.put("actor", actor);
        }
        try {
            if (from != null && !from.isBlank()) {
                where.append(" and at >= :from");
                p.put("from", LocalDate.parse(from).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
            }
            if (to != null && !to.isBlank()) {
                where.append(" and at < :to");
                p.put("to", LocalDate.parse(to).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("Las fechas 'from' y 'to' deben ser AAAA-MM-DD.");
        }
        var q = AuditEntry.<AuditEntry>find(where + " order by id desc", p);
        return new Page<>(q.page(page, size).list(), page, size, q.count());
    }
}
