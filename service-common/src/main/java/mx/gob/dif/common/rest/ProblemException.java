package mx.gob.dif.common.rest;

import java.util.List;

/** Thrown by services to answer with a problem+json; nothing of the request has been stored. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "No encontrado", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Solicitud inválida", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflicto", detail);
    }

    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "Datos inválidos", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Acceso denegado", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
