package mx.gob.dif.programs.formats;

import java.util.List;

/**
 * The plan CSV: a plan's programs, actions and targets as one table, one row per target with the
 * program columns repeated (the form in which many offices keep the PAT). Outcome goals and SDG
 * alignment only travel in the workbook.
 */
final class CsvLayout {
    static final List<String> HEADERS = List.of("programa", "nombre_programa", "calendario", "inversion_total",
            "inversion_municipal", "inversion_otras", "accion", "descripcion_accion", "indicador", "unidad", "meta", "metodo",
            "componentes", "formula");
    /** Optional column after formula (files written before it existed still import): the target's case metric. */
    static final String CASE_METRIC = "metrica_casos";
    /*
     * After metrica_casos, optionally, the 12 columns of the target's monthly schedule (ScheduleColumns):
     * written only when some target of the plan has one, so a plan without schedules exports as before.
     */

    static final int PROGRAM = 0;
    static final int PROGRAM_NAME = 1;
    static final int CALENDAR = 2;
    static final int FIRST_INVESTMENT = 3;
    static final List<String> INVESTMENT_FIELDS = List.of("total", "municipal", "otherSources");
    static final int ACTION = 6;
    static final int ACTION_DESCRIPTION = 7;
    static final int INDICATOR = 8;
    static final int UNIT = 9;
    static final int TARGET = 10;
    static final int METHOD = 11;
    static final int COMPONENTS = 12;
    static final int FORMULA = 13;
    static final int CASE_METRIC_COLUMN = 14;
    static final int FIRST_SCHEDULE_COLUMN = 15;
    /** How list cells (calendar, components) are split on import; export joins with a space. */
    static final String LIST_SEPARATORS = "[ ,;]+";

    private CsvLayout() {
    }
}
