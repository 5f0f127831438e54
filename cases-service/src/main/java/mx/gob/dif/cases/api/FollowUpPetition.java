package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** An office's petition (oficio) for a case's follow-up report. */
public record FollowUpPetition(
        @Size(max = Limits.NAME, message = "La oficina admite a lo más " + Limits.NAME + " caracteres.") String office,
        @Size(max = Limits.SHORT_TEXT, message = "El número de oficio admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String petitionRef,
        @Size(max = Limits.CODE, message = "La fecha de la petición se escribe AAAA-MM-DD.") String requestedOn,
        Integer dueInDays,
        @Size(max = Limits.NAME, message = "La persona asignada admite a lo más " + Limits.NAME + " caracteres.") String assignedTo) {
}
