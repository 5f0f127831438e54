package mx.gob.dif.programs.activity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.messaging.TransactionFailure;
import mx.gob.dif.programs.catalog.CatalogLookup;
import mx.gob.dif.programs.service.VisibleUnits;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting activity reports: all-or-nothing validation, then every new report committed on Kafka
 * in one transaction (shared with concurrent requests: {@link ReportGroupCommit}) before the caller
 * hears 202, then the ledger row. Kafka is the system of record for the indicators and for the
 * ledger ({@link ActivityLedgerLoop}); the ledger serves resends,
 * retraction and listings. Operators and directors act on their own unit and the units below it
 * ({@link CurrentUser}, checked here).
 * Not @Transactional: a report is durable once its Kafka transaction committed, and the ledger statements
 * commit on their own so that no database transaction stays open while waiting for the broker.
 */
@ApplicationScoped
public class ActivityService {
    public static final int MAX_BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(ActivityService.class);
    /** How long a read or retraction waits for the ledger loop to write a report that is on its way. */
    static final Duration LEDGER_WAIT = Duration.ofSeconds(5);
    /** Whether a date is "in the future" is judged on Mexico's calendar, not the server's. */
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    /**
     * How long a request waits for its group: longer than two groups take when Kafka answers late (a transaction
     * waits at most delivery.timeout.ms + max.block.ms, 40 s as configured), the one committing and its own.
     */
    static final Duration GROUP_WAIT = Duration.ofSeconds(90);

    private final CatalogLookup catalog;
    private final ActivityPublisher publisher;
    private final ActivityLedger ledger;
    private final ActivityNotes notes;
    private final CurrentUser user;
    private final MonthLocks locks;
    private ReportGroupCommit groups;

