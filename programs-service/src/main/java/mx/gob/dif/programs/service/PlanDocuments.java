package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.persistence.StoredPlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan document as text and its content hash. Serialized with the event mapper, so amounts keep
 * exactly the digits they were imported with; hashed in a canonical form, so that the same plan
 * whatever the spelling of its numbers (80, 80.0) or the order of its keys is no change.
 */
public final class PlanDocuments {
    private PlanDocuments() {
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) EventJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object node) {
        try {
            return EventJson.MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content hash of a document under the current rule. */
    public static String sha(JsonNode doc) {
        return sha256(json(canonical(doc, true)));
    }

    /** Whether {@code doc} (hashed {@code sha}) is what is stored, also under the hash rule of plans stored earlier. */
    public static boolean sameContent(StoredPlan s, JsonNode doc, String sha) {
        return s.sha().equals(sha) || s.sha().equals(sha256(json(canonical(doc, false))));
    }

    /**
     * The form the content hash is taken of: numbers without trailing zeros, keys sorted and, with
     * {@code dropEmptyLists}, an empty list counted as no list (a spreadsheet or CSV round trip
     * writes some lists always). Plans stored before that rule keep the older hash; see {@link #sameContent}.
     */
    static JsonNode canonical(JsonNode n, boolean dropEmptyLists) {
        if (n.isNumber()) {
            return EventJson.MAPPER.getNodeFactory().numberNode(n.decimalValue().stripTrailingZeros());
        }
        if (n.isObject()) {
            ObjectNode o = EventJson.MAPPER.createObjectNode();
            Map<String, JsonNode> sorted = new TreeMap<>();
            n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach((k, v) -> {
                if (!(dropEmptyLists && v.isArray() && v.isEmpty())) {
                    o.set(k, canonical(v, dropEmptyLists));
                }
            });
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = EventJson.MAPPER.createArrayNode();
            n.forEach(x -> a.add(canonical(x, dropEmptyLists)));
            return a;
        }
        return n;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
