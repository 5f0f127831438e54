package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** The person's (or the guardian's) consent to refer the case. */
public record ConsentRequest(
        @Size(max = Limits.CODE, message = "El propósito admite a lo más " + Limits.CODE + " caracteres.") String purpose,
        @Size(max = Limits.AGENCY_ID, message = "La clave de la dependencia admite a lo más " + Limits.AGENCY_ID + " caracteres.") String agencyId,
        @Size(max = Limits.CODE, message = "Quién otorga el consentimiento es BENEFICIARY o GUARDIAN.") String givenBy,
        @Size(max = Limits.CODE, message = "El id del tutor (guardianId) es un UUID.") String guardianId,
        @Size(max = Limits.CODE, message = "La fecha del consentimiento se escribe AAAA-MM-DD.") String givenOn) {
}
