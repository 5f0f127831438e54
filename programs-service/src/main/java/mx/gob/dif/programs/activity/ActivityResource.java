package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.rest.Caller;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {
    private final ActivityService activities;

    public ActivityResource(ActivityService activities) {
        this.activities = activities;
    }

    /** One report or a list of up to 10,000; 202 once every report is durable. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(String body, @Context HttpHeaders headers) throws Exception {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe un reporte o una lista de reportes en JSON.");
        }
        JsonNode node = EventJson.MAPPER.readTree(body);
        ActivityService.Accepted a = activities.accept(node, Caller.of(headers));
        return Response.accepted(a).build();
    }

    @POST
    @Path("/{id}/retraction")
    public Response retract(@PathParam("id") String id, String body, @Context HttpHeaders headers) throws Exception {
        String reason = null;
        if (body != null && !body.isBlank()) {
            JsonNode n = EventJson.MAPPER.readTree(body);
            reason = n.hasNonNull("reason") ? n.get("reason").asText() : null;
        }
        UUID uuid = uuid(id);
        boolean wasRetracted = "RETRACTED".equals(activities.get(uuid).get("status"));
        Map<String, Object> a = activities.retract(uuid, reason, Caller.of(headers));
        return Response.status(wasRetracted ? 200 : 202).entity(a).build();
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return activities.get(uuid(id));
    }

    @GET
    public Page<Map<String, Object>> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("indicator") String indicator,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("status") String status,
                                          @QueryParam("page") @DefaultValue("0") int page,
                                          @QueryParam("size") @DefaultValue("50") int size) {
        return activities.list(orgUnit, indicator, date("from", from), date("to", to), status, page, size);
    }

    private static LocalDate date(String name, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("El parámetro '" + name + "' debe ser una fecha AAAA-MM-DD.");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No existe un reporte con id '" + id + "' (debe ser un UUID).");
        }
    }
}
