package mx.gob.dif.events;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Writes events as the JSON every consumer reads back with {@link EventReader}. */
public final class EventWriter {
    private EventWriter() {
    }

    public static String write(CloudEvent<?> event) {
        try {
            return EventJson.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // payloads are plain records of this module: failing here is a programming error
            throw new IllegalStateException("could not serialize event " + event.type(), e);
        }
    }
}
