package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** Refers a case to an agency, with the consent on file or asking the director for an override. */
public record ReferralRequest(
        @Size(max = Limits.AGENCY_ID, message = "La clave de la dependencia admite a lo más " + Limits.AGENCY_ID + " caracteres.") String agencyId,
        @Size(max = Limits.CODE, message = "El id del servicio (serviceId) es un UUID.") String serviceId,
        @Size(max = Limits.LONG_TEXT, message = "Lo que se pide (request) admite a lo más " + Limits.LONG_TEXT + " caracteres.") String request,
        @Size(max = Limits.CODE, message = "El id del consentimiento (consentId) es un UUID.") String consentId,
        @Size(max = Limits.LONG_TEXT, message = "El motivo de la excepción admite a lo más " + Limits.LONG_TEXT + " caracteres.") String consentOverrideReason,
        Boolean shareCurp,
        Boolean shareAddress) {
}
