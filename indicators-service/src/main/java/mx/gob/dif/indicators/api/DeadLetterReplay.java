package mx.gob.dif.indicators.api;

/** Where a replayed dead letter was written again (acknowledged by the broker): its original topic, new partition and offset. */
public record DeadLetterReplay(String topic, int partition, long offset, String replayedAt) {
}
