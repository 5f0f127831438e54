package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** Something the unit did for the case (a home visit, a meeting…). */
public record InterventionRequest(
        @Size(max = Limits.CODE, message = "El tipo de intervención admite a lo más " + Limits.CODE + " caracteres.") String type,
        @Size(max = Limits.CODE, message = "La fecha se escribe AAAA-MM-DD.") String date,
        @Size(max = Limits.NAME, message = "Quién la realizó (doneBy) admite a lo más " + Limits.NAME + " caracteres.") String doneBy,
        @Size(max = Limits.LONG_TEXT, message = "El resultado admite a lo más " + Limits.LONG_TEXT + " caracteres.") String outcome) {
}
