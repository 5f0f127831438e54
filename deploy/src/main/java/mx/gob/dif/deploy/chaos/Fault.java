package mx.gob.dif.deploy.chaos;

/**
 * The faults the suite injects, one at a time. Each fault's reports go to an indicator of its own
 * (CAOS-01-01, CAOS-01-02, …), so that each row is checked against its own totals.
 */
public enum Fault {
    KILL_PROGRAMS("kill -9 programs-service", "programs"),
    KILL_INDICATORS("kill -9 indicators-service", "indicators"),
    KILL_CASES("kill -9 cases-service", "cases"),
    KILL_GATEWAY("kill -9 gateway", "gateway"),
    KILL_KAFKA("kill -9 Kafka broker", "kafka"),
    KILL_POSTGRES("kill -9 PostgreSQL (postmaster and backends)", "postgres"),
    FREEZE_POSTGRES("PostgreSQL frozen (SIGSTOP)", "postgres"),
    POISON_EVENT("poison events written to dif.activities", null),
    RESTART_KEYCLOAK("restart of Keycloak", "keycloak");

    private final String label;
    private final String component;

    Fault(String label, String component) {
        this.label = label;
        this.component = component;
    }

    /** How the fault is named in the table ({@code freezeSeconds}: how long PostgreSQL stays frozen). */
    public String label(long freezeSeconds) {
        return this == FREEZE_POSTGRES ? label + " for " + freezeSeconds + " s" : label;
    }

    /** The launcher's name of what the fault breaks (null for the poison events, which break no process). */
    String component() {
        return component;
    }

    String indicator() {
        return String.format("CAOS-01-%02d", ordinal() + 1);
    }
}
