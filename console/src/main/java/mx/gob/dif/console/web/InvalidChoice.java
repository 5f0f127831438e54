package mx.gob.dif.console.web;

/**
 * A choice in a page's address that is not one of those the page offers (a year, a period, a sort column, a file
 * format): {@link ErrorPages} answers 400 with this Spanish message, which says what to choose.
 */
public class InvalidChoice extends RuntimeException {
    public InvalidChoice(String message) {
        super(message);
    }
}
