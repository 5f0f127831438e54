package mx.gob.dif.cases.service;

/**
 * The part of the case data a caller may reach, applied inside the list queries themselves (so
 * paging and totals count only what the caller may see): people reach the records of their own unit
 * and the units below it; an integrator reaches only the referrals sent to its agency.
 *
 * @param unit   the caller's org unit (people); {@code null} reaches no unit
 * @param agency the agency an integrator speaks for; {@code null} for people
 */
public record Reach(String unit, String agency) {
    public static Reach ofUnit(String unit) {
        return new Reach(unit, null);
    }

    public static Reach ofAgency(String agency) {
        return new Reach(null, agency);
    }

    public boolean isAgency() {
        return agency != null;
    }
}
