package mx.gob.dif.indicators.api;

/**
 * One record of {@code dif.dead-letter} as the list shows it: where it is ({@code partition}, {@code offset},
 * {@code timestamp}), its key and what its headers say (reason, consumer group, original topic, partition and
 * offset; null when a header is missing). Never its body: a record may come from a foreign producer.
 * {@code replayedAt}: when an administrator last replayed it, null if never.
 */
public record DeadLetter(int partition, long offset, String timestamp, String key, String reason, String group,
                         String topic, Integer originalPartition, Long originalOffset, String replayedAt) {
}
