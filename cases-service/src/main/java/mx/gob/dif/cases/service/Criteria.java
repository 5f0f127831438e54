package mx.gob.dif.cases.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import mx.gob.dif.common.rest.Page;

import java.util.HashMap;
import java.util.Map;

/** The optional filters of a list endpoint as one JPQL condition: a filter left empty filters nothing. */
final class Criteria {
    private final StringBuilder where = new StringBuilder("1 = 1");
    /** Named JPQL parameters of any type (strings, UUIDs, enums, dates), as Panache's {@code find(query, Map)} takes them. */
    private final Map<String, Object> params = new HashMap<>();

    Criteria eq(String field, Object value) {
        return compare(field, "=", value);
    }

    Criteria compare(String field, String operator, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            String name = "p" + params.size();
            where.append(" and ").append(field).append(' ').append(operator).append(" :").append(name);
            params.put(name, value);
        }
        return this;
    }

    /** Rows where any of the fields matches the {@code like} pattern. */
    Criteria anyLike(String pattern, String... fields) {
        String name = "p" + params.size();
        params.put(name, pattern);
        StringBuilder any = new StringBuilder();
        for (String field : fields) {
            any.append(any.isEmpty() ? "(" : " or ").append(field).append(" like :").append(name);
        }
        return and(any.append(')').toString());
    }

    /**
     * Only rows whose org unit is {@code scope} or lies below it, the rule of
     * {@link mx.gob.dif.common.security.OrgUnitScope#contains}: INEGI codes nest by prefix ({@code 10}
     * contains {@code 10005}), {@code MX} contains everything, and no scope reaches nothing. Stored
     * units are validated INEGI codes, so a prefix match on a numeric scope is exact.
     */
    Criteria within(String field, String scope) {
        if (scope == null || scope.isBlank()) {
            return and("1 = 0");
        }
        if (mx.gob.dif.common.security.OrgUnitScope.COUNTRY.equals(scope)) {
            return this;
        }
        String exact = "p" + params.size();
        params.put(exact, scope);
        if (!scope.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return and(field + " = :" + exact);
        }
        String below = "p" + params.size();
        params.put(below, scope + "%");
        return and("(" + field + " = :" + exact + " or " + field + " like :" + below + ")");
    }

    /** A condition of its own, e.g. {@code "mergedInto is null"}. */
    Criteria and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    String where(String orderBy) {
        return where + " order by " + orderBy;
    }

    /** The named parameters of {@link #where}, of any type (Map<String, Object> is what Panache takes). */
    Map<String, Object> params() {
        return params;
    }

    static <T> Page<T> page(PanacheQuery<T> query, int page, int size) {
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
