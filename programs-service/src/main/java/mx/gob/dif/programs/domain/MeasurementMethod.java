package mx.gob.dif.programs.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How period values of a target combine over time (ARCHITECTURE.md, "Indicator semantics"). */
public enum MeasurementMethod {
    SUM, MAX_QUARTER_MAX, MAX_QUARTER_SUM, MAX_SEMESTER_SUM, AVERAGE, LAST, COMPOSITE;

    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public static boolean isValid(String s) {
        return Arrays.stream(values()).anyMatch(m -> m.name().equals(s));
    }
}
