package mx.gob.dif.console.charts;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the console writes them, in charts and in templates ({@code {fmt:num(row.value)}},
 * {@code {fmt:bar(program.globalIndicator)}}; a namespace, so an absent value is written too).
 */
@TemplateExtension(namespace = "fmt")
public final class Numbers {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {
    }

    /** At most two decimals, no trailing zeros; "sin dato" when absent. */
    public static String num(BigDecimal value) {
        if (value == null) {
            return "sin dato";
        }
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A progress bar's CSS width: the percent capped at 100 (over-achievement is written beside it, as is). */
    public static String bar(BigDecimal percent) {
        if (percent == null || percent.signum() <= 0) {
            return "0%";
        }
        return percent.min(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
