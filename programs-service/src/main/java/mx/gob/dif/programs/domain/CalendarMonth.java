package mx.gob.dif.programs.domain;

import java.util.List;

/** Spanish three-letter month codes used by the plans (ENE … DIC), and their month numbers. */
public final class CalendarMonth {
    public static final List<String> CODES = List.of("ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC");

    private CalendarMonth() {
    }

    /** 1..12, or 0 when the code is not a month. */
    public static int number(String code) {
        return code == null ? 0 : CODES.indexOf(code.trim().toUpperCase()) + 1;
    }
}
