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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.api.AgencyRequest;
import mx.gob.dif.cases.api.ImportResult;
import mx.gob.dif.cases.documents.AgencyDirectorySheet;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.service.AgencyDirectory;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The directory of agencies and their services (Open Referral HSDS shape). No personal data: every
 * role reads and exports it; administrators keep it.
 */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.INTEGRATOR, Roles.ADMINISTRATOR})
public class AgencyResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    @RolesAllowed(Roles.ADMINISTRATOR)
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Agency.class)))
    public Response create(@Valid AgencyRequest in) {
        Agency a = directory.create(in);
        return Response.created(URI.create("/api/v1/agencies/" + a.id)).entity(a).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Agency replace(@PathParam("id") String id, @Valid AgencyRequest in) {
        return directory.replace(id, in);
    }

    /** The directory as a spreadsheet (XLSX or CSV, one row per service), all or nothing. */
    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes({XLSX, "text/csv"})
    public ImportResult importSheet(InputStream body, @Context HttpHeaders headers) {
        AgencyDirectorySheet.Format format = headers.getMediaType() != null && "csv".equalsIgnoreCase(headers.getMediaType().getSubtype())
                ? AgencyDirectorySheet.Format.CSV : AgencyDirectorySheet.Format.XLSX;
        return directory.importSheet(body, format);
    }

    @GET
    @Path("/export")
    @Produces({XLSX, "text/csv"})
    public Response export(@QueryParam("format") @DefaultValue("xlsx") String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) {
            throw ProblemException.badRequest("Formato '" + format + "' no disponible: use xlsx o csv.");
        }
        byte[] bytes = directory.exportSheet(csv ? AgencyDirectorySheet.Format.CSV : AgencyDirectorySheet.Format.XLSX);
        return Response.ok(bytes, csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"directorio-dependencias." + (csv ? "csv" : "xlsx") + "\"").build();
    }

    /** A list of agencies in JSON, all or nothing. */
    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public ImportResult importJson(@Valid List<AgencyRequest> agencies) {
        return directory.importAll(agencies);
    }
}
