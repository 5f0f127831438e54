package mx.gob.dif.e2e;

import mx.gob.dif.deploy.Launcher;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.InfraDir;
import mx.gob.dif.deploy.infra.PostgresServer;
import mx.gob.dif.deploy.infra.Processes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform started the way {@code ./dif up} starts it (same launcher, real PostgreSQL,
 * Kafka, Keycloak and service processes), on free ports and in a throw-away run directory, once per
 * test JVM. Keycloak imports the DIF realm afresh each run (a cold start takes up to ~2 minutes on a
 * slow machine), and every call the tests make carries a real token from it ({@link Tokens}).
 */
public final class PlatformStack {
    private static Stack stack;
    private static Launcher launcher;

    private PlatformStack() {
    }

    public static synchronized Stack get() {
        if (stack == null) {
            try {
                Path project = Path.of(System.getProperty("dif.project.dir", "..")).toAbsolutePath().normalize();
                Path runDir = project.resolve("e2e-tests/target/stack");
                Processes.run(List.of("rm", "-rf", runDir.toString()), null, Duration.ofMinutes(1));
                Map<String, String> env = new HashMap<>(System.getenv());
                env.put("DIF_HOME", runDir.toString());
                for (String name : List.of("PG", "KAFKA", "KAFKA_CONTROLLER", "GATEWAY", "PROGRAMS", "CASES", "INDICATORS",
                        "CONSOLE", "KEYCLOAK", "KEYCLOAK_MANAGEMENT")) {
                    env.put("DIF_" + name + "_PORT", Integer.toString(Processes.freePort()));
                }
                env.remove("DIF_KAFKA_BOOTSTRAP");
                env.remove("DIF_PG_EXTERNAL");
                env.remove("DIF_OIDC_URL");
                env.remove("DIF_KEYCLOAK");
                env.put("DIF_SERVICE_HEAP", "384m");
                stack = new Stack(project, runDir, env);
                launcher = new Launcher(stack, InfraDir.locate());
                if (launcher.up(false) != 0) {
                    throw new IllegalStateException("the platform did not come up; see " + runDir.resolve("logs"));
                }
                Runtime.getRuntime().addShutdownHook(new Thread(PlatformStack::stop));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return stack;
    }

    /**
     * Stops what {@link #get()} started and deletes its PostgreSQL data (as root from a private checkout
     * that data lives under /var/lib/dif, outside target/); safe to call more than once.
     */
    public static synchronized void stop() {
        if (launcher != null) {
            launcher.down();
            try {
                new PostgresServer(InfraDir.locate(), stack.runDir().resolve("postgres"), stack.postgresPort()).stopAndDeleteData();
            } catch (Exception e) {
                System.err.println("The e2e stack's PostgreSQL data was not deleted: " + e.getMessage());
            }
            launcher = null;
            stack = null;
        }
    }

    public static Launcher launcher() {
        get();
        return launcher;
    }
}
