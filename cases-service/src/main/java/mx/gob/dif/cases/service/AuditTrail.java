package mx.gob.dif.cases.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import mx.gob.dif.cases.entity.AuditEntry;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every read and change of a person's or a case's data: who, when, what, from where. */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** The table whose {@code org_unit} tells the unit of an audited record, by resource type. */
    private static final Map<String, String> TABLES = Map.of(
            "BENEFICIARY", "beneficiary",
            "CASE", "support_case",
            "REFERRAL", "referral",
            "FOLLOW_UP_REQUEST", "follow_up_request",
            "APPROVAL", "approval");

    private final EntityManager em;
    private final CaseScope scope;

    public AuditTrail(EntityManager em, CaseScope scope) {
        this.em = em;
        this.scope = scope;
    }

    /**
     * Recorded in its own transaction, so a refused request is audited too. {@code orgUnit} is the
     * unit whose data the request touched, as the access check saw it; when the request was refused
     * before any check (no token, a role that may not call it), it is looked up from the record named.
     */
    public void record(String actor, String orgUnit, String method, String path, String resourceType, String resourceId, int status,
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
            QuarkusTransaction.requiringNew().run(() -> {
                e.orgUnit = orgUnit != null ? orgUnit : unitOf(resourceType, resourceId);
                e.persist();
            });
        } catch (RuntimeException ex) {
            // the audit trail must not silently lose entries: make it loud (no personal data in the message)
            LOG.errorf("Could not write an audit entry for %s %s: %s", method, resourceType, ex.toString());
        }
    }

    /** Native SQL on purpose: one lookup over whichever table the resource type names. */
    private String unitOf(String resourceType, String resourceId) {
        String table = TABLES.get(resourceType);
        if (table == null || resourceId == null) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(resourceId);
        } catch (IllegalArgumentException notAnId) {
            return null; // e.g. /beneficiaries/duplicates
        }
        @SuppressWarnings("unchecked")
        List<String> units = em.createNativeQuery("select org_unit from " + table + " where id = ?1").setParameter(1, id).getResultList();
        return units.isEmpty() ? null : units.get(0);
    }

    /** Entries of the units within the caller's reach (and of {@code orgUnit}, when given), newest first. */
    public Page<AuditEntry> list(String orgUnit, String resourceType, String resourceId, String actor, String from, String to,
                                 int page, int size) {
        Reach reach = scope.reach();
        orgUnit = scope.filter(orgUnit);
        Page.check(page, size);
        Criteria c = new Criteria().within("orgUnit", reach.unit()).eq("orgUnit", orgUnit)
                .eq("resourceType", resourceType).eq("resourceId", resourceId).eq("actor", actor);
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
