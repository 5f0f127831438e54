package mx.gob.dif.deploy;

import mx.gob.dif.deploy.infra.InfraDir;
import mx.gob.dif.deploy.infra.KafkaBroker;
import mx.gob.dif.deploy.infra.KeycloakServer;
import mx.gob.dif.deploy.infra.PostgresServer;
import mx.gob.dif.deploy.infra.Processes;
import mx.gob.dif.deploy.infra.TopicSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./dif up | down | status | token}: starts the whole platform on this machine with real
 * servers and no Docker, records every pid under the run directory, and stops exactly what it
 * started; hands out access tokens of the demo identities.
 */
public final class Launcher {
    private static final PrintStream OUT = System.out;
    private final Stack stack;
    private final Path infraDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Launcher(Stack stack, Path infraDir) {
        this.stack = stack;
        this.infraDir = infraDir;
    }

    /** The same installation driving another shape of the stack (e.g. more instances of a service, DIF_SCALE). */
    public Launcher of(Stack other) {
        return new Launcher(other, infraDir);
    }

    public static void main(String[] args) {
        int rc;
        try {
            rc = run(args);
        } catch (Exception e) {
            e.printStackTrace();
            rc = 1;
        }
        // also when a command failed: threads it left behind (HTTP clients, load generators) must not keep the JVM alive
        System.exit(rc);
    }

    private static int run(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        Path project = Path.of(System.getProperty("dif.project.dir", ".")).toAbsolutePath().normalize();
        Stack stack = Stack.fromEnvironment(project);
        Launcher launcher = new Launcher(stack, infraDirOf(project));
        int rc = switch (command) {
            case "up" -> launcher.up(!List.of(args).contains("--no-demo"));
            case "down" -> launcher.down();
            case "status" -> launcher.status();
            case "bench" -> new mx.gob.dif.deploy.bench.Benchmark(stack, launcher).run();
            case "chaos" -> mx.gob.dif.deploy.chaos.ChaosSuite.fromCommandLine(stack, launcher);
            case "token" -> new DemoSession(stack).token(List.of(args).subList(1, args.length));
            default -> {
                OUT.println("""
                        Uso: ./dif <comando>
                          up [--no-demo]  arranca PostgreSQL, Kafka, Keycloak, los cuatro servicios y la consola web, y carga los datos de demostración
                          down            detiene todo lo que arrancó 'up'
                          status          muestra qué está corriendo
                          token <usuario|cliente> [contraseña|secreto]
                                          imprime un token de acceso (p. ej. TOKEN=$(./dif token operador.durango))
                          bench           mide el desempeño del stack en marcha y escribe docs/PERFORMANCE.md
                          chaos           inyecta fallas (kill -9, congelamiento, evento envenenado) bajo carga,
                                          verifica que ningún reporte aceptado se pierda o cuente doble y escribe docs/RELIABILITY.md
                        Registros en %s""".formatted(stack.logs()));
                yield "help".equals(command) ? 0 : 2;
            }
        };
        return rc;
    }

    private static Path infraDirOf(Path project) {
        if (System.getProperty("dif.infra.dir") == null && System.getenv("DIF_INFRA_DIR") == null) {
            System.setProperty("dif.infra.dir", project.resolve("deploy/target/infra").toString());
        }
        return InfraDir.locate();
    }

    // ---------------------------------------------------------------- up

    public int up(boolean loadDemo) throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(stack.logs());
        Files.createDirectories(stack.pids());
        List<String> problems = preflight();
        if (!problems.isEmpty()) {
            OUT.println("No se puede arrancar:");
            problems.forEach(p -> OUT.println("  - " + p));
            return 1;
        }
        startPostgres();
        startKafka();
        startKeycloak();
        for (Stack.Service s : stack.services()) {
            startService(s);
        }
        for (Stack.Service s : stack.services()) {
            if (!waitHealthy(s)) {
                return 1;
            }
        }
        DemoSession demo = new DemoSession(stack);
        if (loadDemo) {
            demo.loadData();
        }
        OUT.printf("%nPlataforma DIF lista en %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        OUT.println("  Consola web:  " + stack.consoleUrl() + " (abra esta dirección en el navegador e inicie sesión con un usuario de abajo)");
        OUT.println("  Gateway:      " + stack.gatewayUrl() + "/api/v1 (toda llamada lleva un token: Authorization: Bearer <token>)");
        OUT.println("  Salud:        " + stack.gatewayUrl() + "/q/health");
        OUT.println("  Documentación: " + stack.gatewayUrl() + "/q/swagger-ui");
        OUT.println("  Keycloak:     " + stack.oidcUrl() + (stack.externalKeycloak() ? " (externo)"
                : " (consola de administración: " + stack.keycloakUrl() + "/admin, usuario admin, contraseña admin "
                + "salvo DIF_KEYCLOAK_ADMIN_PASSWORD)"));
        OUT.println("  Registros:    " + stack.logs());
        OUT.println("  Detener:      ./dif down");
        demo.printIdentities();
        return 0;
    }

