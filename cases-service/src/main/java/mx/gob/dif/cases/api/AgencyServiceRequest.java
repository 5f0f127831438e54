package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

import java.util.List;

/** A service an agency offers. Ages are checked by the directory's rules (422 naming the service). */
public record AgencyServiceRequest(
        @Size(max = Limits.NAME, message = "El nombre del servicio admite a lo más " + Limits.NAME + " caracteres.") String name,
        @Size(max = Limits.LONG_TEXT, message = "La descripción admite a lo más " + Limits.LONG_TEXT + " caracteres.") String description,
        @Size(max = Limits.LONG_TEXT, message = "La elegibilidad admite a lo más " + Limits.LONG_TEXT + " caracteres.") String eligibility,
        Integer minAge,
        Integer maxAge,
        @Size(max = Limits.SHORT_TEXT, message = "El costo admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String fees,
        @Size(max = Limits.LIST, message = "A lo más " + Limits.LIST + " documentos requeridos.")
        List<@Size(max = Limits.SHORT_TEXT, message = "Un documento requerido admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String> requiredDocuments,
        @Size(max = Limits.LIST * 25, message = "Demasiados municipios en el área de servicio.")
        List<@Size(max = Limits.CODE, message = "El área de servicio lista claves INEGI de municipio.") String> serviceArea) {
}
