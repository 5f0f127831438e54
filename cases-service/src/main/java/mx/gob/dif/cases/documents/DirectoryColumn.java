package mx.gob.dif.cases.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The columns of the agency directory sheet, in the order {@link AgencyDirectorySheet#write} puts them. */
enum DirectoryColumn {
    ORGANIZATION("Organización", true),
    TYPE("Tipo", true),
    SERVICE("Servicio", true),
    DESCRIPTION("Descripción", false),
    ELIGIBILITY("Elegibilidad", false),
    MIN_AGE("Edad mínima", false),
    MAX_AGE("Edad máxima", false),
    COST("Costo", false),
    DOCUMENTS("Documentos requeridos", false),
    AREA("Área de servicio", false),
    PHONE("Teléfono", false),
    EMAIL("Correo", false, "correo electronico"),
    ADDRESS("Dirección", false),
    VERIFIED("Última verificación", false);

    final String header;
    final boolean required;
    final List<String> keys;

    DirectoryColumn(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        List<String> all = new ArrayList<>();
        all.add(SpanishText.key(header));
        for (String alias : aliases) {
            all.add(SpanishText.key(alias));
        }
        this.keys = List.copyOf(all);
    }

    static Optional<DirectoryColumn> byHeader(String text) {
        String key = SpanishText.key(text);
        return Arrays.stream(values()).filter(c -> c.keys.contains(key)).findFirst();
    }
}
