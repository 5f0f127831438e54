package mx.gob.dif.indicators.health;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.messaging.Consumers;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while both consumer loops run: a stopped loop means stale indicators. The data says how
 * far behind the logs the read model is (records not yet applied; -1 while unknown) and whether a
 * rebuild is under way; lag alone does not make the service unready.
 */
@Readiness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {
    private final Consumers consumers;

    public ConsumersHealthCheck(Consumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-consumers").status(consumers.healthy())
                .withData("eventsApplied", consumers.applied())
                .withData("eventsSkipped", consumers.skipped())
                .withData("activityLag", consumers.activityLag())
                .withData("catalogLag", consumers.catalogLag())
                .withData("lastError", String.valueOf(consumers.lastError()))
                .withData("rebuild", consumers.rebuildStatus().state()).build();
    }
}
