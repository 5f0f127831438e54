package mx.gob.dif.cases.service;

import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Collects every problem of one request body, then answers them all at once (422). */
final class Checks {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    String required(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            errors.add(Problem.FieldError.of(null, field, "Falta " + label + "."));
            return null;
        }
        return value.trim();
    }

    private static final java.util.regex.Pattern ORG_UNIT = java.util.regex.Pattern.compile("^(MX|\\d{2}|\\d{5})$");

    /** An INEGI code: the nation (MX), a state (2 digits) or a municipality (5 digits). */
    String orgUnit(String field, String value, String label, boolean required) {
        String v = required ? required(field, value, label) : BeneficiaryService.blankToNull(value);
        if (v != null && !ORG_UNIT.matcher(v).matches()) {
            errors.add(Problem.FieldError.of(null, field, "'" + v + "' no es una clave INEGI: use 2 dígitos para un estado (p. ej. 10) o 5 para un municipio (p. ej. 10005)."));
            return null;
        }
        return v;
    }

    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(Problem.FieldError.of(null, field, "Falta el campo '" + field + "'. Valores posibles: " + values(type) + "."));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of(null, field, "Valor desconocido '" + value + "'. Valores posibles: " + values(type) + "."));
            return null;
        }
    }

    LocalDate date(String field, String value, boolean required, boolean notFuture) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(Problem.FieldError.of(null, field, "Falta la fecha '" + field + "' (AAAA-MM-DD)."));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                // LocalDate takes years up to ±999,999,999, which the database and the age rules do not
                errors.add(Problem.FieldError.of(null, field, "La fecha '" + value + "' está fuera del rango admitido (años "
                        + MIN_YEAR + " a " + MAX_YEAR + ")."));
                return null;
            }
            if (notFuture && d.isAfter(LocalDate.now())) {
                errors.add(Problem.FieldError.of(null, field, "La fecha " + d + " está en el futuro."));
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(Problem.FieldError.of(null, field, "La fecha '" + value + "' no es válida: use AAAA-MM-DD."));
            return null;
        }
    }

    void fail(String field, String message) {
        errors.add(Problem.FieldError.of(null, field, message));
    }

    /** Throws a 422 listing every problem found, if any. */
    void orThrow(String what) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(what + ": " + errors.stream().map(Problem.FieldError::message)
                    .collect(Collectors.joining(" ")), errors);
        }
    }

    private static <E extends Enum<E>> String values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
