package mx.gob.dif.console.analyst;

import java.util.Collection;
import java.util.List;

/**
 * The order of the API's traffic lights (computed by indicators-service against what the calendar expects): RED
 * before YELLOW before GREEN before none. A program shows the light of its most delayed indicator: a program is only
 * as on track as its worst target, and the console never recomputes the API's thresholds. Words and colours are
 * the frame's ({@code label:light}, {@code label:lightClass}).
 */
public final class TrafficLight {
    private static final List<String> ORDER = List.of("RED", "YELLOW", "GREEN");

    private TrafficLight() {
    }

    /** 0 for RED, 1 YELLOW, 2 GREEN, 3 for none or an unknown word. */
    public static int rank(String status) {
        int i = status == null ? -1 : ORDER.indexOf(status);
        return i < 0 ? ORDER.size() : i;
    }

    /** The worst light among the indicators; null when none has one. */
    public static String worst(Collection<String> statuses) {
        int worst = statuses.stream().mapToInt(TrafficLight::rank).min().orElse(ORDER.size());
        return worst < ORDER.size() ? ORDER.get(worst) : null;
    }
}
