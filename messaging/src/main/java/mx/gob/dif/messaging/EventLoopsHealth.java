package mx.gob.dif.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready and live while every consumer loop runs (a loop restarts itself when something escapes it,
 * so DOWN means its thread is gone and the service should be restarted); each loop's lag, dead
 * letters, restarts and last error are shown.
 */
@Readiness
@Liveness
@ApplicationScoped
public class EventLoopsHealth implements HealthCheck {
    private final EventLoops loops;

    public EventLoopsHealth(EventLoops loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-loops").up();
        for (EventLoop loop : loops.loops()) {
            String n = loop.spec().name();
            if (!loop.alive()) {
                b.down();
            }
            b.withData(n + ".alive", loop.alive());
            b.withData(n + ".lag", loop.lag());
            b.withData(n + ".applied", loop.applied());
            b.withData(n + ".deadLettered", loop.deadLettered());
            b.withData(n + ".restarts", loop.restarts());
            if (loop.lastError() != null) {
                b.withData(n + ".lastError", loop.lastError());
            }
        }
        return b.build();
    }
}
