package mx.gob.dif.console.analyst;

import io.quarkus.qute.TemplateExtension;

import java.util.Collection;
import java.util.Locale;

/**
 * The API's traffic light (GREEN, YELLOW, RED; computed by indicators-service against what the calendar expects) in
 * the words and CSS tones of the console. A program shows the light of its most delayed indicator: a program is
 * only as on track as its worst target, and the console never recomputes the API's thresholds.
 */
public enum TrafficLight {
    RED("Rojo", "red"), YELLOW("Amarillo", "yellow"), GREEN("Verde", "green"), NONE("Sin dato", "none");

    private final String label;
    private final String tone;

    TrafficLight(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    public String label() {
        return label;
    }

    public String tone() {
        return tone;
    }

    /** In templates: {@code {light:of(row.status).label}}. */
    @TemplateExtension(namespace = "light")
    public static TrafficLight of(String status) {
        if (status == null) {
            return NONE;
        }
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    /** The worst light among the indicators (RED before YELLOW before GREEN); NONE when none has one. */
    public static TrafficLight worst(Collection<String> statuses) {
        TrafficLight worst = NONE;
        for (String s : statuses) {
            TrafficLight l = of(s);
            if (l != NONE && (worst == NONE || l.ordinal() < worst.ordinal())) {
                worst = l;
            }
        }
        return worst;
    }
}
