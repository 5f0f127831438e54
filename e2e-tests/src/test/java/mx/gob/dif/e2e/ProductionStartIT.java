package mx.gob.dif.e2e;

import mx.gob.dif.deploy.infra.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's runnable jar, started the way an operator would start it in production (the prod
 * profile), refuses a demo secret or a realm without https before it touches anything, naming the
 * setting in Spanish; with its own secrets it starts. No stack: nothing else is running (the
 * database URL points at a closed port, so a service that got past the check would fail differently).
 */
class ProductionStartIT {
    private static final String HTTPS_REALM = "https://sso.dif.example/realms/dif";
    private static final Path PROJECT = Path.of(System.getProperty("dif.project.dir", "..")).toAbsolutePath().normalize();

    static Stream<Arguments> demoSettings() {
        return Stream.of(
                Arguments.of("programs-service", List.of("-Dquarkus.datasource.password=dif_programs", "-Dquarkus.oidc.auth-server-url=" + HTTPS_REALM),
                        "El secreto quarkus.datasource.password (variable de entorno QUARKUS_DATASOURCE_PASSWORD) tiene el valor de demostración"),
                Arguments.of("cases-service", List.of("-Dquarkus.datasource.password=propia-" + System.nanoTime(),
                                "-Dcases.pseudonym-key=dif-local-pseudonym-key-change-me", "-Dquarkus.oidc.auth-server-url=" + HTTPS_REALM),
                        "El secreto cases.pseudonym-key (variable de entorno CASES_PSEUDONYM_KEY) tiene el valor de demostración"),
                Arguments.of("indicators-service", List.of("-Dquarkus.datasource.password=dif_indicators", "-Dquarkus.oidc.auth-server-url=" + HTTPS_REALM),
                        "El secreto quarkus.datasource.password (variable de entorno QUARKUS_DATASOURCE_PASSWORD) tiene el valor de demostración"),
                Arguments.of("console", List.of("-Dquarkus.oidc.auth-server-url=" + HTTPS_REALM),
                        "El secreto quarkus.oidc.credentials.secret (variable de entorno QUARKUS_OIDC_CREDENTIALS_SECRET) tiene el valor de demostración"),
                // the demo default of the realm URL: plain http
                Arguments.of("gateway", List.of(),
                        "quarkus.oidc.auth-server-url (variable de entorno DIF_OIDC_URL) debe ser una dirección https en producción"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoSettings")
    void aProductionStartWithADemoSettingStopsNamingIt(String module, List<String> settings, String reason) throws Exception {
        Run run = start(module, settings, Duration.ofMinutes(4));
        assertTrue(run.exited, module + " did not stop:\n" + run.output);
        assertNotEquals(0, run.exitCode, module + " exited 0:\n" + run.output);
        assertTrue(run.output.contains(reason), module + " did not name the setting:\n" + run.output);
        assertFalse(run.output.contains("Flyway") || run.output.contains("Listening on"), module + " went past the check:\n" + run.output);
    }

    @Test
    void casesServiceListsEveryDemoSecretAtOnce() throws Exception {
        Run run = start("cases-service", List.of(), Duration.ofMinutes(4));
        assertTrue(run.exited, run.output);
        assertNotEquals(0, run.exitCode);
        for (String setting : List.of("DIF_OIDC_URL", "QUARKUS_DATASOURCE_PASSWORD", "CASES_PSEUDONYM_KEY",
                "CASES_WEBHOOKS_SECRET_KEY")) {
            assertTrue(run.output.contains("(variable de entorno " + setting + ")"), setting + " not named:\n" + run.output);
        }
    }

    @Test
    void withItsOwnSettingsTheGatewayStartsInProduction() throws Exception {
        Run run = start("gateway", List.of("-Dquarkus.oidc.auth-server-url=" + HTTPS_REALM), Duration.ofMinutes(4), "Profile prod activated");
        assertFalse(run.exited, "the gateway stopped:\n" + run.output);
        assertTrue(run.output.contains("Profile prod activated"), run.output);
        assertFalse(run.output.contains("Configuration validation failed"), run.output);
    }

    private record Run(boolean exited, int exitCode, String output) {
    }

    /**
     * Runs the module's jar with the prod profile until it exits or, if {@code until} is given, until its output
     * shows that text (then it is stopped).
     */
    private static Run start(String module, List<String> settings, Duration timeout, String... until) throws IOException, InterruptedException {
        Path jar = PROJECT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "build the services first: " + jar);
        Path log = Files.createTempFile(PROJECT.resolve("e2e-tests/target"), module + "-prod-", ".log");
        List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx256m", "-Dquarkus.profile=prod",
                "-Dquarkus.http.port=0", "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + Processes.freePort() + "/nada",
                "-Dkafka.bootstrap.servers=127.0.0.1:" + Processes.freePort()));
        cmd.addAll(settings);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(PROJECT.resolve(module).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        for (String inherited : List.of("QUARKUS_PROFILE", "DIF_OIDC_URL", "QUARKUS_DATASOURCE_PASSWORD", "CASES_PSEUDONYM_KEY",
                "CASES_WEBHOOKS_SECRET_KEY", "QUARKUS_OIDC_CREDENTIALS_SECRET")) {
            pb.environment().remove(inherited);
        }
        Process p = pb.start();
        try {
            boolean exited;
            if (until.length == 0) {
                exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                Processes.waitUntil(() -> !p.isAlive() || read(log).contains(until[0]), timeout);
                exited = !p.isAlive();
            }
            return new Run(exited, exited ? p.exitValue() : -1, read(log));
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
