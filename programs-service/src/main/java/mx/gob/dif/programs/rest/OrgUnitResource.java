package mx.gob.dif.programs.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.programs.catalog.CatalogLookup.OrgUnitRef;
import mx.gob.dif.programs.service.OrgUnitService;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.StringReader;
import java.util.List;

/** The org-unit hierarchy: every role reads it; only administrators extend it (docs/SECURITY.md). */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.INTEGRATOR,
        Roles.ADMINISTRATOR})
public class OrgUnitResource {
    private final OrgUnitService units;

    public OrgUnitResource(OrgUnitService units) {
        this.units = units;
    }

    @GET
    public List<OrgUnitRef> list(@QueryParam("parent") String parent, @QueryParam("level") String level) {
        return units.list(parent, level);
    }

    @GET
    @Path("/{code}")
    public OrgUnitRef get(@PathParam("code") String code) {
        return units.find(code).orElseThrow(() -> ProblemException.notFound("No existe la unidad '" + code + "'."));
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OrgUnitRef.class)))
    public Response create(@Valid OrgUnitRequest unit) {
        if (unit == null) {
            throw ProblemException.badRequest("Envíe la unidad: {code, name, level, parent}.");
        }
        return Response.status(201).entity(units.create(unit.ref())).build();
    }

    /** Extends the hierarchy from a CSV with the columns code,name,level,parent (all or nothing). */
    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Imported importCsv(String csv) throws Exception {
        return new Imported(units.importCsv(new StringReader(csv == null ? "" : csv)));
    }

    /** How many units the CSV brought (all of them, or none and a 422). */
    public record Imported(int imported) {
    }

    /** A new unit; its rules (INEGI code, level, existing parent) are the service's 422 field errors. */
    public record OrgUnitRequest(@Size(max = 16, message = "La clave INEGI admite hasta 16 caracteres.") String code,
                                 @Size(max = 200, message = "El nombre de la unidad admite hasta 200 caracteres.") String name,
                                 @Size(max = 16, message = "El nivel admite hasta 16 caracteres (NATIONAL, STATE o MUNICIPAL).") String level,
                                 @Size(max = 16, message = "La clave de la unidad superior admite hasta 16 caracteres.") String parent) {
        OrgUnitRef ref() {
            return new OrgUnitRef(code, name, level, parent);
        }
    }
}
