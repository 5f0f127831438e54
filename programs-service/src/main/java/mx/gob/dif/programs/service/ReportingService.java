package mx.gob.dif.programs.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.ReportingMonthChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.Outbox;
import mx.gob.dif.programs.domain.ReportingCycle;
import mx.gob.dif.programs.domain.ReportingCycle.Status;
import mx.gob.dif.programs.domain.ReportingCycle.Step;
import mx.gob.dif.programs.persistence.ReportingStore;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The reporting cycle of a unit's months ({@link ReportingCycle}): the unit's operator or director submits a month,
 * a state role above the unit accepts or returns it, a state administrator above it reopens an accepted one. Every
 * step is recorded with who, when and the reason ({@code reporting_month_step}) and announced as a
 * {@link ReportingMonthChanged} through the outbox in the same transaction; reasons stay here (free text).
 */
@ApplicationScoped
public class ReportingService {
    private static final Logger LOG = Logger.getLogger(ReportingService.class);
    /** Whether a month is "in the future" is judged on Mexico's calendar, as for activity reports. */
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    private final ReportingStore store;
    private final Outbox outbox;
    private final OrgUnitService orgUnits;
    private final CurrentUser caller;

    public ReportingService(ReportingStore store, Outbox outbox, OrgUnitService orgUnits, CurrentUser caller) {
        this.store = store;
        this.outbox = outbox;
        this.orgUnits = orgUnits;
        this.caller = caller;
    }

    /** A month's status and every step taken on it, oldest first. */
    public record Submission(String orgUnit, String month, Status status, boolean locked, String updatedAt, String updatedBy,
                             List<ReportingStore.StepRow> history) {
    }

    @Transactional
    public Submission submit(String orgUnit, String month) {
        YearMonth m = month(month);
        known(orgUnit);
        Identity who = caller.get();
        if (!orgUnit.equals(who.orgUnit())) {
            throw ProblemException.forbidden("Solo el operador o el director de la unidad " + orgUnit + " envía sus meses; su usuario "
                    + (who.orgUnit() == null ? "no pertenece a ninguna unidad." : "pertenece a la unidad " + who.orgUnit() + "."));
        }
        if (ReportingCycle.future(m, LocalDate.now(MEXICO))) {
            throw ProblemException.unprocessable("El mes " + m + " aún no empieza; solo se envían el mes en curso y los anteriores.",
                    List.of(Problem.FieldError.of(null, "month", "El mes " + m + " es futuro.")));
        }
        return step(orgUnit, m, Step.SUBMIT, null);
    }

    @Transactional
    public Submission accept(String orgUnit, String month) {
        return decide(orgUnit, month, Step.ACCEPT, null);
    }

    @Transactional
    public Submission sendBack(String orgUnit, String month, String reason) {
        return decide(orgUnit, month, Step.RETURN, reason);
    }

    @Transactional
    public Submission reopen(String orgUnit, String month, String reason) {
        return decide(orgUnit, month, Step.REOPEN, reason);
    }

    /** A month of a unit the caller covers (403 otherwise); a month nobody submitted is OPEN, with no history. */
    public Submission get(String orgUnit, String month) {
        YearMonth m = month(month);
        known(orgUnit);
        caller.requireUnit(orgUnit);
        return read(orgUnit, m);
    }

    /** The months with a status of one unit (403 out of reach) or of every unit the caller covers, optionally of one year. */
    public Page<ReportingStore.MonthRow> list(String orgUnit, Integer year, int page, int size) {
        Page.check(page, size);
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.badRequest("El parámetro 'year' debe ser un año entre 2000 y 2100, p. ej. year=2021.");
        }
        if (orgUnit != null) {
            known(orgUnit);
            caller.requireUnit(orgUnit);
        }
        VisibleUnits visible = VisibleUnits.coveredBy(caller.get());
        return new Page<>(store.list(orgUnit, year, visible, size, (long) page * size), page, size, store.count(orgUnit, year, visible));
    }

    /** Accepting, returning and reopening belong to a state role above the unit, never to the unit itself. */
    private Submission decide(String orgUnit, String month, Step step, String reason) {
        YearMonth m = month(month);
        known(orgUnit);
        Identity who = caller.get();
        if (!who.covers(orgUnit) || orgUnit.equals(who.orgUnit())) {
            throw ProblemException.forbidden("Aceptar, devolver o reabrir " + ReportingCycle.period(orgUnit, m) + " corresponde a la "
                    + "instancia que está por encima de esa unidad; su usuario " + (who.orgUnit() == null
                    ? "no pertenece a ninguna unidad." : "pertenece a la unidad " + who.orgUnit() + "."));
        }
        return step(orgUnit, m, step, reason);
    }

    private Submission step(String orgUnit, YearMonth month, Step step, String reason) {
        Status now = store.lock(orgUnit, month);
        String refusal = ReportingCycle.refusal(now, step, orgUnit, month);
        if (refusal != null) {
            throw ProblemException.conflict(refusal);
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        store.record(orgUnit, month, step.to(), at, caller.name(), reason == null ? null : reason.trim());
        ReportingMonthChanged event = new ReportingMonthChanged(orgUnit, month.toString(), step.to().name(), at);
        outbox.add(Topics.REPORTING_MONTHS, event.key(), EventTypes.REPORTING_MONTH_CHANGED, event.key(), event);
        // who took the step is in reporting_month_step; a user name is personal data and stays out of the log
        LOG.infof("Reporting month %s of %s: %s → %s", month, orgUnit, now, step.to());
        return read(orgUnit, month);
    }

    private Submission read(String orgUnit, YearMonth month) {
        return store.find(orgUnit, month)
                .map(r -> new Submission(orgUnit, r.month(), r.status(), r.locked(), r.updatedAt(), r.updatedBy(), store.history(orgUnit, month)))
                .orElse(new Submission(orgUnit, month.toString(), Status.OPEN, false, null, null, List.of()));
    }

    private static YearMonth month(String text) {
        YearMonth m = ReportingCycle.month(text);
        if (m == null) {
            throw ProblemException.badRequest("El mes debe escribirse AAAA-MM, p. ej. 2021-03; se recibió '"
                    + (text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'.");
        }
        return m;
    }

    private void known(String orgUnit) {
        if (orgUnits.find(orgUnit).isEmpty()) {
            throw ProblemException.notFound("La unidad '" + orgUnit + "' no existe. Consulte /api/v1/org-units.");
        }
    }
}
