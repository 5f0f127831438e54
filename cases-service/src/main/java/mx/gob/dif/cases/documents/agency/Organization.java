package mx.gob.dif.cases.documents.agency;

import java.util.List;
import java.util.Objects;
import mx.gob.dif.cases.documents.SpanishText;

/**
 * An agency of the directory ("Organismo o Dependencia afín a la Asistencia Social", HSDS
 * "organization") with the services it offers, in directory order.
 */
public record Organization(String name, OrganizationType type, List<Service> services) {

    public Organization {
        name = SpanishText.clean(name);
        if (name == null) {
            throw new IllegalArgumentException("organization name is required");
        }
        Objects.requireNonNull(type, "type");
        services = services == null ? List.of()
                : services.stream().map(s -> Objects.requireNonNull(s, "service")).toList();
    }
}
