package mx.gob.dif.deploy.infra;

import java.util.Map;

/**
 * How many brokers keep a copy of each platform topic ({@code factor}) and how many copies must have a
 * record before the broker acknowledges it with acks=all ({@code minInsync}, the topic's
 * {@code min.insync.replicas}). 1/1 on one machine; 3/2 on a cluster, so one broker may fail without
 * losing an acknowledged record or stopping writes.
 */
public record Replication(int factor, int minInsync) {

    public static final String FACTOR_VARIABLE = "DIF_KAFKA_REPLICATION_FACTOR";
    public static final String MIN_INSYNC_VARIABLE = "DIF_KAFKA_MIN_INSYNC_REPLICAS";
    /** One broker: the launcher's own Kafka and the test broker. */
    public static final Replication SINGLE = new Replication(1, 1);

    public Replication {
        if (factor < 1 || minInsync < 1) {
            throw new IllegalArgumentException(FACTOR_VARIABLE + " y " + MIN_INSYNC_VARIABLE
                    + " deben ser al menos 1 (valen " + factor + " y " + minInsync + ").");
        }
        if (minInsync > factor) {
            throw new IllegalArgumentException(MIN_INSYNC_VARIABLE + "=" + minInsync + " no puede ser mayor que "
                    + FACTOR_VARIABLE + "=" + factor + ": ningún registro podría confirmarse. En un clúster de tres "
                    + "brokers use 3 y 2.");
        }
    }

    /** Both variables, default 1; an invalid value is an {@link IllegalArgumentException} with a message for people. */
    public static Replication fromEnvironment(Map<String, String> env) {
        return new Replication(number(env, FACTOR_VARIABLE), number(env, MIN_INSYNC_VARIABLE));
    }

    private static int number(Map<String, String> env, String variable) {
        String value = env.getOrDefault(variable, "1").trim();
        if (value.length() > 3 || !value.matches("-?\\d+")) {
            throw new IllegalArgumentException(variable + "=" + value.substring(0, Math.min(value.length(), 20))
                    + " no es un número entero pequeño: use un número de réplicas, p. ej. 3.");
        }
        return Integer.parseInt(value);
    }

    /** The topic configuration that goes with this replication. */
    Map<String, String> topicConfig() {
        return Map.of("min.insync.replicas", Integer.toString(minInsync));
    }
}
