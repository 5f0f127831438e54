package mx.gob.dif.messaging;

/**
 * A {@link DurableProducer#sendAtomically} that did not commit. Normally certain: the transaction
 * was aborted (or never begun), so none of its records is, or will ever become, visible to the
 * platform's consumers (they read {@code read_committed}), even records the broker had already
 * written. {@link #uncertain()} is the one exception: the broker did not answer the commit within
 * the wait, so the records are then visible for ever or never, and the caller cannot know which;
 * a resend with the same event ids is safe either way (consumers dedupe by id).
 */
public class TransactionFailure extends Exception {
    private final boolean uncertain;

    TransactionFailure(String message, Throwable cause, boolean uncertain) {
        super(message, cause);
        this.uncertain = uncertain;
    }

    public boolean uncertain() {
        return uncertain;
    }
}
