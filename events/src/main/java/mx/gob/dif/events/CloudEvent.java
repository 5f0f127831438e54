package mx.gob.dif.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * CloudEvents 1.0 structured-mode envelope around a typed payload ({@code data}: one of this
 * module's payload records). {@code id} is the idempotency key end to end: consumers must treat a
 * second event with the same id as already applied. Written with {@link EventWriter}, read with
 * {@link EventReader}; no service has an envelope of its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        T data) {

    public static <T> CloudEvent<T> of(String id, String source, String type, String subject, T data) {
        return new CloudEvent<>("1.0", id, source, type, OffsetDateTime.now(), subject, "application/json", data);
    }

    /** The payload as the type its event type promises; fails loudly when the caller guessed the type wrong. */
    public <P> P data(Class<P> payloadType) {
        return payloadType.cast(data);
    }
}
