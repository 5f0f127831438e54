package mx.gob.dif.messaging;

import mx.gob.dif.events.CloudEvent;

/** One event a loop read, with where it came from. */
public record Received(String topic, int partition, long offset, String key, CloudEvent<?> event) {
    /** The payload, as the record its event type carries. */
    public <P> P data(Class<P> payloadType) {
        return event.data(payloadType);
    }

    public String type() {
        return event.type();
    }
}
