package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** The intake of a request for support. */
public record CaseRequest(
        @Size(max = Limits.CODE, message = "La unidad (orgUnit) es una clave INEGI de a lo más " + Limits.CODE + " caracteres.") String orgUnit,
        @Size(max = Limits.CODE, message = "El id del beneficiario es un UUID.") String beneficiaryId,
        @Size(max = Limits.CODE, message = "El origen (origin) admite a lo más " + Limits.CODE + " caracteres.") String origin,
        @Size(max = Limits.CODE, message = "La categoría admite a lo más " + Limits.CODE + " caracteres.") String category,
        @Size(max = Limits.CODE, message = "La prioridad admite a lo más " + Limits.CODE + " caracteres.") String priority,
        @Size(max = Limits.LONG_TEXT, message = "La solicitud (request) admite a lo más " + Limits.LONG_TEXT + " caracteres.") String request,
        @Size(max = Limits.LONG_TEXT, message = "La investigación previa admite a lo más " + Limits.LONG_TEXT + " caracteres.") String priorInvestigation,
        @Size(max = Limits.CODE, message = "La fecha de recepción se escribe AAAA-MM-DD.") String receivedOn,
        @Size(max = Limits.NAME, message = "La persona asignada admite a lo más " + Limits.NAME + " caracteres.") String assignedWorker) {
}
