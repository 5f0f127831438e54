package mx.gob.dif.console.operator;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.console.api.PlanSummary;
import mx.gob.dif.console.api.ProgramsApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The operator's plan page: which year's plan, and every program's traffic lights in it. */
@ApplicationScoped
public class OperatorPlans {
    private final ProgramsApi programs;
    private final UnitPlan plan;

    public OperatorPlans(@RestClient ProgramsApi programs, UnitPlan plan) {
        this.programs = programs;
        this.plan = plan;
    }

    /** The year asked for if the unit has a plan that year, else its latest plan not in the future, else its earliest. */
    public PlanChoice choose(String orgUnit, String asked, LocalDate today) {
        List<PlanSummary> own = programs.plans(orgUnit, Page.MAX_SIZE).items().stream()
                .filter(p -> orgUnit.equals(p.orgUnit())).sorted(Comparator.comparingInt(PlanSummary::fiscalYear).reversed())
                .toList();
        if (own.isEmpty()) {
            return new PlanChoice(null, List.of(), null, "Su unidad (" + orgUnit + ") no tiene un programa anual de trabajo "
                    + "cargado en la plataforma. Pida al administrador que lo importe.");
        }
        List<Integer> years = own.stream().map(PlanSummary::fiscalYear).toList();
        Integer year = years.stream().filter(y -> y.toString().equals(asked == null ? "" : asked.trim())).findFirst()
                .orElse(years.stream().filter(y -> y <= today.getYear()).findFirst().orElse(years.get(years.size() - 1)));
        String message = asked != null && !asked.isBlank() && !years.contains(parse(asked))
                ? "Su unidad no tiene programa anual para " + asked.trim() + "; se muestra el de " + year + "." : null;
        String name = own.stream().filter(p -> p.fiscalYear() == year).map(PlanSummary::unitName).findFirst().orElse(null);
        return new PlanChoice(year, years, name, message);
    }

    public PlanLights lights(String orgUnit, int year, LocalDate today) {
        String period = ReportMonth.yearPeriod(year, today);
        return PlanLights.of(year, period, plan.progress(orgUnit, year, period));
    }

    /** The months of a plan's year that can be reported by now (YYYY-MM), January first. */
    public static List<String> months(int year, LocalDate today) {
        int last = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
        return IntStream.rangeClosed(1, last).mapToObj(m -> YearMonth.of(year, m).toString()).toList();
    }

    private static Integer parse(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
