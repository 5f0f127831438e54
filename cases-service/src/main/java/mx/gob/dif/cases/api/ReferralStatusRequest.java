package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** The agency's answer to a referral (or the unit recording it). */
public record ReferralStatusRequest(
        @Size(max = Limits.CODE, message = "El estado admite a lo más " + Limits.CODE + " caracteres.") String status,
        @Size(max = Limits.LONG_TEXT, message = "El motivo admite a lo más " + Limits.LONG_TEXT + " caracteres.") String reason,
        @Size(max = Limits.CODE, message = "El resultado (outcome) admite a lo más " + Limits.CODE + " caracteres.") String outcome,
        @Size(max = Limits.LONG_TEXT, message = "El detalle del resultado admite a lo más " + Limits.LONG_TEXT + " caracteres.") String outcomeDetail) {
}
