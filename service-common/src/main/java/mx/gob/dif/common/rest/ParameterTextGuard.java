package mx.gob.dif.common.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query and path parameters get the rule of {@link JsonTextGuard}: one holding a control character (a
 * {@code %00} reached PostgreSQL and answered 500) or a bidirectional override is a 400 naming it.
 */
public class ParameterTextGuard {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        check(uri.getQueryParameters(true));
        check(uri.getPathParameters(true));
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (ControlCharacters.in(value)) {
                    throw ProblemException.badRequest("El parámetro '" + p.getKey() + "' contiene un carácter de control o una marca "
                            + "de dirección del texto; quítelo.");
                }
            }
        }
    }
}
