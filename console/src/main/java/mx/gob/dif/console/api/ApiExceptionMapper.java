package mx.gob.dif.console.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Problem;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every 4xx/5xx answer of the public API into an {@link ApiException} carrying its problem+json, so pages
 * can show the API's own Spanish detail. Registered on each API client ({@code @RegisterProvider}).
 */
public class ApiExceptionMapper implements ResponseExceptionMapper<ApiException> {

    @Override
    public ApiException toThrowable(Response response) {
        Problem problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                problem = response.readEntity(Problem.class);
            } catch (RuntimeException unreadable) {
                // not a problem document (a proxy's error page): the status alone tells what happened
            }
        }
        return new ApiException(response.getStatus(), problem);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
