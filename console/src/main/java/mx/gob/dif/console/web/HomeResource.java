package mx.gob.dif.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code /}: sends a person to the home page of their role, or says why the console has nothing for them. */
@Path("/")
@Authenticated
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noSection();
    }

    @Inject
    Viewer viewer;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        return viewer.home()
                .map(section -> Response.seeOther(URI.create(section.path())).build())
                .orElseGet(() -> Response.status(Response.Status.FORBIDDEN).entity(Templates.noSection()).build());
    }
}
