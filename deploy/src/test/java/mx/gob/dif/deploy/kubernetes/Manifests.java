package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rendered objects, with the look-ups the rules need. */
record Manifests(List<ObjectNode> objects) {

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        deployment.at("/spec/template/spec/containers").forEach(containers::add);
        return containers;
    }

    /**
     * The environment a container gets: its own {@code env} entries and every key of the ConfigMaps it takes whole
     * ({@code envFrom}), by name; the value is the entry (with {@code value} or {@code valueFrom}) or, for a
     * ConfigMap key, {@code {"configMap": name}}. A referenced ConfigMap that is not rendered, or a whole Secret
     * taken as environment, is added to {@code problems}.
     */
    Map<String, JsonNode> environment(JsonNode container, List<String> problems) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("secretRef")) {
                problems.add(container.path("name").asText() + ": envFrom of a whole Secret hides which secrets it reads");
            }
            String configMap = from.path("configMapRef").path("name").asText();
            if (configMap.isEmpty()) {
                continue;
            }
            Optional<ObjectNode> map = find("ConfigMap", configMap);
            if (map.isEmpty()) {
                problems.add(container.path("name").asText() + ": ConfigMap " + configMap + " is not part of the manifests");
                continue;
            }
            map.get().path("data").fieldNames().forEachRemaining(key ->
                    env.put(key, map.get().objectNode().put("configMap", configMap)));
        }
        for (JsonNode entry : container.path("env")) {
            env.put(entry.path("name").asText(), entry);
        }
        return env;
    }
}
