package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A person to register or update. Fields are strings where a person may type a bad value, so the
 * service can report it in Spanish (422) with the rule broken (INEGI code, CURP, date).
 */
public record BeneficiaryRequest(
        @Size(max = Limits.CODE, message = "La unidad (orgUnit) es una clave INEGI de a lo más " + Limits.CODE + " caracteres.") String orgUnit,
        @Size(max = Limits.CURP, message = "La CURP tiene 18 caracteres.") String curp,
        @Size(max = Limits.NAME, message = "El nombre admite a lo más " + Limits.NAME + " caracteres.") String firstName,
        @Size(max = Limits.NAME, message = "El primer apellido admite a lo más " + Limits.NAME + " caracteres.") String lastName,
        @Size(max = Limits.NAME, message = "El segundo apellido admite a lo más " + Limits.NAME + " caracteres.") String secondLastName,
        @Size(max = Limits.CODE, message = "La fecha de nacimiento se escribe AAAA-MM-DD.") String birthDate,
        @Size(max = Limits.CODE, message = "El sexo es H o M.") String sex,
        @Size(max = Limits.SHORT_TEXT, message = "La localidad admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String locality,
        @Size(max = Limits.CODE, message = "El municipio es una clave INEGI de 5 dígitos.") String municipality,
        @Size(max = Limits.SHORT_TEXT, message = "El domicilio admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String address,
        @Size(max = Limits.SHORT_TEXT, message = "El teléfono admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String phone,
        @Size(max = Limits.CODE, message = "El id del tutor (guardianId) es un UUID.") String guardianId,
        @Size(max = Limits.SHORT_TEXT, message = "El hogar admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String household,
        @Size(max = 10, message = "Hay a lo más 5 categorías sensibles.")
        Map<@Size(max = Limits.CODE, message = "Categoría sensible desconocida.") String,
                @Size(max = Limits.LONG_TEXT, message = "Un dato sensible admite a lo más " + Limits.LONG_TEXT + " caracteres.") String> sensitive,
        Boolean confirmNotDuplicate) {
}
