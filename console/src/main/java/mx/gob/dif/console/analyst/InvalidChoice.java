package mx.gob.dif.console.analyst;

/** A choice on an analyst page (year, period, indicator, sort) that is not one of the offered ones; the message is Spanish. */
public class InvalidChoice extends RuntimeException {
    public InvalidChoice(String message) {
        super(message);
    }
}
