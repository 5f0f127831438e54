package mx.gob.dif.indicators.domain;

/**
 * How month values v(m) combine into a period value (ARCHITECTURE.md, "Indicator semantics").
 * Cumulative methods grow through the year; level methods measure a level to be kept.
 */
public enum MeasurementMethod {
    /** Acumulativo: Σ v(m). */
    SUM(true),
    /** Valor máximo al trimestre y máximo entre trimestres. */
    MAX_QUARTER_MAX(false),
    /** Valor máximo al trimestre y acumulativo entre trimestres. */
    MAX_QUARTER_SUM(true),
    /** Valor máximo al semestre y acumulado entre semestres. */
    MAX_SEMESTER_SUM(true),
    /** Promedio de los meses con reportes. */
    AVERAGE(false),
    /** Último valor reportado en el periodo. */
    LAST(false),
    /** Σ of component indicators, each by its own method. */
    COMPOSITE(true);

    private final boolean cumulative;

    MeasurementMethod(boolean cumulative) {
        this.cumulative = cumulative;
    }

    public boolean cumulative() {
        return cumulative;
    }

    public static MeasurementMethod of(String name) {
        return name == null ? SUM : valueOf(name);
    }
}
