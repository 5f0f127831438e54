package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.api.Completeness;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.domain.MeasurementMethod;
import mx.gob.dif.indicators.domain.ReportingMonths;
import mx.gob.dif.indicators.persistence.ReportingTables;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who was due to report a month, who did and in time (domain {@link ReportingMonths}), for the completeness answer, the
 * closing report's accepted months and the overdue reminders. The reporting units are those with no unit below them
 * (municipalities); a parent's figure is the sum over its reporting units.
 */
@ApplicationScoped
public class ReportingCycle {
    private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");
    private final Catalog catalog;
    private final ReportingTables tables;
    private final IndicatorValues values;
    private final int deadlineDay;

    /** One reporting unit's month: targets due, reported, reported on time. */
    record Tally(int due, int reported, int onTime) {
        Tally plus(Tally o) {
            return new Tally(due + o.due, reported + o.reported, onTime + o.onTime);
        }
    }

    public ReportingCycle(Catalog catalog, ReportingTables tables, IndicatorValues values, IndicatorsConfig config) {
        this.catalog = catalog;
        this.tables = tables;
        this.values = values;
        this.deadlineDay = config.reporting().deadlineDay();
        ReportingMonths.deadline(YearMonth.of(2000, 1), deadlineDay); // an impossible setting fails at the first use, loudly
    }

    public Completeness completeness(String orgUnit, String periodText) {
        YearMonth month = month(periodText);
        values.requireKnownUnit(orgUnit);
        List<String> parts = parts(orgUnit);
        Map<String, List<String>> reporters = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (String part : parts) {
            reporters.put(part, catalog.reporters(part));
            all.addAll(reporters.get(part));
        }
        if (all.stream().allMatch(u -> catalog.reportingPlan(u, month.getYear()).isEmpty())) {
            throw ProblemException.notFound("No hay plan " + month.getYear() + " contra el que reporten la unidad " + orgUnit
                    + " o las unidades que dependen de ella.");
        }
        Map<String, Tally> tallies = tally(all, month);
        Map<String, String> statuses = tables.statuses(parts, month.getYear(), month.getMonthValue());
        List<Completeness.Unit> units = new ArrayList<>();
        Tally total = new Tally(0, 0, 0);
        for (String part : parts) {
            Tally t = reporters.get(part).stream().map(tallies::get).reduce(new Tally(0, 0, 0), Tally::plus);
            total = total.plus(t);
            units.add(new Completeness.Unit(part, catalog.name(part), t.due(), t.reported(), t.due() - t.reported(), t.onTime(),
                    ReportingMonths.rate(t.reported(), t.due()), statuses.getOrDefault(part, "NONE")));
        }
        return new Completeness(orgUnit, month.toString(), ReportingMonths.deadline(month, deadlineDay), total.due(), total.reported(),
                total.due() - total.reported(), total.onTime(), ReportingMonths.rate(total.reported(), total.due()), units);
    }

    /** Per part of the unit: its accepted months of the year and the due months that are not accepted. */
    public List<ClosingReport.UnitMonths> acceptance(String orgUnit, int year) {
        List<String> parts = parts(orgUnit);
        Map<String, Set<Integer>> accepted = tables.acceptedMonths(parts, year);
        List<ClosingReport.UnitMonths> out = new ArrayList<>();
        for (String part : parts) {
            Set<Integer> mine = accepted.getOrDefault(part, Set.of());
            List<String> reporters = catalog.reporters(part);
            List<String> pending = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(year, m);
                boolean due = reporters.stream().anyMatch(r -> anyDue(r, month));
                if (due && !mine.contains(m)) {
                    pending.add(YearMonth.of(year, m).toString());
                }
            }
            out.add(new ClosingReport.UnitMonths(part, catalog.name(part), mine.stream().map(m -> YearMonth.of(year, m).toString()).toList(),
                    pending, pending.isEmpty()));
        }
        return out;
    }

    /** The reminders a month owes: every reporting unit that was due and has not submitted (nor had accepted) the month. */
    public List<ReportingTables.Overdue> overdue(YearMonth month) {
        List<String> reporters = catalog.reporters();
        Map<String, Tally> tallies = tally(reporters, month);
        Map<String, String> statuses = tables.statuses(reporters, month.getYear(), month.getMonthValue());
        List<ReportingTables.Overdue> out = new ArrayList<>();
        for (String unit : reporters) {
            Tally t = tallies.get(unit);
            String status = statuses.get(unit);
            if (t.due() > 0 && !"SUBMITTED".equals(status) && !"ACCEPTED".equals(status)) {
                out.add(new ReportingTables.Overdue(unit, month.getYear(), month.getMonthValue(),
                        UUID.nameUUIDFromBytes(("reporting.overdue|" + unit + "|" + month).getBytes(StandardCharsets.UTF_8)),
                        ReportingMonths.deadline(month, deadlineDay), t.due(), t.reported()));
            }
        }
        return out;
    }

    public OffsetDateTime lateFrom(YearMonth month) {
        return ReportingMonths.lateFrom(month, deadlineDay, IndicatorValues.MEXICO);
    }

    /** The direct children, or the unit itself when it has none. */
    private List<String> parts(String orgUnit) {
        List<String> children = catalog.children(orgUnit);
        return children.isEmpty() ? List.of(orgUnit) : children;
    }

    private Map<String, Tally> tally(Collection<String> reporters, YearMonth month) {
        Map<String, Map<String, Boolean>> reports = tables.reports(reporters, month.getYear(), month.getMonthValue(), lateFrom(month));
        Map<String, Tally> out = new HashMap<>();
        for (String unit : reporters) {
            Map<String, Boolean> mine = reports.getOrDefault(unit, Map.of());
            int reported = 0;
            int onTime = 0;
            List<String> due = dueTargets(unit, month);
            for (String indicator : due) {
                Boolean inTime = mine.get(indicator);
                reported += inTime == null ? 0 : 1;
                onTime += Boolean.TRUE.equals(inTime) ? 1 : 0;
            }
            out.put(unit, new Tally(due.size(), reported, onTime));
        }
        return out;
    }

    /** The indicators of the plan the unit reports against that are due in the month. */
    private List<String> dueTargets(String unit, YearMonth month) {
        return catalog.reportingPlan(unit, month.getYear()).stream().filter(t -> due(t, month)).map(Catalog.Target::indicator).toList();
    }

    /** Whether any target of the plan the unit reports against is due in the month: stops at the first (a state's 39 × 12 months). */
    private boolean anyDue(String unit, YearMonth month) {
        return catalog.reportingPlan(unit, month.getYear()).stream().anyMatch(t -> due(t, month));
    }

    private static boolean due(Catalog.Target t, YearMonth month) {
        return ReportingMonths.due(MeasurementMethod.of(t.method()), t.caseMetric(), t.calendar(), month.getMonthValue());
    }

    /** YYYY-MM, else a 400 problem in Spanish. */
    static YearMonth month(String text) {
        if (text == null || !MONTH.matcher(text.trim()).matches()) {
            throw ProblemException.badRequest("Indique el mes en 'period' como AAAA-MM, p. ej. 2024-03 (se recibió '"
                    + (text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text) + "').");
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("El mes " + text.trim() + " no existe; use 01 a 12.");
        }
    }
}
