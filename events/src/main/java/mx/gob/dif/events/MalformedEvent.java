package mx.gob.dif.events;

/**
 * A record on a topic that is not a valid event of this platform. The message says why in terms an
 * operator can act on, and never quotes the record's body (events carry no personal data, but a
 * foreign producer's records might).
 */
public class MalformedEvent extends Exception {
    public MalformedEvent(String reason) {
        super(reason);
    }

    public MalformedEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
