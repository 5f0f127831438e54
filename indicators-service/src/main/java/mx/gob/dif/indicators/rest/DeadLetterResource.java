package mx.gob.dif.indicators.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.indicators.api.DeadLetter;
import mx.gob.dif.indicators.api.DeadLetterDetail;
import mx.gob.dif.indicators.api.DeadLetterReplay;
import mx.gob.dif.indicators.service.DeadLetterAdmin;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Records the consumer loops of the platform could not use (dif.dead-letter), for administrators only: list
 * them (never their body), read one with its value to find the cause, and replay it to its original topic.
 */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    /** true when the topic held more records than one call reads (indicators.dead-letters.scan-limit): the oldest are not listed. */
    static final String TRUNCATED = "X-Dif-Truncated";
    private final DeadLetterAdmin admin;

    public DeadLetterResource(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    /** Newest first. Header {@value #TRUNCATED}: true when the topic held more records than one call reads. */
    @GET
    public RestResponse<Page<DeadLetter>> list(
            @QueryParam("topic") @Size(max = 249, message = "El parámetro 'topic' admite hasta 249 caracteres.") String topic,
            @QueryParam("group") @Size(max = 255, message = "El parámetro 'group' admite hasta 255 caracteres.") String group,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        DeadLetterAdmin.Listing listing = admin.list(topic, group, page, size);
        return RestResponse.ResponseBuilder.ok(listing.page()).header(TRUNCATED, listing.truncated()).build();
    }

    @GET
    @Path("/{partition}/{offset}")
    public DeadLetterDetail get(@PathParam("partition") @PositiveOrZero(message = "La partición debe ser 0 o mayor.") int partition,
                                @PathParam("offset") @PositiveOrZero(message = "La posición (offset) debe ser 0 o mayor.") long offset) {
        return admin.get(partition, offset);
    }

    /** Writes the record again to its original topic; the consumer applies it if the cause was fixed, else dead-letters it again. */
    @POST
    @Path("/{partition}/{offset}/replay")
    @APIResponse(responseCode = "202", description = "Reenviado a su tópico de origen",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterReplay.class)))
    public Response replay(@PathParam("partition") @PositiveOrZero(message = "La partición debe ser 0 o mayor.") int partition,
                           @PathParam("offset") @PositiveOrZero(message = "La posición (offset) debe ser 0 o mayor.") long offset) {
        return Response.accepted(admin.replay(partition, offset)).build();
    }
}
