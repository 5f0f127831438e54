package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kustomize build} does, for exactly the features deploy/kubernetes uses:
 * {@code resources} (files, and directories holding a kustomization), {@code namespace} and {@code images}
 * ({@code newName}, {@code newTag}, {@code digest}). Any other field of a kustomization is refused, so a
 * feature added to the manifests cannot be silently skipped here.
 * <p>
 * Why not the real thing: there is no kustomize or kubectl binary on a build machine (CI has only a JDK), and
 * Maven Central has no maintained Java port of Kustomize; these three transformations are small and fully
 * specified (kubectl's kustomize documentation), so they are implemented here rather than downloaded at test time.
 */
final class Kustomize {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images");
    /** Cluster-scoped kinds keep no namespace (none used today; listed so that adding one stays correct). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass");

    private Kustomize() {
    }

    /** Every object the kustomization in {@code dir} produces, in order; fails on anything it cannot render. */
    static List<ObjectNode> build(Path dir) {
        JsonNode kustomization = readKustomization(dir);
        Set<String> unsupported = new HashSet<>();
        kustomization.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                unsupported.add(f);
            }
        });
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException(dir + ": kustomization fields this renderer does not implement: " + unsupported);
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? build(path) : readObjects(path));
        }
        rejectDuplicates(dir, objects);
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(o -> setImage(o, image));
        }
        return objects;
    }

    private static JsonNode readKustomization(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                return readObjects(file).getFirst();
            }
        }
        throw new IllegalStateException("no kustomization in " + dir);
    }

    /** The YAML documents of a file that hold something (a file may start with comments and '---'). */
    static List<ObjectNode> readObjects(Path file) {
        try (var parser = YAML.createParser(file.toFile())) {
            List<ObjectNode> objects = new ArrayList<>();
            Iterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new IllegalStateException(file + ": a document that is not an object: " + document);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** kustomize refuses two objects with the same kind, namespace and name; so does this. */
    private static void rejectDuplicates(Path dir, List<ObjectNode> objects) {
        Map<String, Integer> seen = new HashMap<>();
        for (ObjectNode o : objects) {
            String id = o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText() + "/"
                    + o.path("metadata").path("name").asText();
            if (seen.merge(id, 1, Integer::sum) > 1) {
                throw new IllegalStateException(dir + ": " + id + " is defined twice");
            }
        }
    }

    /** The images transformer: every container and init container anywhere in the object whose image name matches. */
    private static void setImage(JsonNode node, JsonNode image) {
        if (node instanceof ObjectNode object) {
            for (String field : List.of("containers", "initContainers")) {
                if (object.get(field) instanceof ArrayNode containers) {
                    containers.forEach(c -> retag((ObjectNode) c, image));
                }
            }
            object.elements().forEachRemaining(child -> setImage(child, image));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> setImage(child, image));
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        String name = current.contains("@") ? current.substring(0, current.indexOf('@'))
                : current.lastIndexOf(':') > current.lastIndexOf('/') ? current.substring(0, current.lastIndexOf(':')) : current;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String tagged = image.path("newName").asText(name);
        if (image.hasNonNull("digest")) {
            tagged += "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            tagged += ":" + image.get("newTag").asText();
        } else if (!name.equals(current)) {
            tagged += current.substring(name.length());
        }
        container.put("image", tagged);
    }
}
