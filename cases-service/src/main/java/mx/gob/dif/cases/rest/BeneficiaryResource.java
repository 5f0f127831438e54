package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
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
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.service.BeneficiaryService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** People: case workers and directors, for the people registered in their unit and the units below it. */
@Path("/api/v1/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class BeneficiaryResource {
    private final BeneficiaryService service;
    private final CaseAccess access;

    public BeneficiaryResource(BeneficiaryService service, CaseAccess access) {
        this.service = service;
        this.access = access;
    }

    /**
     * The beneficiary a request body points to (a guardian, the person of a case), or null when the
     * id is missing, malformed or unknown: the body's own validation reports those.
     */
    static Beneficiary find(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Beneficiary.findById(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The beneficiary, if it exists (404) and is registered in the caller's unit or one below it (403). */
    private Beneficiary inReach(UUID id) {
        Beneficiary b = service.get(id);
        access.unit(b.orgUnit);
        return b;
    }

    /** A guardian named in the body must be within reach too: the referral letter carries the guardian's name. */
    private void guardianInReach(Dtos.BeneficiaryInput in) {
        Beneficiary guardian = in == null ? null : find(in.guardianId());
        if (guardian != null) {
            access.unit(guardian.orgUnit);
        }
    }

    @POST
    public Response create(Dtos.BeneficiaryInput in) {
        if (in != null) {
            access.unitInBody(in.orgUnit());
        }
        guardianInReach(in);
        Beneficiary b = service.create(in, access.actor());
        return Response.created(URI.create("/api/v1/beneficiaries/" + b.id)).entity(b).build();
    }

    @GET
    public Page<Beneficiary> search(@QueryParam("orgUnit") String orgUnit, @QueryParam("q") String q, @QueryParam("curp") String curp,
                                    @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.search(access.reach(), access.filter(orgUnit), q, curp, page, size);
    }

    @GET
    @Path("/duplicates")
    public List<Map<String, Object>> duplicates(@QueryParam("orgUnit") String orgUnit) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.badRequest("Indique la unidad (orgUnit) en la que buscar duplicados.");
        }
        return service.duplicates(access.filter(orgUnit));
    }

    @GET
    @Path("/{id}")
    public Beneficiary get(@PathParam("id") UUID id) {
        return inReach(id);
    }

    @PUT
    @Path("/{id}")
    public Beneficiary update(@PathParam("id") UUID id, Dtos.BeneficiaryInput in) {
        inReach(id);
        guardianInReach(in);
        return service.update(id, in, access.actor());
    }

    /** Merges the duplicate named in the body into this beneficiary; both must be within reach. */
    @POST
    @Path("/{id}/merge")
    public Beneficiary merge(@PathParam("id") UUID id, Dtos.MergeInput in) {
        if (in == null || in.duplicateId() == null) {
            throw ProblemException.badRequest("Indique en 'duplicateId' el registro duplicado que se fusionará en este.");
        }
        UUID dup;
        try {
            dup = UUID.fromString(in.duplicateId().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'duplicateId' no es un id válido (UUID).");
        }
        inReach(id);
        inReach(dup);
        return service.merge(id, dup, in.reason(), access.actor());
    }

    @GET
    @Path("/{id}/history")
    public List<Map<String, Object>> history(@PathParam("id") UUID id) {
        inReach(id);
        return service.history(id);
    }
}
