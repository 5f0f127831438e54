package mx.gob.dif.console.web;

import io.quarkus.qute.TemplateData;
import mx.gob.dif.common.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * The console's sections, one per kind of work, in the order the navigation shows them; a person sees the
 * sections one of their roles opens (the API still decides what they may read or change). The first one a
 * person may open is their home page. The URL map is written in console/README.md.
 */
@TemplateData
public enum Section {
    OPERATOR("/operador", "Reporte municipal", Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR),
    CASES("/casos", "Casos", Roles.CASE_WORKER, Roles.DIRECTOR),
    ANALYST("/analista", "Tablero estatal", Roles.STATE_ANALYST),
    ADMIN("/admin", "Administración", Roles.ADMINISTRATOR);

    private final String path;
    private final String label;
    private final List<String> roles;

    Section(String path, String label, String... roles) {
        this.path = path;
        this.label = label;
        this.roles = List.of(roles);
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public boolean openTo(Set<String> personRoles) {
        return roles.stream().anyMatch(personRoles::contains);
    }

    /** Whether a request path lies in this section (the section's page or one below it). */
    public boolean contains(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
