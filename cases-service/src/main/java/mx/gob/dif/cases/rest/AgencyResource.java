package mx.gob.dif.cases.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.service.AgencyDirectory;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;

import java.net.URI;
import java.util.Map;

/** The directory of agencies and their services (Open Referral HSDS shape). */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {
    private final AgencyDirectory directory;

    public AgencyResource(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GET
    public Page<Agency> list(@QueryParam("q") String q, @QueryParam("municipality") String municipality,
                             @QueryParam("onPlatform") Boolean onPlatform, @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("50") int size) {
        return directory.list(q, municipality, onPlatform, page, size);
    }

    @GET
    @Path("/{id}")
    public Agency get(@PathParam("id") String id) {
        return directory.get(id);
    }

    @POST
    public Response create(Dtos.AgencyInput in) {
        Agency a = directory.put(in, true);
        return Response.created(URI.create("/api/v1/agencies/" + a.id)).entity(a).build();
    }

    @PUT
    @Path("/{id}")
    public Agency replace(@PathParam("id") String id, Dtos.AgencyInput in) {
        if (in != null && in.id() != null && !in.id().equals(id)) {
            throw ProblemException.unprocessable("La clave del cuerpo (" + in.id() + ") no coincide con la de la ruta (" + id + ").", java.util.List.of());
        }
        return directory.put(in == null ? null : new Dtos.AgencyInput(id, in.name(), in.kind(), in.description(), in.phone(),
                in.email(), in.address(), in.onPlatform(), in.lastVerified(), in.services()), false);
    }

    /** A list of agencies in JSON, all or nothing. */
    @POST
    @Path("/import")
    public Map<String, Object> importJson(java.util.List<Dtos.AgencyInput> agencies) {
        if (agencies == null || agencies.isEmpty()) {
            throw ProblemException.badRequest("Envíe una lista de dependencias.");
        }
        return Map.of("imported", directory.importAll(agencies));
    }
}
