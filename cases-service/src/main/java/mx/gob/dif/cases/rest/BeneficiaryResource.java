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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.service.BeneficiaryService;
import mx.gob.dif.common.rest.Caller;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BeneficiaryResource {
    private final BeneficiaryService service;

    public BeneficiaryResource(BeneficiaryService service) {
        this.service = service;
    }

    @POST
    public Response create(Dtos.BeneficiaryInput in, @Context HttpHeaders headers) {
        Beneficiary b = service.create(in, Caller.of(headers));
        return Response.created(URI.create("/api/v1/beneficiaries/" + b.id)).entity(b).build();
    }

    @GET
    public Page<Beneficiary> search(@QueryParam("orgUnit") String orgUnit, @QueryParam("q") String q, @QueryParam("curp") String curp,
                                    @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.search(orgUnit, q, curp, page, size);
    }

    @GET
    @Path("/duplicates")
    public List<Map<String, Object>> duplicates(@QueryParam("orgUnit") String orgUnit) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.badRequest("Indique la unidad (orgUnit) en la que buscar duplicados.");
        }
        return service.duplicates(orgUnit);
    }

    @GET
    @Path("/{id}")
    public Beneficiary get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    public Beneficiary update(@PathParam("id") UUID id, Dtos.BeneficiaryInput in, @Context HttpHeaders headers) {
        return service.update(id, in, Caller.of(headers));
    }

    /** Merges the duplicate named in the body into this beneficiary. */
    @POST
    @Path("/{id}/merge")
    public Beneficiary merge(@PathParam("id") UUID id, Dtos.MergeInput in, @Context HttpHeaders headers) {
        if (in == null || in.duplicateId() == null) {
            throw ProblemException.badRequest("Indique en 'duplicateId' el registro duplicado que se fusionará en este.");
        }
        UUID dup;
        try {
            dup = UUID.fromString(in.duplicateId().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'duplicateId' no es un id válido (UUID).");
        }
        return service.merge(id, dup, in.reason(), Caller.of(headers));
    }

    @GET
    @Path("/{id}/history")
    public List<Map<String, Object>> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
