package mx.gob.dif.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** indicators-service's part of the public API the console uses. Asynchronous: a page asks for many programs at once. */
@Path("/api/v1")
@RegisterRestClient(configKey = "dif-api")
@RegisterProvider(ApiExceptionMapper.class)
@AccessToken
public interface IndicatorsApi {

    @GET
    @Path("/programs/{code}/progress")
    Uni<ProgramProgress> progress(@PathParam("code") String program, @QueryParam("orgUnit") String orgUnit,
                                  @QueryParam("period") String period);
}
