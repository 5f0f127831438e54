package mx.gob.dif.console.web;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.console.api.ApiException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * What a person sees when a page cannot be shown: a Spanish page inside the console's frame, never a stack trace
 * nor the API's JSON. Ahead of service-common's problem+json mappers (a lower priority number wins), which answer
 * machines. A form's own errors are shown beside its fields by the page itself; these are the rest.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final int BEFORE_PROBLEM_MAPPERS = Priorities.USER - 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String title, String detail);
    }

    @Inject
    Instance<OidcSession> session;

    /**
     * The gateway refused the person's token (it expired or was revoked while the console's session lived on):
     * the console's session ends here too, and the person is told so and offered a new sign-in.
     */
    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response api(ApiException e) {
        if (e.status() == 401) {
            endSession();
            return Response.seeOther(URI.create("/sesion-vencida")).build();
        }
        if (e.status() == 403) {
            return page(403, "Sin permiso", e.detail());
        }
        if (e.status() == 404) {
            return page(404, "No encontrado", e.detail());
        }
        return page(e.status() >= 500 ? 502 : e.status(), "No se pudo completar la operación", e.detail());
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response forbidden(ForbiddenException e) {
        return page(403, "Sin permiso", "Su usuario no tiene un rol que permita abrir esta página. Use el menú para ir a "
                + "las secciones de su rol.");
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response notFound(NotFoundException e) {
        return page(404, "Página no encontrada", "La dirección no corresponde a ninguna página de la consola. Use el menú "
                + "para ir a las secciones de su rol.");
    }

    /** A request JAX-RS itself refused (a method the page does not take, an unreadable form). */
    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status >= 500) {
            return unexpected(e);
        }
        return page(status, "Solicitud no válida", "La consola no pudo atender esta solicitud (código " + status
                + "). Vuelva a la página anterior e inténtelo desde el formulario.");
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response unexpected(Throwable e) {
        LOG.error("Page failed", e);
        return page(500, "Error inesperado", "La consola no pudo mostrar esta página. Intente de nuevo en unos segundos; "
                + "si el problema sigue, avise al administrador.");
    }

    private void endSession() {
        try {
            if (session.isResolvable()) {
                session.get().logout().await().indefinitely();
            }
        } catch (RuntimeException notACodeFlowSession) {
            // a bearer-token caller (tests) has no session cookie to remove
            LOG.debug("No console session to end", notACodeFlowSession);
        }
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(title, detail)).build();
    }
}
