package mx.gob.dif.common.rest;

import java.util.function.Predicate;

/** Walks an error's causes and suppressed errors (bounded: a cycle or a very deep chain ends the walk). */
final class Causes {
    private Causes() {
    }

    static boolean any(Throwable e, Predicate<Throwable> test) {
        return any(e, test, 0);
    }

    private static boolean any(Throwable e, Predicate<Throwable> test, int depth) {
        if (e == null || depth > 20) {
            return false;
        }
        if (test.test(e)) {
            return true;
        }
        for (Throwable s : e.getSuppressed()) {
            if (any(s, test, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && any(e.getCause(), test, depth + 1);
    }
}
