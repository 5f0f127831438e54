package mx.gob.dif.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared stack when the test run ends (a JVM shutdown hook may be cut short by the test runner). */
public class StackShutdown implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SuiteTimings.print();
        PlatformStack.stop();
    }
}
