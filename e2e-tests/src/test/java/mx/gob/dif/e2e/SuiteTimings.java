package mx.gob.dif.e2e;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints, when the run ends, how long each test class took (including the stack's start, which the
 * first class pays): CI shows only the tail of the output, and this is what tells a slow machine from
 * a test that waits on a timeout.
 */
public class SuiteTimings implements TestExecutionListener {
    private static final Map<String, Long> STARTED = new LinkedHashMap<>();
    private static final Map<String, String> LINES = new LinkedHashMap<>();

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        className(test).ifPresent(name -> STARTED.put(name, System.nanoTime()));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        className(test).ifPresent(name -> {
            Long started = STARTED.get(name);
            if (started != null) {
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                LINES.put(name, String.format("%5d s  %s  %s", seconds, name, result.getStatus()));
            }
        });
    }

    static synchronized void print() {
        if (!LINES.isEmpty()) {
            System.out.println("Tiempo por clase de prueba (e2e):");
            LINES.values().forEach(System.out::println);
        }
    }

    private static java.util.Optional<String> className(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName()
                .replace("mx.gob.dif.e2e.", ""));
    }
}
