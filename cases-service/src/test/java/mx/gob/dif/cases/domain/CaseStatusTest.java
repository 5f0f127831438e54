package mx.gob.dif.cases.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static mx.gob.dif.cases.domain.CaseStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseStatusTest {
    /** The procedure PDG-02 as a table: every legal move, and nothing else. */
    private static final Map<CaseStatus, Set<CaseStatus>> LEGAL = Map.of(
            RECEIVED, EnumSet.of(UNDER_REVIEW),
            UNDER_REVIEW, EnumSet.of(REJECTED, ENROLLED, REFERRED),
            ENROLLED, EnumSet.of(REFERRED, FOLLOW_UP, RESOLVED),
            REFERRED, EnumSet.of(ENROLLED, FOLLOW_UP, RESOLVED),
            FOLLOW_UP, EnumSet.of(ENROLLED, REFERRED, RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, UNDER_REVIEW),
            REJECTED, EnumSet.of(CLOSED, UNDER_REVIEW),
            CLOSED, EnumSet.of(UNDER_REVIEW));

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheProcedureSaysSo() {
        for (CaseStatus from : values()) {
            for (CaseStatus to : values()) {
                assertEquals(LEGAL.get(from).contains(to), from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void aClosedCaseCanOnlyBeReopenedForReviewAndThatNeedsAReason() {
        assertEquals(EnumSet.of(UNDER_REVIEW), CLOSED.next());
        assertTrue(CLOSED.isReopeningTo(UNDER_REVIEW));
        assertTrue(CaseStatus.needsReason(CLOSED, UNDER_REVIEW));
        assertFalse(CaseStatus.needsReason(RECEIVED, UNDER_REVIEW), "a first review is not a reopening");
    }

    @Test
    void rejectingAndClosingNeedAReason() {
        assertTrue(CaseStatus.needsReason(UNDER_REVIEW, REJECTED));
        assertTrue(CaseStatus.needsReason(RESOLVED, CLOSED));
        assertFalse(CaseStatus.needsReason(UNDER_REVIEW, ENROLLED));
    }

    @Test
    void aRequestCannotSkipTheReview() {
        for (CaseStatus to : EnumSet.of(ENROLLED, REFERRED, REJECTED, RESOLVED, CLOSED, FOLLOW_UP)) {
            assertFalse(RECEIVED.canMoveTo(to), to.name());
        }
    }

    @Test
    void everyStatusHasASpanishLabel() {
        for (CaseStatus s : values()) {
            assertFalse(s.label().isBlank());
        }
    }
}
