package mx.gob.dif.programs.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a month is returned to its unit or reopened: free text that stays in programs-service (never on Kafka). */
public record ReasonRequest(
        @NotBlank(message = "Indique el motivo en 'reason' (p. ej. \"Faltan los reportes de DIF-01-03\").")
        @Size(max = ReasonRequest.MAX, message = "El motivo admite hasta " + ReasonRequest.MAX + " caracteres.") String reason) {
    public static final int MAX = 1000;
}
