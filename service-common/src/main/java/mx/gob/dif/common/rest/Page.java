package mx.gob.dif.common.rest;

import java.util.List;

/** One page of a list. {@code page} is zero-based. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Validates paging parameters with a Spanish error. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("El parámetro 'page' debe ser 0 o mayor.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("El parámetro 'size' debe estar entre 1 y " + MAX_SIZE + ".");
        }
    }
}
