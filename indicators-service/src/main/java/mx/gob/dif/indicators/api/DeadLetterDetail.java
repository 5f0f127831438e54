package mx.gob.dif.indicators.api;

/** One dead letter with its {@code value} as it was on its original topic, so an administrator can fix the cause. */
public record DeadLetterDetail(int partition, long offset, String timestamp, String key, String reason, String group,
                               String topic, Integer originalPartition, Long originalOffset, String replayedAt,
                               String value) {
}
