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
     * One audited request, as the filter saw it; {@link #record} normalises every value before storing it.
     *
     * @param orgUnit the unit whose data it touched (null if none, or if it named no org unit at all)
     * @param ownUnit the caller's own unit: the entry's unit when neither the request nor its record tell one
     */
    public record Access(String actor, String ownUnit, String orgUnit, String method, String path, String resourceType,
                         String resourceId, int status, String sourceIp, String requestId) {
    }

    /** The entry could not be written: the request's answer must not leave (the trail fails closed). */
    public static class Unrecorded extends RuntimeException {
        Unrecorded(Throwable cause) {
            super("audit entry not written", cause);
        }
    }

    /**
     * Recorded in its own transaction, so a refused request is audited too. {@code orgUnit} is the
     * unit whose data the request touched, as the access check saw it; when the request was refused
     * before any check (no token, a role that may not call it), it is looked up from the record named;
     * when there is none either (a probe), it is the caller's own, so their director reads it.
     * Every value is cut to its column (and stripped of control characters), so whatever a caller puts
     * in a path or a token the entry is written.
     *
     * @throws Unrecorded when the entry could not be written
     */
    public void record(Access a) {
        AuditEntry e = new AuditEntry();
        e.at = OffsetDateTime.now();
        e.actor = clip(a.actor(), 200);
        e.method = clip(a.method(), 8);
        e.action = "GET".equals(e.method) || "HEAD".equals(e.method) ? "READ" : "CHANGE";
        e.path = clip(a.path(), 1000);
        e.resourceType = clip(a.resourceType(), 30);
        e.resourceId = clip(a.resourceId(), 100);
        e.status = a.status();
        e.sourceIp = clip(a.sourceIp(), 64);
        e.requestId = clip(a.requestId(), 128);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                String unit = a.orgUnit() != null ? a.orgUnit() : unitOf(e.resourceType, e.resourceId);
                e.orgUnit = clip(unit != null ? unit : a.ownUnit(), 10);
                e.persist();
            });
        } catch (RuntimeException ex) {
            // loud, and without personal data: the driver leaves the row's values out (logServerErrorDetail=false)
            LOG.errorf("Could not write an audit entry for %s %s (status %d): %s", e.method, e.resourceType, e.status, ex.toString());
            throw new Unrecorded(ex);
        }
    }

    /** At most {@code max} characters, control characters (which PostgreSQL may refuse, e.g. NUL) replaced. */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && out.length() == max - 1) {
                break; // never half a character
            }
            out.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        return out.toString();
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
