package mx.gob.dif.cases.domain;

/** Decisions that need a director: closing a case, and referring without the person's consent. */
public final class Approval {
    private Approval() {
    }

    public enum Kind {
        CASE_CLOSURE("Cierre de caso"),
        CONSENT_OVERRIDE("Canalización sin consentimiento");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        REQUESTED, APPROVED, REJECTED
    }
}
