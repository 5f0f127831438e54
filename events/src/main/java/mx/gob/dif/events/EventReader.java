package mx.gob.dif.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one way to read an event off a topic: the envelope is checked, the type resolved to its
 * payload record ({@link EventTypes#payloadType}) and {@code data} bound to it. Anything else is a
 * {@link MalformedEvent} with the reason.
 */
public final class EventReader {
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

    private EventReader() {
    }

    /** Reads an event of any known type. */
    public static CloudEvent<?> read(String json) throws MalformedEvent {
        JsonNode root = tree(json);
        String type = root.path("type").asText();
        Class<?> payload = EventTypes.payloadType(type)
                .orElseThrow(() -> new MalformedEvent("unknown event type '" + abbreviate(type) + "'"));
        return bind(root, type, payload);
    }

    /** Reads an event that must be of the type carrying {@code payloadType}. */
    public static <T> CloudEvent<T> read(String json, Class<T> payloadType) throws MalformedEvent {
        JsonNode root = tree(json);
        String type = root.path("type").asText();
        if (EventTypes.payloadType(type).filter(payloadType::equals).isEmpty()) {
            throw new MalformedEvent("expected a " + payloadType.getSimpleName() + " event, got type '" + abbreviate(type) + "'");
        }
        return bind(root, type, payloadType);
    }

    private static JsonNode tree(String json) throws MalformedEvent {
        if (json == null || json.isBlank()) {
            throw new MalformedEvent("empty record");
        }
        JsonNode root;
        try {
            root = EventJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("not JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEvent("not a JSON object");
        }
        for (String field : REQUIRED) {
            if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
                throw new MalformedEvent("envelope without '" + field + "'");
            }
        }
        if (!root.path("data").isObject()) {
            throw new MalformedEvent("envelope without an object in 'data'");
        }
        return root;
    }

    private static <T> CloudEvent<T> bind(JsonNode root, String type, Class<T> payloadType) throws MalformedEvent {
        T data;
        OffsetDateTime time;
        try {
            data = EventJson.MAPPER.treeToValue(root.get("data"), payloadType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEvent("'data' is not a valid " + payloadType.getSimpleName() + ": " + where(e));
        }
        try {
            time = root.hasNonNull("time") ? EventJson.MAPPER.treeToValue(root.get("time"), OffsetDateTime.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEvent("'time' is not an RFC 3339 timestamp");
        }
        return new CloudEvent<>(root.get("specversion").asText(), root.get("id").asText(), root.get("source").asText(), type,
                time, root.hasNonNull("subject") ? root.get("subject").asText() : null,
                root.hasNonNull("datacontenttype") ? root.get("datacontenttype").asText() : null, data);
    }

    /**
     * Where binding failed, by field path and expected type only: Jackson's own message quotes the
     * offending value ("from String \"2021-02-30\""), which may be anything a producer put there.
     */
    private static String where(Exception e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Class<?> expected = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            return "invalid value at '" + abbreviate(path) + "'" + (expected == null ? "" : " (expected " + expected.getSimpleName() + ")");
        }
        return "invalid content";
    }

    /** Reasons go to logs and dead-letter headers: keep them short and free of the record's content. */
    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
