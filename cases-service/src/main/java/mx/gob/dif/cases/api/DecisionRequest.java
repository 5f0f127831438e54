package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** The director's decision on an approval. */
public record DecisionRequest(
        @Size(max = Limits.CODE, message = "La decisión es APPROVED o REJECTED.") String decision,
        @Size(max = Limits.LONG_TEXT, message = "El comentario admite a lo más " + Limits.LONG_TEXT + " caracteres.") String comment) {
}