    /** Everything that would make 'up' fail half-way is checked first, with what to do about it. */
    List<String> preflight() {
        List<String> problems = new ArrayList<>();
        try {
            stack.scale();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        if (Runtime.version().feature() < 21) {
            problems.add("Se necesita Java 21 o posterior (este es " + Runtime.version() + "). Defina JAVA_HOME.");
        }
        for (Stack.Service s : stack.services()) {
            if (!Files.exists(s.jar(stack.projectDir()))) {
                problems.add("Falta " + s.jar(stack.projectDir()) + ". Compile con: ./mvnw -DskipTests package");
            }
            if (!running(s.name()) && !Processes.isPortFree(s.port())) {
                problems.add("El puerto " + s.port() + " (" + s.name() + ") está ocupado por otro programa. "
                        + "Deténgalo o use DIF_" + s.name().toUpperCase() + "_PORT=<otro>.");
            }
        }
        if (!stack.externalPostgres() && !postgres().isRunning() && !Processes.isPortFree(stack.postgresPort())) {
            problems.add("El puerto " + stack.postgresPort() + " (PostgreSQL) está ocupado. Use DIF_PG_PORT=<otro> o "
                    + "DIF_PG_EXTERNAL=true para usar ese servidor.");
        }
        if (!stack.externalKafka() && !kafka().isRunning()) {
            for (int p : List.of(stack.kafkaPort(), stack.kafkaControllerPort())) {
                if (!Processes.isPortFree(p)) {
                    problems.add("El puerto " + p + " (Kafka) está ocupado. Use DIF_KAFKA_PORT / DIF_KAFKA_CONTROLLER_PORT "
                            + "o DIF_KAFKA_BOOTSTRAP=<host:puerto> para un clúster externo.");
                }
            }
        }
        try {
            stack.kafkaReplication();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        stack.keycloakProblem().ifPresent(problems::add);
        if (!stack.externalKeycloak() && !Processes.readPid(keycloak().pidFile()).map(Processes::isAlive).orElse(false)) {
            for (int port : List.of(stack.keycloakPort(), stack.keycloakManagementPort())) {
                if (!Processes.isPortFree(port)) {
                    problems.add("El puerto " + port + " (Keycloak) está ocupado. Use DIF_KEYCLOAK_PORT / DIF_KEYCLOAK_MANAGEMENT_PORT.");
                }
            }
        }
        return problems;
    }

    private PostgresServer postgres() {
        return new PostgresServer(infraDir, stack.runDir().resolve("postgres"), stack.postgresPort());
    }

    private KafkaBroker kafka() {
        return new KafkaBroker(infraDir, stack.runDir().resolve("kafka"), stack.kafkaPort(), stack.kafkaControllerPort(),
                stack.env().getOrDefault("DIF_KAFKA_HEAP", "512m"));
    }

    private void startPostgres() throws Exception {
        if (stack.externalPostgres()) {
            OUT.println("PostgreSQL externo en " + stack.postgresHost() + ":" + stack.postgresPort());
            return;
        }
        PostgresServer pg = postgres();
        if (pg.isRunning()) {
            OUT.println("PostgreSQL ya está corriendo en el puerto " + stack.postgresPort());
        } else {
            step("PostgreSQL (puerto " + stack.postgresPort() + ", datos en " + pg.dataDir() + ")", pg::start);
        }
        for (Stack.Service s : stack.services()) {
            if (s.database() != null) {
                pg.ensureDatabase(s.database(), s.database(), stack.dbPassword(s.database()));
            }
        }
    }

    private void startKafka() throws Exception {
        if (stack.externalKafka()) {
            OUT.println("Kafka externo en " + stack.kafkaBootstrap());
        } else {
            KafkaBroker kafka = kafka();
            if (kafka.isRunning()) {
                OUT.println("Kafka ya está corriendo en el puerto " + stack.kafkaPort());
            } else {
                step("Kafka KRaft (puerto " + stack.kafkaPort() + ")", kafka::start);
            }
        }
        KafkaBroker.ensureTopics(stack.kafkaBootstrap(), TopicSpec.platformTopics(stack.kafkaReplication()));
    }

    private KeycloakServer keycloak() {
        return new KeycloakServer(infraDir, stack.runDir().resolve("keycloak"),
                stack.realmFile(), stack.keycloakPort(),
                stack.keycloakManagementPort(), stack.jdbcUrl("keycloak"));
    }

    /** Keycloak comes before the services: they fetch the realm's keys from it to validate tokens. */
    private void startKeycloak() throws Exception {
        if (stack.externalKeycloak()) {
            OUT.println("Keycloak externo: " + stack.oidcUrl());
            return;
        }
        KeycloakServer kc = keycloak();
        if (kc.isRunning()) {
            OUT.println("Keycloak ya está corriendo en el puerto " + stack.keycloakPort());
            kc.awaitRealm(KeycloakServer.START_TIMEOUT);
        } else {
            if (!stack.externalPostgres()) {
                postgres().ensureDatabase("keycloak", "keycloak", stack.dbPassword("keycloak"));
            }
            step("Keycloak (puerto " + stack.keycloakPort() + ", la primera vez tarda 1–2 min)",
                    () -> kc.start("keycloak", stack.dbPassword("keycloak")));
        }
        String issuer = kc.publishedIssuer().orElse("(sin respuesta)");
        if (!issuer.equals(stack.oidcUrl())) {
            OUT.println("Aviso: Keycloak emite tokens con el emisor " + issuer + " pero los servicios esperan " + stack.oidcUrl()
                    + "; los rechazarán. Reinicie Keycloak con ./dif down && ./dif up.");
        }
    }

    private void startService(Stack.Service s) throws IOException {
        if (running(s.name())) {
            OUT.println(s.name() + " ya está corriendo en el puerto " + s.port());
            return;
        }
        Map<String, String> env = new HashMap<>();
        // the development profile: the prod one (a packaged service's default) refuses the demo secrets this stack runs with
        env.put("QUARKUS_PROFILE", "dev");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
        env.put("DIF_OIDC_URL", stack.oidcUrl());
        if (s.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", s.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", stack.dbPassword(s.database()));
        }
        // each instance names its own consumer groups where every instance must read everything (the catalog)
        env.put(s.service().toUpperCase() + "_INSTANCE_ID", s.name());
        env.putAll(stack.gatewayRoutes());
        // the console calls the public API through the gateway, with the signed-in person's token
        env.put("CONSOLE_API_URL", stack.gatewayUrl());
        List<String> cmd = List.of(Processes.javaExecutable(), "-Xmx" + stack.serviceHeap(), "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-jar", s.jar(stack.projectDir()).toString());
        long pid = Processes.startDetached(cmd, stack.projectDir().resolve(s.module()), env,
                stack.logs().resolve(s.name() + ".log"), pidFile(s.name()));
        OUT.printf("%-13s arrancando (pid %d, puerto %d)%n", s.name(), pid, s.port());
    }

    private boolean waitHealthy(Stack.Service s) {
        long t0 = System.nanoTime();
        String url = "http://127.0.0.1:" + s.port() + "/q/health/ready";
        boolean up = Processes.waitUntil(() -> healthy(url) || !running(s.name()), Duration.ofSeconds(180));
        if (!up || !running(s.name())) {
            OUT.println(s.name() + " no quedó sano. Últimas líneas de " + stack.logs().resolve(s.name() + ".log") + ":");
            OUT.println(Processes.tail(stack.logs().resolve(s.name() + ".log"), 25));
            return false;
        }
        OUT.printf("%-13s UP (%.1f s)%n", s.name(), (System.nanoTime() - t0) / 1e9);
        return true;
    }

    private boolean healthy(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Starts one component again after a crash with the same code as 'up' and waits until it serves:
     * a service by its name, or "postgres", "kafka" or "keycloak" (then a running Keycloak is stopped first).
     */
    public boolean restart(String name) throws Exception {
        switch (name) {
            case "postgres" -> startPostgres();
            case "kafka" -> startKafka();
            case "keycloak" -> {
                keycloak().stop();
                startKeycloak();
            }
            default -> {
                Stack.Service s = stack.services().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown component " + name));
                startService(s);
                return waitHealthy(s);
            }
        }
        return true;
    }

    /** The pid of a running component: a service by its name, or "postgres" (the postmaster), "kafka", "keycloak". */
    public Optional<Long> pidOf(String name) {
        Path file = switch (name) {
            case "postgres" -> postgres().dataDir().resolve("postmaster.pid");
            case "kafka" -> kafka().pidFile();
            case "keycloak" -> keycloak().pidFile();
            default -> pidFile(name);
        };
        return Processes.readPid(file).filter(Processes::isAlive);
    }

    // ---------------------------------------------------------------- down / status

    public int down() {
        List<String> names = new ArrayList<>(stack.services().stream().map(Stack.Service::name).toList());
        names.addAll(otherInstances());
        java.util.Collections.reverse(names);
        for (String name : names) {
            stopService(name);
        }
        if (!stack.externalKeycloak() && Processes.readPid(keycloak().pidFile()).map(Processes::isAlive).orElse(false)) {
            keycloak().stop();
            OUT.println("Keycloak detenido");
        }
        if (!stack.externalKafka() && kafka().isRunning()) {
            kafka().stop();
            OUT.println("Kafka detenido");
        }
        if (!stack.externalPostgres() && postgres().isRunning()) {
            postgres().stop();
            OUT.println("PostgreSQL detenido");
        }
        OUT.println("Todo detenido. Los datos se conservan en " + stack.runDir());
        return 0;
    }

    public int status() {
        OUT.printf("%-13s %-8s %-7s %s%n", "COMPONENTE", "PID", "PUERTO", "ESTADO");
        PostgresServer pg = postgres();
        OUT.printf("%-13s %-8s %-7d %s%n", "postgres", pidText(pg.dataDir().resolve("postmaster.pid")), stack.postgresPort(),
                stack.externalPostgres() ? "externo" : pg.isRunning() ? "corriendo" : "detenido");
        KafkaBroker kafka = kafka();
        OUT.printf("%-13s %-8s %-7d %s%n", "kafka", pidText(kafka.pidFile()), stack.kafkaPort(),
                stack.externalKafka() ? "externo" : kafka.isRunning() ? "corriendo" : "detenido");
        if (stack.externalKeycloak()) {
            OUT.printf("%-13s %-8s %-7s %s%n", "keycloak", "-", "-", "externo (" + stack.oidcUrl() + ")");
        } else {
            KeycloakServer kc = keycloak();
            OUT.printf("%-13s %-8s %-7d %s%n", "keycloak", pidText(kc.pidFile()), stack.keycloakPort(),
                    kc.isRunning() ? "corriendo" : "detenido");
        }
        boolean allUp = true;
        for (Stack.Service s : stack.services()) {
            boolean alive = running(s.name());
            boolean ok = alive && healthy("http://127.0.0.1:" + s.port() + "/q/health/ready");
            allUp &= ok;
            OUT.printf("%-13s %-8s %-7d %s%n", s.name(), pidText(pidFile(s.name())), s.port(),
                    ok ? "UP" : alive ? "arrancando o con fallas" : "detenido");
        }
        return allUp ? 0 : 3;
    }

    /** Stops one service instance (by its name, e.g. indicators-2) and forgets its pid; false when it was not running. */
    public boolean stopService(String name) {
        Optional<Long> pid = Processes.readPid(pidFile(name));
        boolean alive = pid.isPresent() && Processes.isAlive(pid.get());
        if (alive) {
            Processes.stop(pid.get(), Duration.ofSeconds(20));
            OUT.println(name + " detenido");
        }
        deleteQuietly(pidFile(name));
        return alive;
    }

    /** Instances with a pid file that this run's DIF_SCALE does not name (started with a larger one). */
    private List<String> otherInstances() {
        List<String> known = stack.services().stream().map(Stack.Service::name).toList();
        try (var files = Files.list(stack.pids())) {
            return files.map(f -> f.getFileName().toString().replaceFirst("\\.pid$", ""))
                    .filter(n -> n.matches("(programs|cases|indicators)-[0-9]+") && !known.contains(n)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------- helpers

    private boolean running(String name) {
        return Processes.readPid(pidFile(name)).map(Processes::isAlive).orElse(false);
    }

    private Path pidFile(String name) {
        return stack.pids().resolve(name + ".pid");
    }

    private static String pidText(Path pidFile) {
        return Processes.readPid(pidFile).filter(Processes::isAlive).map(String::valueOf).orElse("-");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private interface Step {
        long run() throws Exception;
    }

    private static void step(String what, Step step) throws Exception {
        long t0 = System.nanoTime();
        OUT.print(what + " ... ");
        OUT.flush();
        long pid = step.run();
        OUT.printf("listo (pid %d, %.1f s)%n", pid, (System.nanoTime() - t0) / 1e9);
    }
}
