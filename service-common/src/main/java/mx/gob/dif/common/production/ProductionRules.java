package mx.gob.dif.common.production;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a production start must not accept: a secret left at the value the repository ships for
 * development (anyone can read it), a secret not set at all, or an OIDC server reached over plain
 * http (tokens and the realm's keys would travel unencrypted). Plain Java; {@link ProductionSettings}
 * feeds it the configuration of the run.
 */
public final class ProductionRules {
    /** The OIDC setting as operators know it (README "Configuration"). */
    static final String OIDC_SETTING = "quarkus.oidc.auth-server-url (variable de entorno DIF_OIDC_URL)";

    /** One secret setting of a service: its property name, its value in this run, and its demo values. */
    public record Secret(String setting, Optional<String> value, List<String> demoValues) {
    }

    private ProductionRules() {
    }

    /** Every reason this configuration may not run in production, in Spanish, each naming its setting; empty when it may. */
    public static List<String> problems(String oidcUrl, List<Secret> secrets) {
        List<String> problems = new ArrayList<>();
        String url = oidcUrl == null ? "" : oidcUrl.trim();
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add(OIDC_SETTING + " debe ser una dirección https en producción (es \"" + url + "\"): los tokens y las "
                    + "claves del realm no pueden viajar sin cifrar.");
        }
        for (Secret secret : secrets.stream().sorted(Comparator.comparing(Secret::setting)).toList()) {
            String value = secret.value().map(String::trim).orElse("");
            String setting = secret.setting() + " (variable de entorno " + environmentName(secret.setting()) + ")";
            if (value.isEmpty()) {
                problems.add("Falta el secreto " + setting + ": en producción defínalo con un valor propio.");
            } else if (secret.demoValues().stream().anyMatch(demo -> demo.trim().equals(value))) {
                problems.add("El secreto " + setting + " tiene el valor de demostración que viene en el repositorio: en "
                        + "producción defínalo con un valor propio.");
            }
        }
        return problems;
    }

    /** The environment variable MicroProfile Config reads for a property: every character not a letter or digit becomes '_'. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
