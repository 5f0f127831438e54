package mx.gob.dif.indicators.messaging;

/**
 * A valid event of the platform that this service cannot apply (an unknown measurement method, a
 * value longer than its column …): it goes to the dead-letter topic with this reason. The reason
 * names fields and limits, never a value.
 */
public class Refused extends Exception {
    public Refused(String reason) {
        super(reason);
    }

    /** A required text field: present, not blank, and no longer than its column. */
    static String required(String field, String value, int max) throws Refused {
        if (value == null || value.isBlank()) {
            throw new Refused("missing " + field);
        }
        return fits(field, value, max);
    }

    /** An optional text field no longer than its column. */
    static String fits(String field, String value, int max) throws Refused {
        if (value != null && value.length() > max) {
            throw new Refused(field + " is longer than " + max + " characters");
        }
        return value;
    }
}
