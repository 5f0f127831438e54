package mx.gob.dif.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a CloudEvent (envelope and data) against the checked-in schemas:
 * {@code /schemas/cloudevent.json} and {@code /schemas/<type>.json}.
 */
public final class SchemaValidator {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    /** @return the validation errors, empty when the event is valid */
    public static List<String> validate(JsonNode event) {
        List<String> errors = new java.util.ArrayList<>(messages(schema("cloudevent"), event));
        JsonNode type = event.get("type");
        if (type != null && type.isTextual()) {
            JsonSchema dataSchema = schema(type.asText());
            if (dataSchema == null) {
                errors.add("no schema for type " + type.asText());
            } else {
                errors.addAll(messages(dataSchema, event.get("data")));
            }
        }
        return errors;
    }

    private static List<String> messages(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream().map(ValidationMessage::getMessage).toList();
    }

    private static JsonSchema schema(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = SchemaValidator.class.getResourceAsStream("/schemas/" + n + ".json")) {
                return in == null ? null : FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
