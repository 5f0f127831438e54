package mx.gob.dif.programs.formats;

import java.util.List;

/**
 * The sheets and columns of a work plan workbook (the spreadsheet officers keep): Plan, Programas,
 * Metas (one row per target), Metas de intervención and ODS. Writer and readers share it, so an
 * exported file re-imports to the same plan.
 */
final class WorkbookLayout {
    static final String PLAN_SHEET = "Plan";
    static final String PROGRAMS_SHEET = "Programas";
    static final String TARGETS_SHEET = "Metas";
    static final String GOALS_SHEET = "Metas de intervención";
    static final String SDG_SHEET = "ODS";

    static final List<String> PLAN = List.of("campo", "valor");
    /** Plan fields written one per row of sheet Plan, before the budget rows. */
    static final List<String> PLAN_FIELDS = List.of("orgUnit", "fiscalYear", "unit", "source");
    /** Budget fields, written as rows {@code budget.<field>} of sheet Plan. */
    static final List<String> BUDGET_FIELDS = List.of("total", "operation", "investment", "otherSources");
    static final String BUDGET_PREFIX = "budget.";

    static final List<String> PROGRAMS = List.of("programa", "nombre", "objetivo", "descripcion", "eje", "objetivo_plan",
            "estrategia", "calendario", "inversion_total", "inversion_municipal", "inversion_otras");
    /** JSON fields of a program's {@code investment}, in the order of the columns inversion_*. */
    static final List<String> INVESTMENT_FIELDS = List.of("total", "municipal", "otherSources");
    static final int FIRST_INVESTMENT_COLUMN = 8;

    static final List<String> TARGETS = List.of("programa", "accion", "descripcion_accion", "indicador", "unidad", "meta",
            "metodo", "componentes", "formula", "metrica_casos");
    /** Columns of Metas a file must have; later ones are optional (files written before they existed still import). */
    static final int TARGETS_REQUIRED = 9;
    static final int CASE_METRIC_COLUMN = 9;
    /**
     * Optional columns of Metas after metrica_casos: the target's monthly schedule ({@link ScheduleColumns}),
     * written only when some target of the plan has one, so a plan without schedules exports as before.
     */
    static final int FIRST_SCHEDULE_COLUMN = 10;

    static final List<String> GOALS = List.of("programa", "componente", "meta", "indicador", "fuente_verificacion", "supuestos",
            "clave", "numerador_indicador", "numerador_metrica_casos", "denominador_indicador", "denominador_metrica_casos",
            "meta_porcentaje");
    /** Columns of Metas de intervención files written before structured ratios existed; the later ones are optional. */
    static final int GOALS_BASIC = 6;
    /** JSON fields of a goal's free text, in the order of columns B … F. */
    static final List<String> GOAL_TEXT_FIELDS = List.of("component", "goal", "indicator", "verificationSource", "assumptions");

    static final List<String> SDG = List.of("programa", "objetivo", "meta", "indicador");
    /** JSON fields of an SDG alignment, in the order of columns B … D. */
    static final List<String> SDG_FIELDS = List.of("goal", "target", "indicator");

    private WorkbookLayout() {
    }
}
