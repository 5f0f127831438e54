package mx.gob.dif.e2e;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

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
    private static final java.util.Set<String> FAILED = new java.util.HashSet<>();
    private static TestPlan plan;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        className(test).ifPresent(name -> STARTED.put(name, System.nanoTime()));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            testClass(test).ifPresent(FAILED::add); // the class itself ends SUCCESSFUL when only its tests failed
        }
        className(test).ifPresent(name -> {
            Long started = STARTED.get(name);
            if (started != null) {
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                boolean failed = FAILED.contains(name) || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
                LINES.put(name, String.format("%5d s  %s  %s", seconds, name, failed ? "FALLÓ" : "bien"));
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
        return test.getSource().filter(ClassSource.class::isInstance).map(s -> shortName(((ClassSource) s).getClassName()));
    }

    /** The class a test belongs to: its nearest ancestor that is a class (dynamic tests have no source of their own). */
    private static java.util.Optional<String> testClass(TestIdentifier test) {
        for (java.util.Optional<TestIdentifier> t = java.util.Optional.of(test); t.isPresent() && plan != null;
             t = plan.getParent(t.get())) {
            java.util.Optional<String> name = className(t.get());
            if (name.isPresent()) {
                return name;
            }
        }
        return java.util.Optional.empty();
    }

    private static String shortName(String className) {
        return className.replace("mx.gob.dif.e2e.", "");
    }
}
