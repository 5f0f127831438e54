package mx.gob.dif.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.deploy.infra.Replication;
import mx.gob.dif.deploy.infra.TopicSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/kubernetes renders (overlay production) and every object it produces validates against its kind's schema
 * and the rules, offline: no cluster, no kustomize binary. {@link KubernetesManifestsNegativeTest} shows
 * each check fails on the mistake it is there for.
 */
class KubernetesManifestsTest {
    /** Tests run in deploy/; the repository is its parent. */
    static final Path ROOT = Path.of("..");
    static final Path PRODUCTION = Path.of("kubernetes/overlays/production");
    /** Where each Deployment's service lives. */
    static final Map<String, String> MODULES = Map.of("programs", "programs-service", "cases", "cases-service",
            "indicators", "indicators-service", "gateway", "gateway", "console", "console");

    static Manifests production() {
        return new Manifests(Kustomize.build(PRODUCTION));
    }

    static JsonNode productionRealm() throws IOException {
        return new ObjectMapper().readTree(Files.readString(Path.of("keycloak/realm-production.json")));
    }

    static String oidcUrl(Manifests manifests) {
        return manifests.find("ConfigMap", "dif-platform").orElseThrow().at("/data/DIF_OIDC_URL").asText();
    }

    /** The platform's topics as the launcher creates them on a cluster of three brokers. */
    static List<TopicSpec> clusterTopics() {
        return TopicSpec.platformTopics(new Replication(3, 2));
    }

    static List<String> schemaProblems(Manifests manifests) {
        return manifests.objects().stream().flatMap(o -> Schemas.problems(o).stream()).toList();
    }

    static List<ServiceSettings> existingServiceSettings() {
        return MODULES.values().stream().map(ROOT::resolve).filter(Files::isDirectory)
                .map(dir -> ServiceSettings.of(ROOT, dir)).toList();
    }

    @Test
    void everyRenderedObjectValidatesAgainstItsSchema() {
        Manifests manifests = production();
        assertTrue(manifests.objects().size() >= 40, "rendered " + manifests.objects().size() + " objects");
        assertEquals(List.of(), schemaProblems(manifests));
    }

    @Test
    void theOverlayPlacesEverythingInItsNamespaceWithReleasedImages() {
        Manifests manifests = production();
        for (ObjectNode object : manifests.objects()) {
            assertEquals("dif", object.at("/metadata/namespace").asText(), Manifests.id(object));
        }
        for (String service : WorkloadRules.SERVICES) {
            JsonNode container = Manifests.containers(manifests.find("Deployment", service).orElseThrow()).getFirst();
            assertEquals("dif/" + service + ":1.0.0", container.path("image").asText());
        }
    }

    @Test
    void everyServiceHasProbesResourcesAServiceAnAutoscalerAndADisruptionBudget() {
        assertEquals(List.of(), WorkloadRules.deployments(production()));
    }

    @Test
    void kafkaHasThreeBrokersReplicationFactorThreeAndMinInsyncTwo() {
        assertEquals(List.of(), BackingRules.kafka(production()));
    }

    @Test
    void everyPlatformTopicIsAKafkaTopicWithTheLaunchersPolicies() {
        assertEquals(List.of(), BackingRules.topics(production(), clusterTopics()));
    }

    @Test
    void eachServiceHasADatabaseOfItsOwnWithThreeInstancesAndBackups() {
        Manifests manifests = production();
        assertEquals(List.of(), BackingRules.databases(manifests));
        assertEquals(4, manifests.ofKind("Cluster").size(), "programs, cases, indicators and Keycloak");
    }

    @Test
    void keycloakRunsOnItsOwnDatabaseAndImportsTheProductionRealm() throws IOException {
        Manifests manifests = production();
        assertEquals(List.of(), BackingRules.keycloak(manifests, productionRealm(), oidcUrl(manifests)));
    }

    @Test
    void theIngressReachesTheGateway() {
        Manifests manifests = production();
        assertEquals(List.of(), BackingRules.ingress(manifests));
        assertEquals("gateway", manifests.ofKind("Ingress").getFirst().at("/spec/rules/0/http/paths/0/backend/service/name").asText());
    }

    @Test
    void noSecretValueIsWrittenIntoTheManifests() {
        List<ServiceSettings> settings = existingServiceSettings();
        assertTrue(settings.stream().anyMatch(s -> !s.secrets().isEmpty()), "demo secrets read from the services");
        assertEquals(List.of(), WorkloadRules.secrets(production(), settings));
    }

    /** One test per service, so that a service whose module is not in this checkout shows as skipped, not as passed. */
    @TestFactory
    Stream<DynamicTest> eachServiceGetsExactlyTheSettingsItReads() {
        Manifests manifests = production();
        return WorkloadRules.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service, () -> {
            Path module = ROOT.resolve(MODULES.get(service));
            assumeTrue(Files.isDirectory(module), module + " is not in this checkout");
            ServiceSettings settings = ServiceSettings.of(ROOT, module);
            assertEquals(List.of(), WorkloadRules.environment(manifests, service, settings));
        }));
    }
}
