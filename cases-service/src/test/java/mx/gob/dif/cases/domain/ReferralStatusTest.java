package mx.gob.dif.cases.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static mx.gob.dif.cases.domain.ReferralStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralStatusTest {

    @Test
    void theAgencyAnswersInOrder() {
        assertTrue(REQUESTED.canMoveTo(RECEIVED));
        assertTrue(RECEIVED.canMoveTo(ACCEPTED));
        assertTrue(ACCEPTED.canMoveTo(IN_PROGRESS));
        assertTrue(IN_PROGRESS.canMoveTo(COMPLETED));
        assertFalse(REQUESTED.canMoveTo(COMPLETED), "nothing is completed before it is accepted");
        assertFalse(RECEIVED.canMoveTo(IN_PROGRESS));
    }

    @Test
    void theSenderCanRevokeUntilItIsFinished() {
        for (ReferralStatus s : EnumSet.of(REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS)) {
            assertTrue(s.canMoveTo(REVOKED), s.name());
        }
        for (ReferralStatus s : EnumSet.of(REJECTED, COMPLETED, REVOKED, CANCELLED, AWAITING_APPROVAL)) {
            assertFalse(s.canMoveTo(REVOKED), s.name());
        }
    }

    @Test
    void finalStatesGoNowhere() {
        for (ReferralStatus s : values()) {
            boolean terminal = EnumSet.of(REJECTED, COMPLETED, REVOKED, CANCELLED).contains(s);
            assertEquals(terminal, s.isFinal(), s.name());
            if (terminal) {
                for (ReferralStatus to : values()) {
                    assertFalse(s.canMoveTo(to), s + " → " + to);
                }
            }
        }
    }

    @Test
    void aReferralWithoutConsentWaitsForTheDirector() {
        assertEquals(EnumSet.of(REQUESTED, CANCELLED), EnumSet.copyOf(
                EnumSet.allOf(ReferralStatus.class).stream().filter(AWAITING_APPROVAL::canMoveTo).toList()));
    }
}
