package mx.gob.dif.deploy.infra;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkout in a folder only its owner may enter (a clone under /root, a {@code mktemp -d} folder):
 * PostgreSQL starts from it, keeps its data across a stop and a start ({@code ./dif down}/{@code up}),
 * and starts empty after the run directory is deleted (the README's reset). As root PostgreSQL runs
 * as nobody, for whom this folder is closed; as any other user the folder is simply the user's own.
 */
class PrivateCheckoutTest {

    @Test
    void postgresRunsFromAFolderOnlyItsOwnerMayEnter() throws Exception {
        Path checkout = Files.createTempDirectory("dif-checkout",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(checkout)));
            Path infra = Files.createDirectories(checkout.resolve("deploy/target/infra"));
            Files.copy(InfraDir.locate().resolve("postgres-binaries.jar"), infra.resolve("postgres-binaries.jar"));
            Path runDir = checkout.resolve(".dif/postgres");
            int port = Processes.freePort();

            PostgresServer pg = new PostgresServer(infra, runDir, port);
            try {
                pg.start();
                try (Connection c = connect(pg); ResultSet rs = c.createStatement().executeQuery("select 1")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                    c.createStatement().execute("create table kept(id int); insert into kept values (42)");
                }
                pg.stop();
                assertFalse(pg.isRunning());

                pg.start();
                try (Connection c = connect(pg); ResultSet rs = c.createStatement().executeQuery("select id from kept")) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getInt(1));
                }
                pg.stop();

                Processes.run(List.of("rm", "-rf", checkout.resolve(".dif").toString()), null, Duration.ofMinutes(1));
                pg = new PostgresServer(infra, runDir, port);
                pg.start();
                try (Connection c = connect(pg);
                     ResultSet rs = c.createStatement().executeQuery("select to_regclass('kept') is null")) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1), "after deleting the run directory the database starts empty");
                }
            } finally {
                pg.stopAndDeleteData();
            }
        } finally {
            Processes.run(List.of("rm", "-rf", checkout.toString()), null, Duration.ofMinutes(1));
        }
    }

    private static Connection connect(PostgresServer pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl("postgres"), PostgresServer.SUPERUSER, "");
    }
}
