package mx.gob.dif.cases.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;

import java.net.URI;
import java.util.UUID;

/**
 * Webhooks for integrators: an agency's system subscribes a URL to {@code referral.status-changed}
 * (referrals addressed to it) and {@code indicator.updated} (optionally filtered by unit and
 * indicator), and reads its delivery log. Integrators manage their own agency's subscriptions;
 * administrators, every agency's. Bodies are signed (X-Dif-Signature); see the README.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATOR, Roles.ADMINISTRATOR})
public class WebhookResource {
    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** 201 with the signing {@code secret}: the only time it is shown (besides a rotation). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Suscripción creada; el secreto se muestra solo esta vez",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDtos.SubscriptionView.class)))
    public Response create(WebhookDtos.SubscriptionInput in) {
        WebhookDtos.SubscriptionView s = webhooks.create(in);
        return Response.created(URI.create("/api/v1/webhooks/" + s.id())).entity(s).build();
    }

    @GET
    public Page<WebhookDtos.SubscriptionView> list(@QueryParam("agency") String agency,
                                                   @QueryParam("page") @DefaultValue("0") int page,
                                                   @QueryParam("size") @DefaultValue("50") int size) {
        return webhooks.list(agency, page, size);
    }

    @GET
    @Path("/{id}")
    public WebhookDtos.SubscriptionView get(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Suscripción borrada")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** A new secret, shown once; the old one stops signing at once. */
    @POST
    @Path("/{id}/secret")
    public WebhookDtos.SubscriptionView rotateSecret(@PathParam("id") UUID id) {
        return webhooks.rotateSecret(id);
    }

    /** Queues a {@code ping} delivery; 202 with its log entry. */
    @POST
    @Path("/{id}/test")
    @APIResponse(responseCode = "202", description = "Entrega de prueba en cola",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDtos.DeliveryView.class)))
    public Response test(@PathParam("id") UUID id) {
        return Response.accepted(webhooks.ping(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    public Page<WebhookDtos.DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("state") String state,
                                                    @QueryParam("page") @DefaultValue("0") int page,
                                                    @QueryParam("size") @DefaultValue("50") int size) {
        return webhooks.deliveries(id, state, page, size);
    }

    /** A FAILED delivery back to the queue, due now, with a new round of retries; 202. */
    @POST
    @Path("/deliveries/{deliveryId}/retry")
    @APIResponse(responseCode = "202", description = "Entrega de nuevo en cola",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDtos.DeliveryView.class)))
    public Response retry(@PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(webhooks.retry(deliveryId)).build();
    }
}
