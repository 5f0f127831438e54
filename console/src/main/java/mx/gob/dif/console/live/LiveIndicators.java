package mx.gob.dif.console.live;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;

import java.util.List;

/**
 * Indicator updates ({@code dif.indicators.updated}) for the console's open pages, read with the platform's consumer
 * loop as a live loop: every console instance has a consumer group of its own and starts at the latest offset (a
 * page reads what happened before from the API). Each update goes to every open stream; {@link LiveResource} keeps
 * to each person what their unit may see.
 */
@ApplicationScoped
public class LiveIndicators implements BatchHandler {
    static final String LOOP = "console-live";
    private final BroadcastProcessor<LiveIndicator> updates = BroadcastProcessor.create();

    void start(@Observes StartupEvent e, EventLoops loops) {
        loops.startLive(LOOP, List.of(Topics.INDICATOR_UPDATES), this);
    }

    /** Every update from now on, for as long as the subscriber stays. */
    public Multi<LiveIndicator> updates() {
        return updates;
    }

    /** Nothing is stored: the only work in the transaction is refusing what is not an indicator update. */
    @Override
    public void apply(Batch batch) throws Exception {
        for (Received r : batch.events()) {
            if (!(r.event().data() instanceof IndicatorUpdated u) || u.indicator() == null || u.orgUnit() == null) {
                batch.deadLetter(r, "expected an indicator update with indicator and orgUnit on " + r.topic() + ", got " + r.type());
            }
        }
    }

    @Override
    public void afterCommit(Batch batch) {
        for (Received r : batch.events()) {
            if (r.event().data() instanceof IndicatorUpdated u && u.indicator() != null && u.orgUnit() != null) {
                updates.onNext(LiveIndicator.of(u));
            }
        }
    }
}
