package mx.gob.dif.common.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the numeric query or path parameter a request gave as something else ({@code page=abc},
 * {@code fiscalYear=2O21}). JAX-RS answers such a conversion failure with a 404, which sends the
 * caller looking for a resource that exists; naming the parameter turns it into a 400 they can fix.
 * Other conversions (a malformed UUID in a path) keep their 404: that resource does not exist.
 */
final class ParameterTypes {
    private static final Map<Class<?>, Function<String, ?>> NUMERIC = Map.ofEntries(
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(byte.class, Byte::valueOf), Map.entry(Byte.class, Byte::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(BigDecimal.class, BigDecimal::new), Map.entry(BigInteger.class, BigInteger::new));

    /** A numeric parameter whose value is not a number of its type. */
    record Mismatch(String name, boolean whole) {
    }

    private ParameterTypes() {
    }

    static Optional<Mismatch> mismatch(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return Optional.empty();
        }
        for (Parameter p : method.getParameters()) {
            Function<String, ?> parse = NUMERIC.get(p.getType());
            QueryParam query = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            if (parse == null || query == null && path == null) {
                continue;
            }
            String name = query != null ? query.value() : path.value();
            MultivaluedMap<String, String> values = query != null ? uri.getQueryParameters() : uri.getPathParameters();
            for (String value : values.getOrDefault(name, List.of())) {
                try {
                    parse.apply(value);
                } catch (NumberFormatException notANumber) {
                    boolean whole = p.getType() != double.class && p.getType() != Double.class && p.getType() != float.class
                            && p.getType() != Float.class && p.getType() != BigDecimal.class;
                    return Optional.of(new Mismatch(name, whole));
                }
            }
        }
        return Optional.empty();
    }
}
