package mx.gob.dif.messaging;

import mx.gob.dif.events.CloudEvent;

/**
 * One event a loop read, with where it came from. {@code value} is the record as it was on the
 * topic: a dead letter carries it unchanged, and a handler that must hold the record to a stricter
 * contract than its payload type (a JSON Schema with no unknown fields) checks it there.
 */
public record Received(String topic, int partition, long offset, String key, CloudEvent<?> event, String value) {
    /** An event without its wire form (tests, replays of typed events). */
    public Received(String topic, int partition, long offset, String key, CloudEvent<?> event) {
        this(topic, partition, offset, key, event, null);
    }

    /** The payload, as the record its event type carries. */
    public <P> P data(Class<P> payloadType) {
        return event.data(payloadType);
    }

    public String type() {
        return event.type();
    }
}
