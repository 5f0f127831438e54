package mx.gob.dif.cases.api;

/**
 * Longest texts the API accepts. Columns with a length (varchar) are matched exactly where the
 * value is stored as sent (CURP 18, agency key 60, program code 40); free texts stored as
 * {@code text} get a limit a person will not reach. Codes that a service rule checks against a
 * list (statuses, INEGI codes, UUIDs) get a loose bound, so a typo still gets the rule's own
 * 422 with the values allowed, and only garbage gets the 400.
 */
public final class Limits {
    /** Statuses, kinds, INEGI codes, UUIDs and dates typed as text. */
    public static final int CODE = 64;
    public static final int CURP = 18;
    /** {@code agency.id varchar(60)}. */
    public static final int AGENCY_ID = 60;
    /** {@code enrollment.program_code varchar(40)}. */
    public static final int PROGRAM_CODE = 40;
    /** Names of people, agencies, services, offices and workers. */
    public static final int NAME = 200;
    /** Addresses, localities, phones, households, petition numbers. */
    public static final int SHORT_TEXT = 500;
    /** Narratives: what is requested, outcomes, reasons, comments, descriptions. */
    public static final int LONG_TEXT = 4000;
    /** Items of a list (documents, municipalities, services). */
    public static final int LIST = 200;

    private Limits() {
    }
}
