package mx.gob.dif.console.analyst;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.console.api.ApiException;
import mx.gob.dif.console.api.ClosingReport;
import mx.gob.dif.console.api.IndicatorBreakdown;
import mx.gob.dif.console.api.IndicatorValue;
import mx.gob.dif.console.api.IndicatorsApi;
import mx.gob.dif.console.api.ProgramProgress;
import mx.gob.dif.console.api.ReportingCompleteness;
import mx.gob.dif.console.charts.BarChart;
import mx.gob.dif.console.web.Labels;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the state analyst's pages show, read from the public API with the person's token and shaped for the
 * templates. A year's dashboard is the closing report (one call, cached by indicators-service until the data
 * changes); a shorter period asks each program's progress, all at once.
 */
@ApplicationScoped
public class AnalystViews {
    private final IndicatorsApi api;

    public AnalystViews(@RestClient IndicatorsApi api) {
        this.api = api;
    }

    /** A year without a plan for the unit is a dashboard saying so (the API's words), so another year can be chosen. */
    public Dashboard dashboard(String orgUnit, int year, String period) {
        ClosingReport closing;
        try {
            closing = api.closing(orgUnit, year);
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return new Dashboard(orgUnit, null, period, Periods.label(period), year, Periods.choices(period), List.of(),
                    Dashboard.Tally.of(List.of()), e.detail());
        }
        List<Dashboard.Program> programs = period.equals(Integer.toString(year))
                ? fromClosing(closing)
                : fromProgress(closing, orgUnit, period);
        return new Dashboard(orgUnit, closing.orgUnitName(), period, Periods.label(period), year, Periods.choices(period),
                programs, Dashboard.Tally.of(programs), null);
    }

    public Breakdown breakdown(String indicator, String orgUnit, String period, BreakdownTable.Column column, boolean descending) {
        IndicatorBreakdown b = api.breakdown(indicator, orgUnit, period);
        BreakdownTable table = BreakdownTable.of(b.rows(), column, descending);
        BarChart chart = BarChart.rows("Valor por unidad: " + indicator + ", " + Periods.label(period), table.rows().stream()
                .map(r -> new BarChart.Point(r.name(), r.value(), Labels.lightClass(r.status()))).toList());
        return new Breakdown(b, period, table, chart, Periods.choices(period), Periods.label(period));
    }

    public Trend trend(String indicator, String orgUnit, int year) {
        IndicatorValue reading = api.indicator(indicator, orgUnit, Integer.toString(year));
        return Trend.of(reading, year);
    }

    public Completeness completeness(String orgUnit, String month) {
        ReportingCompleteness c = api.completeness(orgUnit, month);
        return Completeness.of(c, Periods.label(month));
    }

    private static List<Dashboard.Program> fromClosing(ClosingReport closing) {
        Map<String, List<IndicatorValue>> byProgram = new LinkedHashMap<>();
        closing.rows().forEach(r -> byProgram.computeIfAbsent(r.programCode(), k -> new ArrayList<>()).add(r));
        return closing.programs().stream().map(p -> {
            List<IndicatorValue> rows = byProgram.getOrDefault(p.program(), List.of());
            return new Dashboard.Program(p.program(), p.programName(), p.globalIndicator(), light(rows), rows);
        }).toList();
    }

    /** Every program's progress over the period, asked at once (each call carries the person's token). */
    private List<Dashboard.Program> fromProgress(ClosingReport closing, String orgUnit, String period) {
        List<Uni<ProgramProgress>> calls = closing.programs().stream()
                .map(p -> api.progress(p.program(), orgUnit, period)).toList();
        if (calls.isEmpty()) {
            return List.of();
        }
        return Uni.join().all(calls).andFailFast().await().indefinitely().stream()
                .map(AnalystViews::program).sorted(Comparator.comparing(Dashboard.Program::code)).toList();
    }

    private static Dashboard.Program program(ProgramProgress p) {
        return new Dashboard.Program(p.program(), p.programName(), p.globalIndicator(), light(p.indicators()), p.indicators());
    }

    private static String light(List<IndicatorValue> rows) {
        return TrafficLight.worst(rows.stream().map(IndicatorValue::status).toList());
    }
}
