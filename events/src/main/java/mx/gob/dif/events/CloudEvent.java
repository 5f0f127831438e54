package mx.gob.dif.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * CloudEvents 1.0 structured-mode envelope. {@code id} is the idempotency key end to end:
 * consumers must treat a second event with the same id as already applied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static CloudEvent of(String id, String source, String type, String subject, JsonNode data) {
        return new CloudEvent("1.0", id, source, type, OffsetDateTime.now(), subject, "application/json", data);
    }
}
