package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.keycloak.representations.idm.RealmRepresentation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates one rendered object against the schema of its kind, offline. Kubernetes' own kinds and Strimzi's are
 * read into their published Java API models (fabric8 kubernetes-model, io.strimzi:api, both from Maven Central and
 * pinned in deploy/pom.xml): a wrong type or an unknown enum-like subtype fails Jackson, and a field the model does
 * not have, which both models keep aside in {@code additionalProperties} instead of failing, is reported here.
 * <p>
 * CloudNativePG and the Keycloak operator publish their CRDs neither to Maven Central nor as an npm package (the
 * first, and its Barman Cloud plugin, only as Go modules and release YAML, the second only in a Git repository),
 * so for their kinds only the parts with a published model are validated by schema: metadata and resources
 * (Kubernetes types) and a realm import's realm (Keycloak's RealmRepresentation, strict: it has no catch-all for
 * unknown fields); {@link BackingRules} checks the fields of theirs the platform depends on.
 */
final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class));
    /** Kinds with no schema in any package registry: the parts of them that have one, by JSON pointer. */
    private static final Map<String, Map<String, Class<?>>> UNPUBLISHED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Map.of("/spec/resources", ResourceRequirements.class),
            "postgresql.cnpg.io/v1/ScheduledBackup", Map.of(),
            "barmancloud.cnpg.io/v1/ObjectStore", Map.of(),
            "k8s.keycloak.org/v2alpha1/Keycloak", Map.of("/spec/resources", ResourceRequirements.class),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Map.of("/spec/realm", RealmRepresentation.class));
    /** RFC 1123 subdomain, what Kubernetes requires of most names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_DEPTH = 64;

    private Schemas() {
    }

    /** What is wrong with the object against its kind's schema; empty when nothing is. */
    static List<String> problems(JsonNode object) {
        String id = Manifests.id(object);
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        String name = object.path("metadata").path("name").asText();
        if (name.length() > 253 || !NAME.matcher(name).matches()) {
            problems.add(id + ": metadata.name \"" + name + "\" is not a valid Kubernetes name");
        }
        if (MODELS.containsKey(type)) {
            read(object, MODELS.get(type), id, problems);
        } else if (UNPUBLISHED.containsKey(type)) {
            read(object.path("metadata"), ObjectMeta.class, id + " metadata", problems);
            UNPUBLISHED.get(type).forEach((pointer, model) -> {
                if (!object.at(pointer).isMissingNode()) {
                    read(object.at(pointer), model, id + " " + pointer, problems);
                }
            });
        } else {
            problems.add(id + ": no schema known for " + type + " (a kind or API version this test does not cover)");
        }
        return problems;
    }

    private static void read(JsonNode node, Class<?> model, String id, List<String> problems) {
        try {
            Object value = JSON.treeToValue(node, model);
            walk(value, id, problems, 0);
        } catch (JsonProcessingException e) {
            problems.add(id + ": " + e.getOriginalMessage() + " at " + e.getLocation());
        } catch (IllegalArgumentException e) {
            problems.add(id + ": " + e.getMessage());
        }
    }

    /** Every field the model kept aside as unknown, and every quantity that is not one, with its path. */
    private static void walk(Object value, String path, List<String> problems, int depth) {
        if (value == null || value instanceof Enum<?> || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, depth + 1));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, depth + 1);
            }
        } else if (value instanceof Quantity quantity) {
            checkQuantity(quantity, path, problems);
        } else if (isModel(value.getClass())) {
            walkFields(value, path, problems, depth);
        }
    }

    private static void walkFields(Object value, String path, List<String> problems, int depth) {
        for (Class<?> type = value.getClass(); type != null && isModel(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = get(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + unknown.keySet());
                    }
                } else {
                    walk(fieldValue, path + "." + field.getName(), problems, depth + 1);
                }
            }
        }
    }

    private static void checkQuantity(Quantity quantity, String path, List<String> problems) {
        try {
            Quantity.getAmountInBytes(quantity);
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(path + ": \"" + quantity + "\" is not a Kubernetes quantity");
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.") || name.startsWith("io.strimzi.api.");
    }

    private static Object get(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + " of the model", e);
        }
    }
}
