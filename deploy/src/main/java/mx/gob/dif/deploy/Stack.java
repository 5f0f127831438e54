package mx.gob.dif.deploy;

import mx.gob.dif.deploy.infra.Replication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as the launcher runs it: ports, directories, the four services and the web console. Every value
 * can be changed with an environment variable (listed in the README).
 */
public record Stack(Path projectDir, Path runDir, Map<String, String> env) {

    /**
     * One process of a service: {@code name} is the instance's (its pid file, its log, {@code ./dif status}),
     * {@code service} the service's; the first instance of a service is named after it.
     */
    public record Service(String name, String module, int port, String database, String service) {
        public Service(String name, String module, int port, String database) {
            this(name, module, port, database, name);
        }

        public Path jar(Path projectDir) {
            return projectDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    public static Stack fromEnvironment(Path projectDir) {
        Map<String, String> env = System.getenv();
        Path runDir = Path.of(env.getOrDefault("DIF_HOME", projectDir.resolve(".dif").toString())).toAbsolutePath();
        return new Stack(projectDir.toAbsolutePath(), runDir, env);
    }

    public int port(String name, int defaultPort) {
        return Integer.parseInt(env.getOrDefault("DIF_" + name + "_PORT", Integer.toString(defaultPort)));
    }

    public int postgresPort() {
        return port("PG", 55432);
    }

    public String postgresHost() {
        return env.getOrDefault("DIF_PG_HOST", "127.0.0.1");
    }

    /** An external PostgreSQL is used as is: the launcher starts none. */
    public boolean externalPostgres() {
        return Boolean.parseBoolean(env.getOrDefault("DIF_PG_EXTERNAL", "false"));
    }

    public int kafkaPort() {
        return port("KAFKA", 59092);
    }

    public int kafkaControllerPort() {
        return port("KAFKA_CONTROLLER", 59093);
    }

    /** An external Kafka cluster is used as is when DIF_KAFKA_BOOTSTRAP is set. */
    public String kafkaBootstrap() {
        return env.getOrDefault("DIF_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort());
    }

    public boolean externalKafka() {
        return env.containsKey("DIF_KAFKA_BOOTSTRAP");
    }

    /**
     * Replication of the platform's topics (DIF_KAFKA_REPLICATION_FACTOR, DIF_KAFKA_MIN_INSYNC_REPLICAS);
     * an invalid combination is an {@link IllegalArgumentException} whose message says what to change.
     */
    public Replication kafkaReplication() {
        Replication r = Replication.fromEnvironment(env);
        if (r.factor() > 1 && !externalKafka()) {
            throw new IllegalArgumentException(Replication.FACTOR_VARIABLE + "=" + r.factor() + " necesita un clúster de "
                    + "Kafka con al menos " + r.factor() + " brokers (DIF_KAFKA_BOOTSTRAP=<host:puerto,...>); el Kafka "
                    + "que arranca ./dif es un solo broker: quite la variable o use 1.");
        }
        return r;
    }

    public int keycloakPort() {
        return port("KEYCLOAK", 8180);
    }

    public int keycloakManagementPort() {
        return port("KEYCLOAK_MANAGEMENT", 9180);
    }

    /**
     * The URL of the DIF realm that issues tokens and against which the gateway and every service
     * validate them: DIF_OIDC_URL for a Keycloak of your own (then none is started), else ours.
     */
    public String oidcUrl() {
        String external = env.get("DIF_OIDC_URL");
        return external != null && !external.isBlank() ? external.trim() : keycloakUrl() + "/realms/dif";
    }

    /** Our Keycloak (the one 'up' starts), always on the loopback address it is pinned to. */
    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort();
    }

    /** A Keycloak of your own (DIF_OIDC_URL) is used as is: the launcher starts none. */
    public boolean externalKeycloak() {
        String external = env.get("DIF_OIDC_URL");
        return external != null && !external.isBlank();
    }

    /**
     * Why this environment cannot work, if it cannot: DIF_KEYCLOAK=false (a platform without Keycloak)
     * was possible before tokens were enforced; now nothing under /api answers without a token.
     */
    public java.util.Optional<String> keycloakProblem() {
        if ("false".equalsIgnoreCase(env.getOrDefault("DIF_KEYCLOAK", "true").trim())) {
            return java.util.Optional.of("DIF_KEYCLOAK=false ya no se admite: el gateway y los servicios validan cada token "
                    + "contra Keycloak, y sin él ninguna llamada a /api pasaría. Quite la variable (se arranca el Keycloak "
                    + "local) o use DIF_OIDC_URL=<URL del realm dif> para un Keycloak propio.");
        }
        return java.util.Optional.empty();
    }

    /** Password of Keycloak's bootstrap administrator (master realm, user admin). */
    public String keycloakAdminPassword() {
        return env.getOrDefault("DIF_KEYCLOAK_ADMIN_PASSWORD", "admin");
    }

    public Path realmFile() {
        return projectDir.resolve("deploy/keycloak/dif-realm.json");
    }

    public int gatewayPort() {
        return port("GATEWAY", 8080);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort();
    }

    /** Every process to run, the gateway and the console (which calls through it) last: {@link #scale()} instances of each service. */
    public List<Service> services() {
        List<Service> all = new ArrayList<>();
        for (Service s : List.of(
                new Service("programs", "programs-service", port("PROGRAMS", 8081), "dif_programs"),
                new Service("cases", "cases-service", port("CASES", 8082), "dif_cases"),
                new Service("indicators", "indicators-service", port("INDICATORS", 8083), "dif_indicators"),
                new Service("gateway", "gateway", gatewayPort(), null),
                new Service("console", "console", port("CONSOLE", 8084), null))) {
            all.add(s);
            for (int n = 2; n <= scale().getOrDefault(s.name(), 1); n++) {
                String name = s.name() + "-" + n;
                // the second instance 100 ports up, the third 200 up...; DIF_INDICATORS_2_PORT etc. choose otherwise
                all.add(new Service(name, s.module(), port(s.name().toUpperCase() + "_" + n, s.port() + 100 * (n - 1)), s.database(),
                        s.name()));
            }
        }
        return all;
    }

    /**
     * Where the gateway finds every other service: {@code GATEWAY_SERVICES_<SERVICE>} → the addresses of its instances,
     * read off {@link #services()} so that a service added there is routed without another list to keep in step.
     */
    public Map<String, String> gatewayRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (Service s : services()) {
            if (!s.service().equals("gateway")) {
                routes.merge("GATEWAY_SERVICES_" + s.service().toUpperCase(), "http://127.0.0.1:" + s.port(), (a, b) -> a + "," + b);
            }
        }
        return routes;
    }

