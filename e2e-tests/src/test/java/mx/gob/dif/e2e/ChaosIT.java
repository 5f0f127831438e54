package mx.gob.dif.e2e;

import mx.gob.dif.deploy.chaos.ChaosSuite;
import mx.gob.dif.deploy.chaos.FaultResult;
import mx.gob.dif.deploy.chaos.Profile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault-injection suite of {@code ./dif chaos} with its short profile: under load from clients that
 * resend with the same ids, kill -9 of programs-service, kill -9 of the Kafka broker and poison events
 * on the activity topic. Fails if a single acknowledged report is lost or counted twice, missing from
 * the ledger, if a refused one is stored, or if the platform does not serve again within the bound.
 */
class ChaosIT {

    @Test
    void noAcknowledgedReportIsLostOrDoubledWhateverFails() throws Exception {
        List<FaultResult> results = new ChaosSuite(PlatformStack.get(), PlatformStack.launcher(), Profile.ci()).run();

        assertEquals(Profile.ci().faults().size(), results.size());
        assertAll(results.stream().map(r -> () -> {
            assertTrue(r.acknowledged() > 0, "reports were acknowledged under " + r.fault());
            assertEquals(0, r.lost(), r.row());
            assertEquals(0, r.doubled(), r.row());
            assertEquals(r.acknowledged(), r.counted(), r.row());
            assertTrue(r.passed(), r.row());
        }));
    }
}
