package mx.gob.dif.deploy.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found by ./dif chaos: on a loaded machine the realm of a running Keycloak did not answer within 3 s,
 * so './dif up' started a second one, took the first one's answers for its own and recorded the second
 * one's pid; that one died unable to bind, and the running Keycloak could no longer be stopped or restarted.
 */
class KeycloakServerTest {
    @TempDir
    Path dir;

    private KeycloakServer server(int port) throws IOException {
        Files.createDirectories(dir.resolve("infra/keycloak-test/bin"));
        return new KeycloakServer(dir.resolve("infra"), dir.resolve("run"), dir.resolve("realm.json"), port, port + 1,
                "jdbc:postgresql://127.0.0.1:1/keycloak");
    }

    @Test
    void aRecordedLiveProcessIsRunningEvenBeforeItsRealmAnswers() throws IOException {
        KeycloakServer kc = server(Processes.freePort());
        assertFalse(kc.isRunning(), "no pid recorded");
        Files.createDirectories(kc.pidFile().getParent());
        Files.writeString(kc.pidFile(), Long.toString(ProcessHandle.current().pid()));
        assertTrue(kc.isRunning(), "a live recorded process is running, answering or not");
    }

    @Test
    void startRefusesAPortSomethingElseListensOn() throws IOException {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("127.0.0.1", 0));
            KeycloakServer kc = server(other.getLocalPort());
            IOException e = assertThrows(IOException.class, () -> kc.start("keycloak", "keycloak"));
            assertTrue(e.getMessage().contains("El puerto " + other.getLocalPort() + " ya está en uso"), e.getMessage());
            assertFalse(Files.exists(kc.pidFile()), "nothing was started");
        }
    }
}