    /** The instances of one service. */
    public List<Service> instances(String service) {
        return services().stream().filter(s -> s.service().equals(service)).toList();
    }

    /**
     * Instances per service from DIF_SCALE, e.g. {@code indicators=2,programs=2} (every other service: one). The
     * gateway is not scaled here: in front of several gateways stands a load balancer this launcher does not run.
     */
    public Map<String, Integer> scale() {
        Map<String, Integer> out = new HashMap<>();
        String spec = env.getOrDefault("DIF_SCALE", "");
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String name = kv[0].strip();
            if (kv.length != 2 || !List.of("programs", "cases", "indicators").contains(name) || !kv[1].strip().matches("[1-9]")) {
                throw new IllegalArgumentException("DIF_SCALE=" + spec + " no es válido: use servicio=instancias separados por comas "
                        + "(servicios: programs, cases, indicators; de 1 a 9 instancias), p. ej. DIF_SCALE=indicators=2,programs=2.");
            }
            out.put(name, Integer.parseInt(kv[1].strip()));
        }
        return out;
    }

    /** Where a person opens the web console: the gateway serves it at its root. */
    public String consoleUrl() {
        return "http://localhost:" + gatewayPort() + "/";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    /** Password of a service's database role; the same as its name unless DIF_PG_PASSWORD_<DB> says otherwise. */
    public String dbPassword(String database) {
        return env.getOrDefault("DIF_PG_PASSWORD_" + database.toUpperCase(), database);
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path pids() {
        return runDir.resolve("pids");
    }

    public String serviceHeap() {
        return env.getOrDefault("DIF_SERVICE_HEAP", "512m");
    }
}
