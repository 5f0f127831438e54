package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import mx.gob.dif.cases.api.BeneficiaryRequest;
import mx.gob.dif.cases.api.DuplicatePair;
import mx.gob.dif.cases.api.MergeRequest;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.BeneficiaryHistory;
import mx.gob.dif.cases.service.BeneficiaryService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * People: case workers and directors, for the people registered in their unit and the units below
 * it (the service checks the unit of every record it loads for the caller).
 */
@Path("/api/v1/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class BeneficiaryResource {
    private final BeneficiaryService service;

    public BeneficiaryResource(BeneficiaryService service) {
        this.service = service;
    }

    @POST
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Beneficiary.class)))
    public Response create(@Valid BeneficiaryRequest in) {
        Beneficiary b = service.create(in);
        return Response.created(URI.create("/api/v1/beneficiaries/" + b.id)).entity(b).build();
    }

    @GET
    public Page<Beneficiary> search(@QueryParam("orgUnit") String orgUnit, @QueryParam("q") String q, @QueryParam("curp") String curp,
                                    @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.search(orgUnit, q, curp, page, size);
    }

    @GET
    @Path("/duplicates")
    public List<DuplicatePair> duplicates(@QueryParam("orgUnit") String orgUnit) {
        return service.duplicates(orgUnit);
    }

    @GET
    @Path("/{id}")
    public Beneficiary get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    public Beneficiary update(@PathParam("id") UUID id, @Valid BeneficiaryRequest in) {
        return service.update(id, in);
    }

    /** Merges the duplicate named in the body into this beneficiary; both must be within reach. */
    @POST
    @Path("/{id}/merge")
    public Beneficiary merge(@PathParam("id") UUID id, @Valid MergeRequest in) {
        return service.merge(id, in);
    }

    @GET
    @Path("/{id}/history")
    public List<BeneficiaryHistory> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
