package mx.gob.dif.common.logging;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;

/**
 * What the running application's console log handler writes, line by line: its output goes to a buffer
 * until {@link #close()}. Reads the real handler (formatter and all) that Quarkus configured. Shared by
 * every module's tests (service-common test-jar) that assert what a log must or must not carry.
 */
public final class ConsoleCapture implements AutoCloseable {
    private final ConsoleHandler console;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ConsoleCapture() {
        console = find(LogContext.getLogContext().getLogger("").getHandlers());
        if (console == null) {
            throw new AssertionError("The application has no console log handler");
        }
        console.setOutputStream(out);
    }

    public List<String> lines() {
        console.flush();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        console.setTarget(ConsoleHandler.Target.SYSTEM_OUT);
    }

    private static ConsoleHandler find(Handler[] handlers) {
        for (Handler h : handlers) {
            if (h instanceof ConsoleHandler c) {
                return c;
            }
            if (h instanceof ExtHandler ext) {
                ConsoleHandler c = find(ext.getHandlers());
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }
}
