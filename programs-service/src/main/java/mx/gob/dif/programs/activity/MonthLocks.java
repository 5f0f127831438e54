package mx.gob.dif.programs.activity;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.domain.ReportingCycle;
import mx.gob.dif.programs.persistence.ReportingStore;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lock of accepted months on activity ingestion: a report or retraction dated in a month its unit had
 * accepted ({@link ReportingCycle}) is refused with 409 naming the period, and nothing of the request is stored.
 * Kept apart from {@link ActivityService}'s publishing on purpose: one query per request, before anything is sent.
 */
@ApplicationScoped
public class MonthLocks {
    private static final String REOPEN = " Si hay que corregirlo, un administrador estatal puede reabrir el mes indicando el motivo.";
    private final ReportingStore store;

    public MonthLocks(ReportingStore store) {
        this.store = store;
    }

    /** 409 with one error per report dated in an accepted month of its unit. */
    void requireOpen(List<ReportValidator.Valid> reports) {
        Set<String> keys = new LinkedHashSet<>();
        reports.forEach(r -> keys.add(key(r.orgUnit(), r.date())));
        Set<String> locked = store.accepted(keys);
        if (locked.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> periods = new LinkedHashSet<>();
        for (ReportValidator.Valid r : reports) {
            if (locked.contains(key(r.orgUnit(), r.date()))) {
                String period = ReportingCycle.period(r.orgUnit(), YearMonth.from(r.date()));
                periods.add(period);
                errors.add(Problem.FieldError.of(r.index(), "date", "La fecha " + r.date() + " cae en " + period
                        + ", que fue aceptado y está cerrado."));
            }
        }
        throw new ProblemException(409, "Periodo cerrado", "No se registró ningún reporte de esta solicitud: "
                + String.join(", ", periods) + (periods.size() == 1 ? " fue aceptado y está cerrado." : " fueron aceptados y están cerrados.")
                + REOPEN, errors);
    }

    /** 409 when the retraction of a report of {@code orgUnit} dated {@code date} falls in an accepted month. */
    void requireOpen(String orgUnit, LocalDate date) {
        if (!store.accepted(Set.of(key(orgUnit, date))).isEmpty()) {
            throw new ProblemException(409, "Periodo cerrado", "No se puede retirar el reporte: "
                    + ReportingCycle.period(orgUnit, YearMonth.from(date)) + " fue aceptado y está cerrado." + REOPEN);
        }
    }

    private static String key(String orgUnit, LocalDate date) {
        return orgUnit + "|" + YearMonth.from(date);
    }
}
