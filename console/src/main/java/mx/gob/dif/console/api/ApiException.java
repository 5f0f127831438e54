package mx.gob.dif.console.api;

import mx.gob.dif.common.rest.Problem;

import java.util.List;

/**
 * The public API refused a request (4xx) or could not serve it (5xx), with its problem+json when it sent one.
 * Pages show {@link #detail()} (Spanish, written by the API for the person) and, for a batch, each item's error
 * beside that item.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final transient Problem problem;

    public ApiException(int status, Problem problem) {
        super("API answered " + status);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** What to tell the person: the API's detail, else its title, else a generic Spanish sentence. */
    public String detail() {
        if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        if (problem != null && problem.title() != null && !problem.title().isBlank()) {
            return problem.title();
        }
        return status >= 500
                ? "La plataforma no pudo atender la solicitud en este momento (código " + status + "). Intente de nuevo en unos segundos."
                : "La plataforma rechazó la solicitud (código " + status + ").";
    }

    /** Per-item errors of a batch (index, field, message); empty for a whole-request problem. */
    public List<Problem.FieldError> errors() {
        return problem == null || problem.errors() == null ? List.of() : problem.errors();
    }
}
