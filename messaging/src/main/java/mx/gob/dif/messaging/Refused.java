package mx.gob.dif.messaging;

/**
 * A valid event of the platform that a service cannot apply (an unknown measurement method, a
 * value longer than its column …): a handler catches it and puts the event on the dead-letter topic
 * with this reason ({@link BatchHandler.Batch#deadLetter}) instead of failing the batch for ever.
 * The reason names fields and limits, never a value.
 */
public class Refused extends Exception {
    public Refused(String reason) {
        super(reason);
    }

    /** A required text field: present, not blank, and no longer than its column. */
    public static String required(String field, String value, int max) throws Refused {
        if (value == null || value.isBlank()) {
            throw new Refused("missing " + field);
        }
        return fits(field, value, max);
    }

    /** An optional text field no longer than its column. */
    public static String fits(String field, String value, int max) throws Refused {
        if (value != null && value.length() > max) {
            throw new Refused(field + " is longer than " + max + " characters");
        }
        return value;
    }
}
