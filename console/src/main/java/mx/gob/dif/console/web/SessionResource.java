package mx.gob.dif.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The two pages seen without a session: after signing out ({@code quarkus.oidc.logout.post-logout-path}) and
 * when a session ended on its own ({@code quarkus.oidc.authentication.session-expired-path}, or the API refused
 * the token). Both offer to sign in again.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SessionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();

        static native TemplateInstance expired();
    }

    @GET
    @Path("adios")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    @GET
    @Path("sesion-vencida")
    public TemplateInstance expired() {
        return Templates.expired();
    }
}
