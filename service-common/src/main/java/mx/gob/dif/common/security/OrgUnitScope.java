package mx.gob.dif.common.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one org unit lies inside another, read from the INEGI codes themselves: a state is two
 * digits ({@code 10}), its municipalities add three ({@code 10005}), localities four more; the
 * country ({@code MX}) contains everything. Reading the tree from the codes lets every service
 * decide scope without asking programs-service for the hierarchy on each request.
 */
public final class OrgUnitScope {
    public static final String COUNTRY = "MX";

    private OrgUnitScope() {
    }

    /** True when {@code unit} is {@code scope} itself or one of its descendants. */
    public static boolean contains(String scope, String unit) {
        if (scope == null || unit == null || scope.isBlank() || unit.isBlank()) {
            return false;
        }
        if (scope.equals(unit) || COUNTRY.equals(scope)) {
            return true;
        }
        return isInegi(scope) && isInegi(unit) && unit.length() > scope.length() && unit.startsWith(scope);
    }

    /** The INEGI units above {@code unit}, nearest last ({@code 100050001} → 10, 10005); none for other codes. */
    public static List<String> ancestors(String unit) {
        if (unit == null || !isInegi(unit)) {
            return List.of();
        }
        List<String> above = new ArrayList<>(2);
        for (int len : new int[]{2, 5}) {
            if (len < unit.length()) {
                above.add(unit.substring(0, len));
            }
        }
        return List.copyOf(above);
    }

    /** State (2 digits), municipality (5) or locality (9) key of the INEGI geostatistical framework. */
    public static boolean isInegi(String code) {
        int n = code.length();
        return (n == 2 || n == 5 || n == 9) && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
