package mx.gob.dif.common.security;

/**
 * The realm roles of the DIF platform (deploy/keycloak/dif-realm.json), as constants so they can be
 * named in {@code @RolesAllowed}. What each may do is written in docs/SECURITY.md.
 */
public final class Roles {
    /** Reports activities and reads plans and indicators of its municipality (and its descendants). */
    public static final String MUNICIPAL_OPERATOR = "municipal-operator";
    /** Runs the case procedure (beneficiaries, cases, referrals) inside its unit. */
    public static final String CASE_WORKER = "case-worker";
    /** A unit's head: everything its operators and case workers do, plus approvals and the audit trail. */
    public static final String DIRECTOR = "director";
    /** Reads indicators and reports of every unit under its own, never a person's data. */
    public static final String STATE_ANALYST = "state-analyst";
    /** An agency's system (client credentials): the referrals addressed to that agency, and webhooks. */
    public static final String INTEGRATOR = "integrator";
    /** Manages org units, work plans and the agency directory; no personal data. */
    public static final String ADMINISTRATOR = "administrator";

    private Roles() {
    }
}
