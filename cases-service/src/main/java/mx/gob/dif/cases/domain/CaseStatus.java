package mx.gob.dif.cases.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a request for support stands in procedure PDG-02. {@link #next()} is the whole state
 * machine: received → under review → rejected | enrolled in a DIF program | referred to an agency
 * → follow-up → resolved → closed; a closed, resolved or rejected case can be reopened for review.
 */
public enum CaseStatus {
    RECEIVED("Recibido"),
    UNDER_REVIEW("En revisión"),
    REJECTED("Rechazado"),
    ENROLLED("Incorporado a programa DIF"),
    REFERRED("Canalizado"),
    FOLLOW_UP("En seguimiento"),
    RESOLVED("Resuelto"),
    CLOSED("Cerrado");

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            RECEIVED, EnumSet.of(UNDER_REVIEW),
            UNDER_REVIEW, EnumSet.of(REJECTED, ENROLLED, REFERRED),
            // a case enrolled in a DIF program can also need an agency, and vice versa
            ENROLLED, EnumSet.of(REFERRED, FOLLOW_UP, RESOLVED),
            REFERRED, EnumSet.of(ENROLLED, FOLLOW_UP, RESOLVED),
            FOLLOW_UP, EnumSet.of(ENROLLED, REFERRED, RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, UNDER_REVIEW),
            REJECTED, EnumSet.of(CLOSED, UNDER_REVIEW),
            CLOSED, EnumSet.of(UNDER_REVIEW));

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** Spanish label for people (letters, reports, error messages). */
    public String label() {
        return label;
    }

    public Set<CaseStatus> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(CaseStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** Going back to review from a finished case is a reopening: it needs a reason. */
    public boolean isReopeningTo(CaseStatus to) {
        return to == UNDER_REVIEW && (this == CLOSED || this == RESOLVED || this == REJECTED);
    }

    /** Transitions that must say why (shown in the case history and in letters). */
    public static boolean needsReason(CaseStatus from, CaseStatus to) {
        return to == REJECTED || to == CLOSED || from.isReopeningTo(to);
    }
}
