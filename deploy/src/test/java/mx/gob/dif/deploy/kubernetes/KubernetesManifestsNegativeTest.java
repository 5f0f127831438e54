package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static mx.gob.dif.deploy.kubernetes.KubernetesManifestsTest.ROOT;
import static mx.gob.dif.deploy.kubernetes.KubernetesManifestsTest.production;
import static mx.gob.dif.deploy.kubernetes.KubernetesManifestsTest.schemaProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each check of {@link KubernetesManifestsTest} catches the mistake it is there for, on a changed copy of the render. */
class KubernetesManifestsNegativeTest {

    private static Manifests changed(Consumer<Manifests> change) {
        Manifests manifests = new Manifests(production().objects().stream().map(ObjectNode::deepCopy).toList());
        change.accept(manifests);
        return manifests;
    }

    private static ObjectNode container(Manifests manifests, String deployment) {
        return (ObjectNode) Manifests.containers(manifests.find("Deployment", deployment).orElseThrow()).getFirst();
    }

    private static ObjectNode at(Manifests manifests, String kind, String name, String pointer) {
        return (ObjectNode) manifests.find(kind, name).orElseThrow().at(pointer);
    }

    private static void assertMentions(List<String> problems, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), "no problem mentions \"" + fragment + "\": " + problems);
        }
    }

    @Test
    void aMisspelledFieldOfAKubernetesKindIsCaught() {
        Manifests manifests = changed(m -> {
            ObjectNode container = container(m, "indicators");
            container.set("readynessProbe", container.remove("readinessProbe"));
        });
        assertMentions(schemaProblems(manifests), "Deployment/indicators", "unknown field(s) [readynessProbe]");
        assertMentions(WorkloadRules.deployments(manifests), "Deployment/indicators container indicators: readinessProbe must GET /q/health/ready");
    }

    @Test
    void aMisspelledFieldOfAStrimziKindIsCaught() {
        Manifests manifests = changed(m -> at(m, "KafkaTopic", "dif-activities", "/spec").set("partition",
                at(m, "KafkaTopic", "dif-activities", "/spec").remove("partitions")));
        assertMentions(schemaProblems(manifests), "KafkaTopic/dif-activities", "unknown field(s) [partition]");
    }

    @Test
    void aWrongTypeAnUnknownStorageTypeAndABadQuantityAreCaught() {
        Manifests manifests = changed(m -> {
            at(m, "Deployment", "gateway", "/spec").put("replicas", "tres");
            ((ObjectNode) m.find("KafkaNodePool", "dual-role").orElseThrow().at("/spec/storage")).put("type", "cinta");
            ((ObjectNode) container(m, "cases").at("/resources/limits")).put("memory", "1 giga");
            ((ObjectNode) m.find("Cluster", "dif-cases-db").orElseThrow().at("/spec/resources/requests")).put("cpu", "mucho");
        });
        assertMentions(schemaProblems(manifests), "Deployment/gateway", "KafkaNodePool/dual-role", "1 giga", "mucho");
    }

    @Test
    void aMisspelledFieldOfTheImportedRealmIsCaught() {
        Manifests manifests = changed(m -> at(m, "KeycloakRealmImport", "dif-realm", "/spec/realm").put("accessTokenLifeSpan", 900));
        assertMentions(schemaProblems(manifests), "KeycloakRealmImport/dif-realm /spec/realm", "accessTokenLifeSpan");
    }

    @Test
    void aKindWithoutSchemaIsNotWavedThrough() {
        Manifests manifests = changed(m -> m.find("Deployment", "cases").orElseThrow().put("apiVersion", "apps/v1beta1"));
        assertMentions(schemaProblems(manifests), "no schema known for apps/v1beta1/Deployment");
    }

    @Test
    void aMissingProbeMissingResourcesAndAnUntaggedImageAreCaught() {
        Manifests manifests = changed(m -> {
            container(m, "programs").remove("livenessProbe");
            ((ObjectNode) container(m, "cases").at("/resources")).remove("limits");
            container(m, "console").put("image", "dif/console");
            ObjectNode startup = (ObjectNode) container(m, "gateway").at("/startupProbe/httpGet");
            startup.put("port", "management");
        });
        assertMentions(WorkloadRules.deployments(manifests),
                "Deployment/programs container programs: livenessProbe must GET /q/health/live",
                "Deployment/cases container cases: resources.limits.cpu is not set",
                "Deployment/console container console: image dif/console has no release tag",
                "startupProbe port \"management\" is not a port of the container");
    }

    @Test
    void aServiceWithoutAutoscalerOrDisruptionBudgetIsCaught() {
        Manifests manifests = changed(m -> {
            at(m, "HorizontalPodAutoscaler", "cases", "/spec/scaleTargetRef").put("name", "case");
            at(m, "PodDisruptionBudget", "gateway", "/spec/selector/matchLabels").put("app.kubernetes.io/name", "gw");
        });
        assertMentions(WorkloadRules.deployments(manifests), "Deployment/cases has no HorizontalPodAutoscaler",
                "Deployment/gateway has no PodDisruptionBudget");
    }

    @Test
    void weakerKafkaReplicationIsCaught() {
        Manifests manifests = changed(m -> {
            ObjectNode config = at(m, "Kafka", "dif-kafka", "/spec/kafka/config");
            config.put("default.replication.factor", 2);
            config.put("min.insync.replicas", 1);
            at(m, "KafkaNodePool", "dual-role", "/spec").put("replicas", 2);
            at(m, "KafkaTopic", "dif-cases", "/spec").put("replicas", 1);
        });
        assertMentions(BackingRules.kafka(manifests), "default.replication.factor must be 3 (is 2)",
                "min.insync.replicas must be 2 (is 1)", "must have 3 brokers in its node pools, has 2");
        assertMentions(BackingRules.topics(manifests, KubernetesManifestsTest.clusterTopics()),
                "KafkaTopic/dif-cases replicas must be 3 (is 1)");
    }

    @Test
    void aMissingTopicAChangedPolicyAndAnUnknownTopicAreCaught() {
        Manifests manifests = changed(m -> {
            at(m, "KafkaTopic", "dif-reporting-overdue", "/spec").put("topicName", "dif.reporting.atrasos");
            at(m, "KafkaTopic", "dif-catalog-targets", "/spec/config").put("cleanup.policy", "delete");
            at(m, "KafkaTopic", "dif-catalog-org-units", "/spec").put("partitions", 3);
        });
        assertMentions(BackingRules.topics(manifests, KubernetesManifestsTest.clusterTopics()),
                "no KafkaTopic for dif.reporting.overdue", "KafkaTopic dif.reporting.atrasos is not a topic of the platform",
                "dif.catalog.targets: config", "dif.catalog.org-units: 3 partitions where the platform has 1");
    }

    @Test
    void aSharedDatabaseAndAClusterWithoutBackupsAreCaught() {
        Manifests manifests = changed(m -> {
            ArrayNode env = (ArrayNode) container(m, "cases").path("env");
            env.forEach(e -> {
                if (e.path("name").asText().equals("QUARKUS_DATASOURCE_JDBC_URL")) {
                    ((ObjectNode) e).put("value", "jdbc:postgresql://dif-programs-db-rw:5432/dif_programs");
                } else if (e.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
                    ((ObjectNode) e.at("/valueFrom/secretKeyRef")).put("name", "dif-programs-db-app");
                }
            });
            at(m, "Cluster", "dif-indicators-db", "/spec").remove("plugins");
            at(m, "ScheduledBackup", "dif-cases-db-nightly", "/spec").remove("method");
            at(m, "ObjectStore", "dif-programs-db-backups", "/spec/configuration/s3Credentials").remove("secretAccessKey");
            at(m, "Cluster", "dif-keycloak-db", "/spec").put("instances", 1);
        });
        assertMentions(BackingRules.databases(manifests), "Cluster/dif-programs-db serves more than one service",
                "Cluster/dif-indicators-db: no backup", "Cluster/dif-programs-db: no backup",
                "Cluster/dif-cases-db has no ScheduledBackup", "Cluster/dif-keycloak-db instances must be 3 (is 1)");
    }

    @Test
    void secretValuesInTheManifestsAreCaught() {
        Manifests manifests = changed(m -> {
            container(m, "cases").path("env").forEach(e -> {
                if (e.path("name").asText().equals("CASES_PSEUDONYM_KEY")) {
                    ((ObjectNode) e).put("value", "dif-local-pseudonym-key-change-me").remove("valueFrom");
                }
            });
            at(m, "ConfigMap", "dif-gateway", "/data").put("GATEWAY_RATE_LIMIT_BURST", "dif_programs");
        });
        List<ServiceSettings> settings = KubernetesManifestsTest.existingServiceSettings();
        assertMentions(WorkloadRules.secrets(manifests, settings),
                "Deployment/cases: CASES_PSEUDONYM_KEY holds a secret but is not read from a Secret",
                "Deployment/cases: CASES_PSEUDONYM_KEY is a demo secret", "ConfigMap/dif-gateway: GATEWAY_RATE_LIMIT_BURST is a demo secret");
    }

    @Test
    void aSecretObjectWithDataIsCaught() throws IOException {
        ObjectNode secret = (ObjectNode) new ObjectMapper().readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"dif-cases-keys\"},\"stringData\":{\"pseudonym-key\":\"x\"}}");
        Manifests manifests = new Manifests(Stream.concat(production().objects().stream(), Stream.of(secret)).toList());
        assertMentions(WorkloadRules.secrets(manifests, List.of()), "Secret/dif-cases-keys writes secret values into the manifests");
    }

    @Test
    void aVariableNoServiceReadsAndAMissingProductionSecretAreCaught() {
        Manifests manifests = changed(m -> {
            at(m, "ConfigMap", "dif-gateway", "/data").put("GATEWAY_SERVICE_PROGRAMS", "http://programs:8081");
            ArrayNode env = (ArrayNode) container(m, "cases").path("env");
            for (int i = env.size() - 1; i >= 0; i--) {
                if (env.get(i).path("name").asText().equals("CASES_WEBHOOKS_SECRET_KEY")) {
                    env.remove(i);
                }
            }
        });
        assertMentions(WorkloadRules.environment(manifests, "gateway", ServiceSettings.of(ROOT, ROOT.resolve("gateway"))),
                "GATEWAY_SERVICE_PROGRAMS is not read by the service");
        assertMentions(WorkloadRules.environment(manifests, "cases", ServiceSettings.of(ROOT, ROOT.resolve("cases-service"))),
                "the production secret cases.webhooks.secret-key is not set");
    }

    @Test
    void aRealmThatDriftedFromTheRepositoryIsCaught() throws IOException {
        Manifests manifests = changed(m -> at(m, "KeycloakRealmImport", "dif-realm", "/spec/realm").put("sslRequired", "none"));
        assertMentions(BackingRules.keycloak(manifests, KubernetesManifestsTest.productionRealm(), "https://sso.dif.example/realms/dif"),
                "differs from deploy/keycloak/realm-production.json");
        assertMentions(BackingRules.keycloak(production(), KubernetesManifestsTest.productionRealm(), "https://otro.example/realms/dif"),
                "is not on Keycloak's host");
    }

    @Test
    void theRendererAppliesNamespaceAndImagesAndRefusesWhatItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [app.yaml]\n");
        Files.writeString(dir.resolve("base/app.yaml"), """
                # a comment before the first document
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: app}
                spec:
                  initContainers: [{name: init, image: registry.example:5000/dif/app:old}]
                  containers: [{name: app, image: dif/app}, {name: other, image: dif/application:1}]
                """);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                namespace: pruebas
                resources: [base]
                images: [{name: dif/app, newTag: "2.0"}, {name: registry.example:5000/dif/app, newName: dif/app, newTag: "3.0"}]
                """);
        JsonNode pod = Kustomize.build(dir).getFirst();
        assertEquals("pruebas", pod.at("/metadata/namespace").asText());
        assertEquals("dif/app:2.0", pod.at("/spec/containers/0/image").asText());
        assertEquals("dif/application:1", pod.at("/spec/containers/1/image").asText());
        assertEquals("dif/app:3.0", pod.at("/spec/initContainers/0/image").asText());

        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [base]\npatches: [{path: p.yaml}]\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Kustomize.build(dir));
        assertTrue(refused.getMessage().contains("[patches]"), refused.getMessage());

        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [base, base/app.yaml]\n");
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Kustomize.build(dir));
        assertTrue(twice.getMessage().contains("Pod//app is defined twice"), twice.getMessage());
    }
}
