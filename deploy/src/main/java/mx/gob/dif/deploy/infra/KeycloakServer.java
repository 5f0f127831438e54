package mx.gob.dif.deploy.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak (the distribution on Maven Central) in dev mode, importing the DIF realm on first
 * start. Its data is kept in the platform's PostgreSQL (database {@code keycloak}), so users and
 * sessions survive restarts.
 * <p>
 * Its public address is pinned ({@code --hostname=http://127.0.0.1:<port>}): every token carries the
 * same issuer, {@code http://127.0.0.1:<port>/realms/dif}, whether it was asked for through
 * {@code localhost} or {@code 127.0.0.1}, and that is the issuer the services expect.
 */
public final class KeycloakServer {
    public static final String REALM = "dif";
    /**
     * How long a start may take while the process lives (one that dies fails at once). Generous: on a
     * shared 2-core machine at load 40 a restart took 4.5 min (./dif chaos), a first start longer.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private final Path home;
    private final Path baseDir;
    private final Path realmFile;
    private final int port;
    private final int managementPort;
    private final String jdbcUrl;

    public KeycloakServer(Path infraDir, Path baseDir, Path realmFile, int port, int managementPort, String jdbcUrl) {
        this.home = findHome(infraDir);
        this.baseDir = baseDir;
        this.realmFile = realmFile;
        this.port = port;
        this.managementPort = managementPort;
        this.jdbcUrl = jdbcUrl;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public Path logFile() {
        return baseDir.resolve("keycloak.log");
    }

    public Path pidFile() {
        return baseDir.resolve("keycloak.pid");
    }

    /**
     * Its recorded process is alive, even if the realm does not answer yet: a Keycloak that is still
     * starting, or slow on a loaded machine, must not get a second one next to it ({@link #awaitRealm}).
     */
    public boolean isRunning() {
        return Processes.readPid(pidFile()).map(Processes::isAlive).orElse(false);
    }

    /** Waits until the realm answers; false when it did not within {@code timeout}. */
    public boolean awaitRealm(Duration timeout) {
        return Processes.waitUntil(this::realmReady, timeout);
    }

    public long start(String dbUser, String dbPassword) throws IOException {
        if (Processes.isListening(port)) {
            // else the other program's answers would pass for ours, and ours would die unable to bind
            throw new IOException("El puerto " + port + " ya está en uso (¿un Keycloak que ./dif no registró?). Deténgalo "
                    + "o use DIF_KEYCLOAK_PORT=<otro>.");
        }
        Files.createDirectories(baseDir);
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realmFile, imports.resolve("dif-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--db=postgres", "--db-url=" + jdbcUrl, "--db-username=" + dbUser, "--db-password=" + dbPassword,
                "--hostname=" + url(), "--log-level=WARN,org.keycloak.services:INFO,org.keycloak.exportimport:INFO");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", System.getenv().getOrDefault("DIF_KEYCLOAK_ADMIN_PASSWORD", "admin"),
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx" + System.getenv().getOrDefault("DIF_KEYCLOAK_HEAP", "768m"));
        long pid = Processes.startDetached(cmd, baseDir, env, logFile(), pidFile());
        boolean up = Processes.waitUntil(() -> realmReady() || !Processes.isAlive(pid), START_TIMEOUT);
        if (!up || !Processes.isAlive(pid)) {
            throw new IOException("Keycloak no arrancó en el puerto " + port + ". Últimas líneas del log:\n" + Processes.tail(logFile(), 30));
        }
        return pid;
    }

    public void stop() {
        Processes.readPid(pidFile()).ifPresent(pid -> Processes.stop(pid, Duration.ofSeconds(30)));
    }

    /** The issuer the realm publishes in its discovery document (what tokens carry), or empty if it does not answer. */
    public java.util.Optional<String> publishedIssuer() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(issuer() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"issuer\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            return r.statusCode() == 200 && m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private boolean realmReady() {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(issuer() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static Path findHome(Path infraDir) {
        try (var dirs = Files.list(infraDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(d.resolve("bin")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No Keycloak distribution under " + infraDir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
