package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.service.VisibleUnits;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Activity reports: accept (one or a batch), retract, read back from the ledger. Municipal operators
 * and directors report, retract and read the reports of their own unit and the units below it
 * (docs/SECURITY.md); a report for another unit is a per-item 422, like any other invalid report.
 */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR})
public class ActivityResource {
    /**
     * The body is read as a tree (not bound to a class) so that a quantity written as text or an
     * impossible date becomes a per-report error with its index instead of one parse error.
     * Trailing garbage and repeated fields are malformed JSON, not something to guess about.
     */
    private static final ObjectReader JSON = EventJson.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ActivityService activities;
    private final CurrentUser caller;

    public ActivityResource(ActivityService activities, CurrentUser caller) {
        this.activities = activities;
        this.caller = caller;
    }

    /** One report or a list of up to 10,000; 202 once every report is acknowledged by Kafka. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(InputStream body) throws IOException {
        JsonNode node = body == null ? null : JSON.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe un reporte o una lista de reportes en JSON.");
        }
        return Response.accepted(activities.accept(node, caller.get())).build();
    }

    /** Withdraws a report: 202 when withdrawn now, 200 when it already was. */
    @POST
    @Path("/{id}/retraction")
    public Response retract(@PathParam("id") String id, InputStream body) throws IOException {
        UUID uuid = uuid(id);
        String reason = reason(body == null ? null : JSON.readTree(body));
        ActivityService.Retraction r = activities.retract(uuid, reason, caller.get());
        return Response.status(r.changed() ? 202 : 200).entity(r.entry()).build();
    }

    @GET
    @Path("/{id}")
    public ActivityLedger.Entry get(@PathParam("id") String id) {
        ActivityLedger.Entry e = activities.get(uuid(id));
        caller.requireUnit(e.orgUnit());
        return e;
    }

    /** Reports of the ledger, by activity date: of one unit (403 out of reach) or of every unit the caller covers. */
    @GET
    public Page<ActivityLedger.Entry> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("indicator") String indicator,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("status") String status,
                                           @QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue("50") int size) {
        String st = blank(status) ? null : status.trim().toUpperCase(Locale.ROOT);
        if (st != null && !st.equals("ACTIVE") && !st.equals("RETRACTED")) {
            throw ProblemException.badRequest("El parámetro 'status' debe ser ACTIVE o RETRACTED.");
        }
        String unit = blank(orgUnit) ? null : orgUnit.trim();
        if (unit != null) {
            caller.requireUnit(unit);
        }
        return activities.list(new ActivityLedger.Filter(unit, blank(indicator) ? null : indicator.trim(), date("from", from),
                date("to", to), st, VisibleUnits.coveredBy(caller.get())), page, size);
    }

    private static String reason(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        JsonNode r = n.isObject() ? n.get("reason") : null;
        if (!n.isObject() || (r != null && !r.isNull() && !r.isTextual())) {
            throw ProblemException.unprocessable("El cuerpo del retiro es opcional; si se envía debe ser {\"reason\": \"texto\"}.",
                    List.of(Problem.FieldError.of(null, "reason", "El motivo debe ser texto.")));
        }
        if (r == null || r.isNull() || r.asText().isBlank()) {
            return null;
        }
        if (r.asText().length() > ReportValidator.MAX_NOTE) {
            throw ProblemException.unprocessable("El motivo es demasiado largo.",
                    List.of(Problem.FieldError.of(null, "reason", "El motivo admite hasta " + ReportValidator.MAX_NOTE + " caracteres.")));
        }
        return r.asText().trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("El parámetro '" + name + "' debe ser una fecha AAAA-MM-DD.");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No existe un reporte con id '" + id + "' (los ids son UUID).");
        }
    }
}
