package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** Moves a case to another status. */
public record TransitionRequest(
        @Size(max = Limits.CODE, message = "El estado destino (to) admite a lo más " + Limits.CODE + " caracteres.") String to,
        @Size(max = Limits.LONG_TEXT, message = "El motivo admite a lo más " + Limits.LONG_TEXT + " caracteres.") String reason) {
}
