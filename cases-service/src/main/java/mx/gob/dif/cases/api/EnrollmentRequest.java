package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Enters a case in a program of its unit's work plan. */
public record EnrollmentRequest(
        @Size(max = Limits.PROGRAM_CODE, message = "La clave del programa admite a lo más " + Limits.PROGRAM_CODE + " caracteres.") String programCode,
        @Min(value = 2000, message = "El ejercicio fiscal (fiscalYear) debe ser un año entre 2000 y 2100.")
        @Max(value = 2100, message = "El ejercicio fiscal (fiscalYear) debe ser un año entre 2000 y 2100.") Integer fiscalYear,
        @Size(max = Limits.CODE, message = "La fecha de incorporación se escribe AAAA-MM-DD.") String enrolledOn) {
}
