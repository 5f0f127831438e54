package mx.gob.dif.events;

/**
 * indicators-service cleared its aggregates and forgot where its activity consumers stood ({@code generation}
 * counts the rebuilds); every instance that reads it seeks its partitions back to the beginning. Keyed
 * {@link #KEY} on {@link Topics#INDICATORS_REBUILDS}.
 */
public record IndicatorsRebuildRequested(long generation) {
    public static final String KEY = "rebuild";
}
