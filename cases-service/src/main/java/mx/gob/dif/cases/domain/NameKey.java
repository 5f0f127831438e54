package mx.gob.dif.cases.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a name used to find duplicates: accents, case, punctuation and repeated spaces do
 * not make two people different ("María  José" = "MARIA JOSE").
 */
public final class NameKey {
    private NameKey() {
    }

    public static String of(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String n = Normalizer.normalize(p, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", " ").trim().replaceAll("\\s+", " ");
            if (!n.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(n);
            }
        }
        return sb.toString();
    }
}
