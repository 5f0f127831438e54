package mx.gob.dif.programs.service;

import mx.gob.dif.common.security.Identity;
import mx.gob.dif.common.security.OrgUnitScope;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The org units a caller may see in a listing, as an SQL condition on an org-unit column, so that a
 * list without an {@code orgUnit} filter is narrowed to what the caller may read instead of failing.
 * Mirrors {@link OrgUnitScope}: a set of exact codes (the caller's unit and, for plans, every unit
 * above it) plus, for an INEGI key, every longer INEGI key that starts with it (the units below).
 * Plain Java; {@link #contains} is the same rule in memory.
 */
public final class VisibleUnits {
    /** No narrowing. */
    public static final VisibleUnits ALL = new VisibleUnits(true, List.of(), null);
    private static final VisibleUnits NONE = new VisibleUnits(false, List.of(), null);

    private final boolean all;
    private final List<String> exact;
    /** The INEGI key whose longer keys are visible (units below), or null. */
    private final String below;

    private VisibleUnits(boolean all, List<String> exact, String below) {
        this.all = all;
        this.exact = exact;
        this.below = below;
    }

    /** The caller's unit and every unit below it ({@link Identity#covers}). */
    public static VisibleUnits coveredBy(Identity who) {
        String unit = who == null ? null : blank(who.orgUnit());
        if (unit == null) {
            return NONE;
        }
        if (OrgUnitScope.COUNTRY.equals(unit)) {
            return ALL;
        }
        return new VisibleUnits(false, List.of(unit), OrgUnitScope.isInegi(unit) ? unit : null);
    }

    /** The caller's unit, every unit below it and every unit above it ({@link Identity#isInLineWith}). */
    public static VisibleUnits inLineWith(Identity who) {
        String unit = who == null ? null : blank(who.orgUnit());
        if (unit == null) {
            return NONE;
        }
        if (OrgUnitScope.COUNTRY.equals(unit)) {
            return ALL;
        }
        List<String> exact = new ArrayList<>();
        exact.add(unit);
        exact.add(OrgUnitScope.COUNTRY);
        exact.addAll(OrgUnitScope.ancestors(unit));
        return new VisibleUnits(false, List.copyOf(exact), OrgUnitScope.isInegi(unit) ? unit : null);
    }

    /** Whether a unit is visible: the in-memory form of {@link #sql}. */
    public boolean contains(String unit) {
        if (unit == null || unit.isBlank()) {
            return false;
        }
        if (all) {
            return true;
        }
        return exact.contains(unit) || (below != null && unit.startsWith(below) && OrgUnitScope.isInegi(unit));
    }

    /** The condition on {@code column}; its parameters are appended to {@code args} in order. */
    public String sql(String column, List<Object> args) {
        if (all) {
            return "true";
        }
        if (exact.isEmpty()) {
            return "false";
        }
        StringBuilder s = new StringBuilder("(").append(column).append(" in (");
        for (int i = 0; i < exact.size(); i++) {
            s.append(i == 0 ? "?" : ", ?");
            args.add(exact.get(i));
        }
        s.append(')');
        if (below != null) {
            // below is all digits: no LIKE wildcard in it; only municipality and locality keys lie below
            s.append(" or (").append(column).append(" like ? and ").append(column).append(" ~ '^[0-9]{5}([0-9]{4})?$')");
            args.add(below + "%");
        }
        return s.append(')').toString();
    }

    /** Binds {@code args} from parameter {@code index} on; returns the next free index. */
    public static int bind(PreparedStatement ps, int index, List<Object> args) throws SQLException {
        for (Object a : args) {
            ps.setObject(index++, a);
        }
        return index;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return all ? "VisibleUnits[all]" : "VisibleUnits" + exact + (below == null ? "" : " + below " + below);
    }
}
