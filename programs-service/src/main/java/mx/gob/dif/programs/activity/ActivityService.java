package mx.gob.dif.programs.activity;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.programs.catalog.CatalogLookup;
import mx.gob.dif.programs.service.VisibleUnits;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepting activity reports: all-or-nothing validation, then every new report durable on Kafka
 * (acks=all) before the caller hears 202, then the ledger row. Kafka is the system of record for
 * the indicators; the ledger serves resends, retraction and listings. Operators and directors act
 * on their own unit and the units below it ({@link CurrentUser}, checked here).
 * Not @Transactional: a report is durable once Kafka acknowledged it, and the ledger statements
 * commit on their own so that no database transaction stays open while waiting for the broker.
 */
@ApplicationScoped
public class ActivityService {
    public static final int MAX_BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(ActivityService.class);
    /** Whether a date is "in the future" is judged on Mexico's calendar, not the server's. */
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    private final CatalogLookup catalog;
    private final ActivityPublisher publisher;
    private final ActivityLedger ledger;
    private final CurrentUser user;
    private final MonthLocks locks;

    public ActivityService(CatalogLookup catalog, ActivityPublisher publisher, ActivityLedger ledger, CurrentUser user, MonthLocks locks) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.ledger = ledger;
        this.user = user;
        this.locks = locks;
    }

    /** The state of a report after a retraction request; {@code changed} is false when it was already retracted. */
    public record Retraction(Activity activity, boolean changed) {
    }

    /** A listing's filters; null fields do not filter. {@code status} is ACTIVE or RETRACTED. */
    public record Query(String orgUnit, String indicator, LocalDate from, LocalDate to, String status) {
    }

    /**
     * Accepts every report or none. Reports count only for units the caller covers (a report for
     * another unit is one more per-item error, 422); the caller's name is recorded with them.
     */
    public ReportsAccepted accept(List<ReportInput> items) {
        checkSize(items);
        Identity who = user.get();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ReportValidator.Valid> valid = new ReportValidator(catalog, who, LocalDate.now(MEXICO), UUID::randomUUID)
                .validate(items, errors);
        if (!errors.isEmpty()) {
            long rejected = errors.stream().map(Problem.FieldError::index).distinct().count();
            throw ProblemException.unprocessable(rejected + " de " + items.size() + " reporte(s) no son válidos; "
                    + "no se registró ningún reporte de esta solicitud. Corrija los indicados y reenvíe la solicitud completa.", errors);
        }
        List<ReportValidator.Valid> fresh = withoutResends(valid);
        locks.requireOpen(fresh);
        publishAndRecord(fresh, who.name());
        return new ReportsAccepted(fresh.size(), valid.size() - fresh.size(), valid.stream().map(ReportValidator.Valid::id).toList());
    }

    private static void checkSize(List<ReportInput> items) {
        if (items.isEmpty()) {
            throw ProblemException.unprocessable("La lista de reportes está vacía: envíe al menos un reporte.", List.of());
        }
        if (items.size() > MAX_BATCH) {
            throw new ProblemException(413, "Lote demasiado grande", "Se recibieron " + items.size()
                    + " reportes; el máximo por solicitud es " + MAX_BATCH + ". Divida el envío en lotes de hasta " + MAX_BATCH + ".");
        }
    }

    /**
     * The reports not yet in the ledger. A known id resent with the same content is a no-op; with
     * other content it is a 422 for the whole request (API.md), never a silent overwrite.
     */
    private List<ReportValidator.Valid> withoutResends(List<ReportValidator.Valid> valid) {
        Map<UUID, Activity> known = ledger.find(valid.stream().filter(ReportValidator.Valid::clientId)
                .map(ReportValidator.Valid::id).toList());
        List<ReportValidator.Valid> fresh = new ArrayList<>(valid.size());
        List<Problem.FieldError> conflicts = new ArrayList<>();
        for (ReportValidator.Valid v : valid) {
            Activity k = known.get(v.id());
            if (k == null) {
                fresh.add(v);
            } else if (!v.sameAs(asValid(k))) {
                conflicts.add(Problem.FieldError.of(v.index(), "id", "El id " + v.id() + " ya se registró con otro contenido ("
                        + k.indicator() + ", " + k.orgUnit() + ", " + k.date() + ", cantidad " + k.quantity().toPlainString()
                        + "); use un id nuevo para un reporte nuevo, o retire el anterior."));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(422, "Id ya usado", conflicts.size() + " reporte(s) reutilizan el id de un reporte distinto; "
                    + "no se registró ningún reporte de esta solicitud.", conflicts);
        }
        return fresh;
    }

    private void publishAndRecord(List<ReportValidator.Valid> fresh, String receivedBy) {
        if (fresh.isEmpty()) {
            return;
        }
        List<ActivityReported> events = new ArrayList<>(fresh.size());
        for (ReportValidator.Valid v : fresh) {
            events.add(new ActivityReported(v.id().toString(), v.indicator(), v.orgUnit(), v.planOrgUnit(), v.fiscalYear(),
                    v.date(), v.quantity()));
        }
        ActivityPublisher.Outcome outcome = publisher.publishReports(events);
        List<ReportValidator.Valid> durable = fresh;
        if (!outcome.allAcked()) {
            durable = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                if (outcome.acked()[i]) {
                    durable.add(fresh.get(i));
                }
            }
        }
        // the ledger mirrors what is on Kafka, also after a partial failure: a resend with the same
        // ids then publishes only what is missing
        try {
            ledger.insert(durable, receivedBy);
        } catch (SQLException first) {
            try {
                ledger.insert(durable, receivedBy);
            } catch (SQLException e) {
                // the reports are durable on Kafka (the system of record); only this service's ledger is behind
                LOG.errorf("Ledger insert failed for %d acknowledged reports: %s", durable.size(), e.getMessage());
            }
        }
        if (!outcome.allAcked()) {
            LOG.errorf("Kafka acknowledged %d of %d reports: %s", durable.size(), fresh.size(), outcome.failure().toString());
            throw new ProblemException(503, "Registro no disponible", "No se pudo confirmar el registro de "
                    + (fresh.size() - durable.size()) + " de " + fresh.size() + " reportes. Reintente en unos segundos "
                    + "enviando cada reporte con un id propio (UUID): un reporte reenviado con el mismo id no se cuenta dos veces.");
        }
    }

    private static ReportValidator.Valid asValid(Activity a) {
        return new ReportValidator.Valid(-1, a.id(), true, a.indicator(), a.orgUnit(), a.planOrgUnit(), a.fiscalYear(), a.date(),
                a.quantity(), a.note());
    }

    /** The event id of a report's retraction: derived, so a repeated retraction is the same event. */
    static UUID retractionEventId(UUID activityId) {
        return UUID.nameUUIDFromBytes(("retraction:" + activityId).getBytes(StandardCharsets.UTF_8));
    }

    /** Withdraws a report of a unit the caller covers (403 otherwise; an unknown id is 404 for everyone). */
    public Retraction retract(UUID id, RetractionRequest request) {
        String reason = reason(request);
        Activity a = find(id);
        Identity who = user.get();
        if (!who.covers(a.orgUnit())) {
            throw ProblemException.forbidden(who.orgUnit() == null
                    ? "Su usuario no pertenece a ninguna unidad del DIF; no puede retirar reportes de la unidad " + a.orgUnit() + "."
                    : "Su usuario pertenece a la unidad " + who.orgUnit() + " y no puede retirar reportes de la unidad "
                    + a.orgUnit() + "; solo de su unidad y de las que dependen de ella.");
        }
        if (a.retracted()) {
            return new Retraction(a, false);
        }
        locks.requireOpen(a.orgUnit(), a.date());
        // the reason is free text that may name people: it stays in the ledger, not on Kafka
        ActivityRetracted event = new ActivityRetracted(id.toString(), a.indicator(), a.orgUnit(), null);
        try {
            publisher.publishRetraction(retractionEventId(id).toString(), event);
        } catch (Exception e) {
            LOG.errorf("Kafka did not acknowledge the retraction of %s: %s", id, e.toString());
            throw new ProblemException(503, "Registro no disponible", "No se pudo registrar el retiro; reintente en unos segundos "
                    + "(retirar dos veces el mismo reporte no tiene efecto adicional).");
        }
        ledger.markRetracted(id, reason, who.name());
        // who retracted is in the ledger (retracted_by); a user name is personal data and stays out of the log
        LOG.infof("Activity %s retracted", id);
        return new Retraction(find(id), true);
    }

    /** The retraction's reason, trimmed; null when none was given. */
    private static String reason(RetractionRequest request) {
        String r = request == null ? null : request.reason();
        if (r == null || r.isBlank()) {
            return null;
        }
        if (r.length() > ReportValidator.MAX_NOTE) {
            throw ProblemException.unprocessable("El motivo es demasiado largo.",
                    List.of(Problem.FieldError.of(null, "reason", "El motivo admite hasta " + ReportValidator.MAX_NOTE + " caracteres.")));
        }
        return r.trim();
    }

    /** One report of a unit the caller covers (403 otherwise; an unknown id is 404 for everyone). */
    public Activity get(UUID id) {
        Activity a = find(id);
        user.requireUnit(a.orgUnit());
        return a;
    }

    private Activity find(UUID id) {
        return ledger.find(id).orElseThrow(() -> ProblemException.notFound("No existe un reporte con id " + id + "."));
    }

    /** Reports by activity date: of one unit (403 out of reach) or of every unit the caller covers. */
    public Page<Activity> list(Query q, int page, int size) {
        if (q.orgUnit() != null) {
            user.requireUnit(q.orgUnit());
        }
        Page.check(page, size);
        ActivityLedger.Filter filter = new ActivityLedger.Filter(q.orgUnit(), q.indicator(), q.from(), q.to(), q.status(),
                VisibleUnits.coveredBy(user.get()));
        return new Page<>(ledger.list(filter, size, (long) page * size), page, size, ledger.count(filter));
    }
}
