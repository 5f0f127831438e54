package mx.gob.dif.messaging;

import java.util.List;

/**
 * What a service does with the events of one poll. {@link #apply} runs inside the loop's
 * transaction, together with the stored offsets: use the service's own persistence (EntityManager,
 * or connections of the default datasource, which are enlisted; never commit them yourself).
 * Throwing rolls everything back and the batch is retried. An event that can never be applied (a
 * valid event with a value this service refuses) goes to {@link Batch#deadLetter}. Throwing
 * {@link OffsetsMoved} (the group's stored offsets were changed by someone else) rolls back too, and the
 * loop seeks every partition it holds to the stored offsets before it polls again.
 */
public interface BatchHandler {
    void apply(Batch batch) throws Exception;

    /**
     * After the commit: caches, notifications. Not called for a failed batch; an exception here is
     * logged and the batch stays applied (it is committed), so keep this to best-effort work.
     */
    default void afterCommit(Batch batch) {
    }

    /** One poll's events, in partition order. */
    interface Batch {
        List<Received> events();

        /** Puts one event on the dead-letter topic with the reason, and leaves it out of the service's data. */
        void deadLetter(Received event, String reason) throws Exception;
    }
}
