package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The issue's rules for the platform's own workloads: each of the five services is a Deployment whose containers
 * have startup, readiness and liveness probes on the SmallRye Health endpoints and CPU and memory requests and
 * limits, a tagged image, a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget; its environment names
 * only what the service reads; no secret is written into the manifests.
 */
final class WorkloadRules {
    static final List<String> SERVICES = List.of("programs", "cases", "indicators", "gateway", "console");
    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");
    /** A variable by this name holds a secret: it must come from a Secret, never from a value or a ConfigMap. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN|CREDENTIAL).*");

    private WorkloadRules() {
    }

    static List<String> deployments(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            if (manifests.find("Deployment", service).isEmpty()) {
                problems.add("Deployment/" + service + " is missing");
            }
        }
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            String name = Manifests.name(deployment);
            if (Manifests.containers(deployment).isEmpty()) {
                problems.add("Deployment/" + name + " has no container");
            }
            for (JsonNode container : Manifests.containers(deployment)) {
                String where = "Deployment/" + name + " container " + container.path("name").asText();
                probes(container, where, problems);
                resources(container, where, problems);
                image(container, where, problems);
            }
            companions(manifests, deployment, problems);
        }
        return problems;
    }

    private static void probes(JsonNode container, String where, List<String> problems) {
        PROBES.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            if (!path.equals(get.path("path").asText())) {
                problems.add(where + ": " + probe + " must GET " + path + " (is " + container.path(probe) + ")");
            } else if (!declaresPort(container, get.path("port"))) {
                problems.add(where + ": " + probe + " port " + get.path("port") + " is not a port of the container");
            }
        });
    }

    private static boolean declaresPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.isTextual() ? port.asText().equals(declared.path("name").asText())
                    : port.asInt() == declared.path("containerPort").asInt()) {
                return true;
            }
        }
        return false;
    }

    private static void resources(JsonNode container, String where, List<String> problems) {
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (container.path("resources").path(bound).path(resource).asText().isBlank()) {
                    problems.add(where + ": resources." + bound + "." + resource + " is not set");
                }
            }
        }
    }

    private static void image(JsonNode container, String where, List<String> problems) {
        String image = container.path("image").asText();
        boolean tagged = image.contains("@") || image.lastIndexOf(':') > image.lastIndexOf('/');
        if (!tagged || image.endsWith(":latest")) {
            problems.add(where + ": image " + image + " has no release tag (the overlay's images: sets it)");
        }
    }

    /** The Service, HorizontalPodAutoscaler and PodDisruptionBudget that go with a Deployment. */
    private static void companions(Manifests manifests, ObjectNode deployment, List<String> problems) {
        String name = Manifests.name(deployment);
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode service = manifests.find("Service", name).orElse(null);
        if (service == null || !selects(service.at("/spec/selector"), podLabels)) {
            problems.add("Deployment/" + name + " has no Service selecting its pods");
        }
        JsonNode hpa = manifests.find("HorizontalPodAutoscaler", name).orElse(null);
        if (hpa == null || !name.equals(hpa.at("/spec/scaleTargetRef/name").asText())
                || !"Deployment".equals(hpa.at("/spec/scaleTargetRef/kind").asText())) {
            problems.add("Deployment/" + name + " has no HorizontalPodAutoscaler scaling it");
        } else if (hpa.at("/spec/minReplicas").asInt() < 2 || hpa.at("/spec/maxReplicas").asInt() < hpa.at("/spec/minReplicas").asInt()) {
            problems.add("HorizontalPodAutoscaler/" + name + ": at least 2 instances, and max not below min");
        }
        JsonNode pdb = manifests.find("PodDisruptionBudget", name).orElse(null);
        if (pdb == null || !selects(pdb.at("/spec/selector/matchLabels"), podLabels)) {
            problems.add("Deployment/" + name + " has no PodDisruptionBudget selecting its pods");
        }
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        List<String> unmatched = new ArrayList<>();
        selector.fields().forEachRemaining(e -> {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                unmatched.add(e.getKey());
            }
        });
        return unmatched.isEmpty();
    }

    /**
     * Each container's environment against what its service reads: no variable it would ignore (a typo is a
     * setting silently not applied), every production secret present and from a Secret, the realm's URL set.
     */
    static List<String> environment(Manifests manifests, String deployment, ServiceSettings settings) {
        List<String> problems = new ArrayList<>();
        ObjectNode object = manifests.find("Deployment", deployment).orElseThrow();
        for (JsonNode container : Manifests.containers(object)) {
            Map<String, JsonNode> env = manifests.environment(container, problems);
            String where = "Deployment/" + deployment + ": ";
            env.keySet().stream().filter(v -> !settings.variables().contains(v)).sorted()
                    .forEach(v -> problems.add(where + v + " is not read by the service (no such setting)"));
            for (ServiceSettings.Secret secret : settings.secrets()) {
                if (secret.variables().stream().noneMatch(env::containsKey)) {
                    problems.add(where + "the production secret " + secret.property() + " is not set (" + secret.variables() + ")");
                }
            }
            if (!env.containsKey("DIF_OIDC_URL")) {
                problems.add(where + "DIF_OIDC_URL is not set (production refuses to start without an https realm)");
            }
        }
        return problems;
    }

    /**
     * No secret in the manifests: no Secret object with data, every variable that holds a secret read from a
     * Secret (an operator's or one created at installation), and no demo secret of any service anywhere.
     */
    static List<String> secrets(Manifests manifests, List<ServiceSettings> settings) {
        List<String> problems = new ArrayList<>();
        Set<String> demoValues = settings.stream().flatMap(s -> s.secrets().stream()).map(ServiceSettings.Secret::demo)
                .filter(v -> !v.isBlank()).collect(Collectors.toSet());
        Set<String> secretVariables = settings.stream().flatMap(s -> s.secrets().stream())
                .flatMap(s -> s.variables().stream()).collect(Collectors.toSet());
        for (ObjectNode secret : manifests.ofKind("Secret")) {
            if (secret.has("data") || secret.has("stringData")) {
                problems.add(Manifests.id(secret) + " writes secret values into the manifests");
            }
        }
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : Manifests.containers(deployment)) {
                manifests.environment(container, problems).forEach((name, entry) -> {
                    boolean fromSecret = entry.at("/valueFrom/secretKeyRef/name").isTextual();
                    if ((SECRET_NAME.matcher(name).matches() || secretVariables.contains(name)) && !fromSecret) {
                        problems.add(Manifests.id(deployment) + ": " + name + " holds a secret but is not read from a Secret");
                    }
                });
            }
        }
        for (ObjectNode map : manifests.ofKind("ConfigMap")) {
            map.path("data").fields().forEachRemaining(e -> {
                if (demoValues.contains(e.getValue().asText().trim())) {
                    problems.add(Manifests.id(map) + ": " + e.getKey() + " is a demo secret of the repository");
                }
            });
        }
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : Manifests.containers(deployment)) {
                for (JsonNode entry : container.path("env")) {
                    if (demoValues.contains(entry.path("value").asText().trim())) {
                        problems.add(Manifests.id(deployment) + ": " + entry.path("name").asText() + " is a demo secret of the repository");
                    }
                }
            }
        }
        return problems;
    }
}
