package mx.gob.dif.deploy.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how long the suite pushes: which faults, how many clients and how fast they report,
 * and the bounds it waits within.
 *
 * @param clients        simulated reporting systems, each its own user and municipality
 * @param pause          what a client waits between two requests
 * @param maxBatch       largest batch a client sends (half of its requests are single reports)
 * @param warmUp         load before the fault
 * @param outage         how long a killed process stays dead before the launcher starts it again
 * @param afterRecovery  load after the platform serves again
 * @param freeze         how long PostgreSQL stays frozen
 * @param recoveryBound  the platform must serve again within this time after the fault (the row fails otherwise)
 * @param settleBound    time for clients to get a definitive answer and for the counts to settle after the load stops
 */
public record Profile(String name, List<Fault> faults, int clients, Duration pause, int maxBatch, Duration warmUp,
                      Duration outage, Duration afterRecovery, Duration freeze, Duration recoveryBound, Duration settleBound) {

    /** {@code ./dif chaos}: every fault under a moderate load (the machine may be shared). */
    public static Profile full() {
        return new Profile("full", List.of(Fault.values()), 4, Duration.ofMillis(250), 20, Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(240),
                Duration.ofSeconds(240));
    }

    /** The end-to-end test: the three faults that matter most for the ledger and the counts, with a lighter load. */
    public static Profile ci() {
        return new Profile("ci", List.of(Fault.KILL_PROGRAMS, Fault.KILL_KAFKA, Fault.POISON_EVENT), 3, Duration.ofMillis(300),
                10, Duration.ofSeconds(6), Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(15),
                Duration.ofSeconds(240), Duration.ofSeconds(240));
    }
}
