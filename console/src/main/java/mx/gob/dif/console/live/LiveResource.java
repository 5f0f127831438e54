package mx.gob.dif.console.live;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Identity;

import java.time.Duration;

/**
 * {@code GET /live/indicators}: a server-sent event stream of indicator updates for the signed-in person's pages.
 * Only updates of units the person may read are sent, by the services' own rule ({@link Identity#covers}: the
 * person's unit and the units below it). A heartbeat every {@value #HEARTBEAT_SECONDS} s keeps the connection (and
 * the gateway's idle timeout) open; the browser's EventSource reconnects by itself when it drops. Updates from before
 * the stream opened are not replayed: the page was rendered from the API just before.
 */
@Path("/live/indicators")
@Authenticated
public class LiveResource {
    static final int HEARTBEAT_SECONDS = 15;
    private final LiveIndicators live;
    private final CurrentUser user;

    public LiveResource(LiveIndicators live, CurrentUser user) {
        this.live = live;
        this.user = user;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Identity who = user.get(); // read once, on the request's thread: the stream outlives the request scope
        Multi<OutboundSseEvent> updates = live.updates().filter(u -> who.covers(u.orgUnit()))
                .map(u -> sse.newEventBuilder().name("indicator").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(LiveIndicator.class, u).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(Duration.ofSeconds(HEARTBEAT_SECONDS))
                .map(t -> sse.newEventBuilder().name("heartbeat").data("").build());
        // "ready" first: the page (and a test) knows the stream is open before any update comes
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready").data("").build());
        return Multi.createBy().concatenating().streams(ready, Multi.createBy().merging().streams(updates, heartbeats));
    }
}
