package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.deploy.infra.TopicSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules for what the platform runs on: one Kafka cluster of 3 brokers, replication factor 3 and
 * min.insync.replicas 2, with every topic of the platform as the launcher specifies it (deploy's TopicSpec); one
 * PostgreSQL cluster of 3 instances with backups per database, no two services sharing one; Keycloak on its own
 * database, importing the production realm; the Ingress pointing at a Service that exists.
 */
final class BackingRules {
    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    private BackingRules() {
    }

    static List<String> kafka(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> clusters = manifests.ofKind("Kafka");
        if (clusters.size() != 1) {
            problems.add("one Kafka cluster expected, found " + clusters.size());
            return problems;
        }
        String cluster = Manifests.name(clusters.getFirst());
        JsonNode config = clusters.getFirst().at("/spec/kafka/config");
        expect(problems, "Kafka " + cluster + " default.replication.factor", "3", config.path("default.replication.factor"));
        expect(problems, "Kafka " + cluster + " min.insync.replicas", "2", config.path("min.insync.replicas"));
        expect(problems, "Kafka " + cluster + " offsets.topic.replication.factor", "3", config.path("offsets.topic.replication.factor"));
        expect(problems, "Kafka " + cluster + " transaction.state.log.replication.factor", "3",
                config.path("transaction.state.log.replication.factor"));
        expect(problems, "Kafka " + cluster + " transaction.state.log.min.isr", "2", config.path("transaction.state.log.min.isr"));
        int brokers = 0;
        for (ObjectNode pool : manifests.ofKind("KafkaNodePool")) {
            boolean ours = cluster.equals(pool.at("/metadata/labels/strimzi.io~1cluster").asText());
            boolean broker = pool.at("/spec/roles").toString().contains("\"broker\"");
            if (ours && broker) {
                brokers += pool.at("/spec/replicas").asInt();
            }
        }
        if (brokers != 3) {
            problems.add("Kafka " + cluster + " must have 3 brokers in its node pools, has " + brokers);
        }
        return problems;
    }

    /**
     * Every platform topic as a KafkaTopic of that cluster: replicated 3 times with min.insync.replicas 2, the
     * launcher's retention and cleanup policy, at least its partitions (one stays one: its consumers rely on the
     * order of the whole topic), and no topic the platform does not have.
     */
    static List<String> topics(Manifests manifests, List<TopicSpec> platform) {
        List<String> problems = new ArrayList<>();
        String cluster = manifests.ofKind("Kafka").stream().map(Manifests::name).findFirst().orElse("");
        Map<String, ObjectNode> byTopic = new HashMap<>();
        for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(Manifests.name(topic));
            byTopic.put(name, topic);
            if (!cluster.equals(topic.at("/metadata/labels/strimzi.io~1cluster").asText())) {
                problems.add(Manifests.id(topic) + " is not labelled strimzi.io/cluster: " + cluster);
            }
            expect(problems, Manifests.id(topic) + " replicas", "3", topic.at("/spec/replicas"));
            expect(problems, Manifests.id(topic) + " min.insync.replicas", "2", topic.at("/spec/config/min.insync.replicas"));
        }
        Set<String> expected = platform.stream().map(TopicSpec::name).collect(Collectors.toSet());
        byTopic.keySet().stream().filter(t -> !expected.contains(t)).sorted()
                .forEach(t -> problems.add("KafkaTopic " + t + " is not a topic of the platform (TopicSpec)"));
        for (TopicSpec spec : platform) {
            ObjectNode topic = byTopic.get(spec.name());
            if (topic == null) {
                problems.add("no KafkaTopic for " + spec.name());
                continue;
            }
            int partitions = topic.at("/spec/partitions").asInt();
            if (spec.partitions() == 1 ? partitions != 1 : partitions < spec.partitions()) {
                problems.add(spec.name() + ": " + partitions + " partitions where the platform has " + spec.partitions());
            }
            Map<String, String> config = new TreeMap<>();
            topic.at("/spec/config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            config.remove("min.insync.replicas");
            Map<String, String> platformConfig = new TreeMap<>(spec.config());
            platformConfig.remove("min.insync.replicas");
            if (!platformConfig.equals(config)) {
                problems.add(spec.name() + ": config " + config + " differs from the platform's " + platformConfig);
            }
        }
        return problems;
    }

    /**
     * Each service's JDBC URL names the read-write Service of a CloudNativePG cluster of its own whose bootstrap
     * creates that database, the credentials come from that cluster's app Secret, and every cluster has 3
     * instances and backups.
     */
    static List<String> databases(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, String> clusterOfService = new HashMap<>();
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : Manifests.containers(deployment)) {
                Map<String, JsonNode> env = manifests.environment(container, problems);
                if (env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                    database(manifests, Manifests.name(deployment), env, problems).ifPresent(c ->
                            clusterOfService.put(Manifests.name(deployment), c));
                }
            }
        }
        Set<String> shared = new HashSet<>();
        clusterOfService.values().stream().filter(c -> !shared.add(c))
                .forEach(c -> problems.add("Cluster/" + c + " serves more than one service"));
        for (ObjectNode cluster : manifests.ofKind("Cluster")) {
            String id = Manifests.id(cluster);
            expect(problems, id + " instances", "3", cluster.at("/spec/instances"));
            backups(manifests, cluster, problems);
        }
        return problems;
    }

    /**
     * WAL archived by the Barman Cloud plugin to an ObjectStore with a destination and credentials from a Secret,
     * and a nightly base backup through the same plugin.
     */
    private static void backups(Manifests manifests, ObjectNode cluster, List<String> problems) {
        String id = Manifests.id(cluster);
        JsonNode archiver = MissingNode.getInstance();
        for (JsonNode plugin : cluster.at("/spec/plugins")) {
            if (BARMAN_CLOUD.equals(plugin.path("name").asText()) && plugin.path("isWALArchiver").asBoolean()) {
                archiver = plugin;
            }
        }
        String storeName = archiver.at("/parameters/barmanObjectName").asText();
        JsonNode store = manifests.find("ObjectStore", storeName).map(o -> o.at("/spec/configuration")).orElse(MissingNode.getInstance());
        if (store.path("destinationPath").asText().isBlank()
                || !store.at("/s3Credentials/accessKeyId/name").isTextual()
                || !store.at("/s3Credentials/secretAccessKey/name").isTextual()) {
            problems.add(id + ": no backup (the " + BARMAN_CLOUD + " plugin as WAL archiver, to an ObjectStore with a "
                    + "destination and credentials from a Secret)");
        }
        boolean scheduled = manifests.ofKind("ScheduledBackup").stream()
                .anyMatch(b -> Manifests.name(cluster).equals(b.at("/spec/cluster/name").asText())
                        && "plugin".equals(b.at("/spec/method").asText())
                        && BARMAN_CLOUD.equals(b.at("/spec/pluginConfiguration/name").asText()));
        if (!scheduled) {
            problems.add(id + " has no ScheduledBackup through " + BARMAN_CLOUD);
        }
    }

    private static Optional<String> database(Manifests manifests, String service, Map<String, JsonNode> env, List<String> problems) {
        URI url = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText().replaceFirst("^jdbc:", ""));
        String host = url.getHost() == null ? "" : url.getHost();
        String cluster = host.replaceFirst("-rw$", "");
        Optional<ObjectNode> object = manifests.find("Cluster", cluster);
        if (!host.endsWith("-rw") || object.isEmpty()) {
            problems.add("Deployment/" + service + ": the JDBC URL's host " + host + " is not the -rw Service of a Cluster");
            return Optional.empty();
        }
        String database = url.getPath().replaceFirst("^/", "");
        expect(problems, "Cluster/" + cluster + " database (the one " + service + " uses)", database,
                object.get().at("/spec/bootstrap/initdb/database"));
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            String secret = env.getOrDefault(variable, MissingNode.getInstance())
                    .at("/valueFrom/secretKeyRef/name").asText();
            if (!secret.equals(cluster + "-app")) {
                problems.add("Deployment/" + service + ": " + variable + " must come from " + cluster + "-app (is " + secret + ")");
            }
        }
        return Optional.of(cluster);
    }

    /**
     * Keycloak on a database of its own, importing deploy/keycloak/realm-production.json unchanged, at the host the
     * services take as the realm's (its tokens' issuer).
     */
    static List<String> keycloak(Manifests manifests, JsonNode productionRealm, String oidcUrl) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> servers = manifests.ofKind("Keycloak");
        if (servers.size() != 1) {
            problems.add("one Keycloak expected, found " + servers.size());
            return problems;
        }
        ObjectNode keycloak = servers.getFirst();
        String cluster = keycloak.at("/spec/db/host").asText().replaceFirst("-rw$", "");
        Optional<ObjectNode> database = manifests.find("Cluster", cluster);
        if (database.isEmpty()) {
            problems.add("Keycloak's database host " + keycloak.at("/spec/db/host").asText() + " is not a Cluster's -rw Service");
        } else {
            expect(problems, "Keycloak's database", database.get().at("/spec/bootstrap/initdb/database").asText(),
                    keycloak.at("/spec/db/database"));
            expect(problems, "Keycloak's database user Secret", cluster + "-app", keycloak.at("/spec/db/usernameSecret/name"));
            expect(problems, "Keycloak's database password Secret", cluster + "-app", keycloak.at("/spec/db/passwordSecret/name"));
        }
        String host = URI.create(keycloak.at("/spec/hostname/hostname").asText()).getHost();
        if (host == null || !URI.create(oidcUrl).getHost().equals(host)) {
            problems.add("DIF_OIDC_URL " + oidcUrl + " is not on Keycloak's host " + keycloak.at("/spec/hostname/hostname"));
        }
        List<ObjectNode> imports = manifests.ofKind("KeycloakRealmImport");
        if (imports.size() != 1) {
            problems.add("one KeycloakRealmImport expected, found " + imports.size());
        } else {
            expect(problems, "KeycloakRealmImport's Keycloak", Manifests.name(keycloak), imports.getFirst().at("/spec/keycloakCRName"));
            if (!productionRealm.equals(imports.getFirst().at("/spec/realm"))) {
                problems.add("KeycloakRealmImport's realm differs from deploy/keycloak/realm-production.json: copy it again");
            }
        }
        return problems;
    }

    /** Every Ingress backend is a rendered Service with that port. */
    static List<String> ingress(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    JsonNode backend = path.at("/backend/service");
                    Optional<ObjectNode> service = manifests.find("Service", backend.path("name").asText());
                    JsonNode port = backend.path("port");
                    boolean exists = service.isPresent() && (port.has("name")
                            ? service.get().at("/spec/ports").findValuesAsText("name").contains(port.path("name").asText())
                            : service.get().at("/spec/ports").findValuesAsText("port").contains(port.path("number").asText()));
                    if (!exists) {
                        problems.add(Manifests.id(ingress) + ": backend " + backend + " is not a Service port of the manifests");
                    }
                }
            }
        }
        if (manifests.ofKind("Ingress").isEmpty()) {
            problems.add("no Ingress for the gateway");
        }
        return problems;
    }

    private static void expect(List<String> problems, String what, String expected, JsonNode actual) {
        if (!expected.equals(actual.asText())) {
            problems.add(what + " must be " + expected + " (is " + (actual.isMissingNode() ? "not set" : actual.asText()) + ")");
        }
    }
}
