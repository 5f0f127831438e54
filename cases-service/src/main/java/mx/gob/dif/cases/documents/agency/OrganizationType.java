package mx.gob.dif.cases.documents.agency;

import java.util.Optional;
import mx.gob.dif.cases.documents.SpanishText;

/** Public or private agency ("tipo" column of the directory). */
public enum OrganizationType {
    PUBLIC("PUBLICA"),
    PRIVATE("PRIVADA");

    private final String label;

    OrganizationType(String label) {
        this.label = label;
    }

    /** Spanish value written in the directory: "PUBLICA" or "PRIVADA". */
    public String label() {
        return label;
    }

    /** Reads "PUBLICA", "Pública", "privada"… ignoring case, accents and surrounding blanks. */
    public static Optional<OrganizationType> fromLabel(String text) {
        String key = SpanishText.key(text);
        for (OrganizationType type : values()) {
            if (SpanishText.key(type.label).equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
