package mx.gob.dif.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import mx.gob.dif.common.security.CurrentUser;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in person as every page's frame shows them ({@code inject:viewer} in templates/layout.html): name,
 * unit and the sections their roles open. Read from the same token the API receives.
 */
@Named("viewer")
@RequestScoped
public class Viewer {
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentUser user;
    @Inject
    CurrentVertxRequest request;

    public boolean isSignedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String getName() {
        return user.name();
    }

    /** The person's org unit (INEGI code), or an empty text when the token names none. */
    public String getOrgUnit() {
        return Optional.ofNullable(user.get().orgUnit()).orElse("");
    }

    /** The person's org unit for a page that shows a unit's data; a Spanish 400 page when the token names none. */
    public String requireOrgUnit() {
        String unit = user.get().orgUnit();
        if (unit == null) {
            throw new InvalidChoice("Su usuario no pertenece a ninguna unidad del DIF; pida al administrador que le asigne la "
                    + "unidad del estado.");
        }
        return unit;
    }

    public List<Section> getSections() {
        if (!isSignedIn()) {
            return List.of();
        }
        return Arrays.stream(Section.values()).filter(s -> s.openTo(identity.getRoles())).toList();
    }

    /** The person's home page: the first section their roles open. */
    public Optional<Section> home() {
        return getSections().stream().findFirst();
    }

    /** Whether the page being rendered belongs to {@code section} (marked aria-current in the navigation). */
    public boolean isCurrent(Section section) {
        return request.getCurrent() != null && section.contains(request.getCurrent().request().path());
    }
}