    public ActivityService(CatalogLookup catalog, ActivityPublisher publisher, ActivityLedger ledger, ActivityNotes notes,
                           CurrentUser user, MonthLocks locks) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.ledger = ledger;
        this.notes = notes;
        this.user = user;
        this.locks = locks;
    }

    @PostConstruct
    void startGroups() {
        groups = new ReportGroupCommit(this::commit, GROUP_WAIT);
    }

    /** Requests already queued are still committed (within {@link #GROUP_WAIT}); later ones are answered 503. */
    @PreDestroy
    void stopGroups() {
        groups.close();
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

    /**
     * Commits the new reports together with those of concurrent requests ({@link ReportGroupCommit},
     * issue 14: one notes statement, one Kafka transaction and one ledger statement per group) and
     * answers for this request's own reports: the group's outcome with this request's count and ids.
     */
    private void publishAndRecord(List<ReportValidator.Valid> fresh, String receivedBy) {
        if (fresh.isEmpty()) {
            return;
        }
        ReportGroupCommit.Outcome outcome = groups.submit(fresh, receivedBy);
        if (outcome != ReportGroupCommit.Outcome.ACCEPTED) {
            throw refusal(outcome, fresh);
        }
    }

    /** Requests waiting for the group committer (not counting the group being committed). */
    int waitingRequests() {
        return groups.waiting();
    }

    /** The 503 of a request whose reports did not (certainly, or maybe) land; {@code fresh} are its own reports. */
    static ProblemException refusal(ReportGroupCommit.Outcome outcome, List<ReportValidator.Valid> fresh) {
        return switch (outcome) {
            case NOTES_FAILED -> unavailable("No se pudo registrar ningún reporte de esta solicitud. Reintente en unos segundos.");
            case NOT_PUBLISHED -> unavailable("No se registró ningún reporte de esta solicitud (" + fresh.size() + "). Reintente en unos "
                    + "segundos; enviar cada reporte con un id propio (UUID) evita contarlo dos veces.");
            // registered for ever or never: a resend under the same ids is safe either way, so the caller gets the ids it did not choose
            case UNCERTAIN -> new ProblemException(503, "Registro no disponible", "No se pudo confirmar si los " + fresh.size()
                    + " reportes de esta solicitud quedaron registrados. Reenvíe la solicitud en unos segundos con los mismos ids "
                    + "(los que asignó el sistema están en errors): un reporte con un id ya registrado no se cuenta dos veces.",
                    fresh.stream().filter(v -> !v.clientId())
                            .map(v -> Problem.FieldError.of(v.index(), "id", "Reenvíe este reporte con el id " + v.id() + ".")).toList());
            case ACCEPTED -> throw new IllegalArgumentException("an accepted request is not refused");
        };
    }

    /**
     * Commits one group (one request's reports, or several requests'). Why in this order (issue 13; the
     * design is in the README, "Activity reports: 202 means durable"): the notes first ({@link ActivityNotes}:
     * personal data never goes to Kafka, and must be there for whoever writes the ledger row); then every
     * new report on Kafka as ONE transaction, so the group lands whole or not at all, and a 503 is never
     * followed by the reports landing later (the transaction is aborted); then the ledger rows, so the
     * caller reads them back at once. When that last write fails the reports are still accepted:
     * {@link ActivityLedgerLoop} writes the same rows from the topic once the database answers, and reads
     * wait for it ({@link #find}).
     */
    private ReportGroupCommit.Outcome commit(List<ReportValidator.Valid> fresh, List<String> receivedBy) {
        List<ActivityReported> reports = new ArrayList<>(fresh.size());
        for (ReportValidator.Valid v : fresh) {
            reports.add(new ActivityReported(v.id().toString(), v.indicator(), v.orgUnit(), v.planOrgUnit(), v.fiscalYear(),
                    v.date(), v.quantity()));
        }
        try {
            notes.save(fresh, receivedBy);
        } catch (SQLException e) {
            LOG.errorf("Could not store the notes of %d reports, none published: %s", fresh.size(), e.getMessage());
            return ReportGroupCommit.Outcome.NOTES_FAILED;
        }
        List<CloudEvent<ActivityReported>> published;
        try {
            published = publisher.publishReports(reports);
        } catch (TransactionFailure e) {
            LOG.errorf("Kafka did not commit %d reports (%s): %s", fresh.size(), e.uncertain() ? "outcome unknown" : "none published",
                    e.getMessage());
            if (e.uncertain()) {
                return ReportGroupCommit.Outcome.UNCERTAIN;
            }
            notes.forget(fresh.stream().map(ReportValidator.Valid::id).toList());
            return ReportGroupCommit.Outcome.NOT_PUBLISHED;
        }
        try {
            ledger.record(published.stream().map(e -> ActivityLedger.Entry.of(e.data(), e.time())).toList());
        } catch (SQLException e) {
            // accepted all the same: the reports are committed on Kafka and the ledger loop writes these rows from there
            LOG.warnf("Ledger write failed for %d published reports; the ledger loop will add them: %s", fresh.size(), e.getMessage());
        }
        return ReportGroupCommit.Outcome.ACCEPTED;
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Registro no disponible", detail);
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
        // the reason is free text that may name people: it stays in activity_note, not on Kafka
        try {
            notes.retraction(id, reason, who.name());
        } catch (SQLException e) {
            LOG.errorf("Could not store the retraction of %s, not published: %s", id, e.getMessage());
            throw unavailable("No se pudo registrar el retiro; reintente en unos segundos.");
        }
        ActivityRetracted event = new ActivityRetracted(id.toString(), a.indicator(), a.orgUnit(), null);
        CloudEvent<ActivityRetracted> published;
        try {
            published = publisher.publishRetraction(retractionEventId(id).toString(), event);
        } catch (TransactionFailure e) {
            LOG.errorf("Kafka did not commit the retraction of %s: %s", id, e.toString());
            throw unavailable("No se pudo registrar el retiro; reintente en unos segundos "
                    + "(retirar dos veces el mismo reporte no tiene efecto adicional).");
        }
        try {
            ledger.markRetracted(Map.of(id, published.time()));
        } catch (SQLException e) {
            LOG.warnf("Ledger write failed for the retraction of %s; the ledger loop will make it: %s", id, e.getMessage());
        }
        // who retracted is in activity_note (retracted_by); a user name is personal data and stays out of the log
        LOG.infof("Activity %s retracted", id);
        return new Retraction(new Activity(a.id(), a.indicator(), a.orgUnit(), a.planOrgUnit(), a.fiscalYear(), a.date(),
                a.quantity(), a.note(), "RETRACTED", a.receivedAt(), published.time().truncatedTo(ChronoUnit.MICROS), reason), true);
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

    /**
     * The ledger row; a report whose note is stored but whose row is not (its request is publishing
     * it, or the ledger loop has not written it yet) is waited for, and while it is still missing
     * after {@link #LEDGER_WAIT} the answer is 503, never 404: a 202 may have been given for it.
     */
    private Activity find(UUID id) {
        Optional<Activity> a = ledger.find(id);
        if (a.isPresent()) {
            return a.get();
        }
        if (!notes.exists(id)) {
            throw ProblemException.notFound("No existe un reporte con id " + id + ".");
        }
        long deadline = System.nanoTime() + LEDGER_WAIT.toNanos();
        while (a.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            a = ledger.find(id);
        }
        return a.orElseThrow(() -> unavailable("El reporte " + id + " se está registrando todavía; consúltelo de nuevo en unos segundos."));
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
