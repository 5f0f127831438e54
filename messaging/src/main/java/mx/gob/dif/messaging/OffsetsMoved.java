package mx.gob.dif.messaging;

/**
 * Thrown by a {@link BatchHandler} that finds its group's stored offsets changed by someone else since
 * the loop positioned its partitions (indicators-service's rebuild forgets them for every instance of
 * the group). The batch is rolled back, not counted as a failure, and the loop seeks every partition it
 * holds to the stored offsets (the beginning where none are stored) before it polls again. Unchecked so
 * the transaction hands it back as it is.
 */
public class OffsetsMoved extends RuntimeException {
    public OffsetsMoved(String why) {
        super(why, null, false, false);
    }
}
