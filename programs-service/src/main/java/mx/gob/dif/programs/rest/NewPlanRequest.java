package mx.gob.dif.programs.rest;

import jakarta.validation.constraints.Size;
import mx.gob.dif.programs.service.NewPlan;

/** {@code POST /work-plans}: an empty plan for a unit and year; unit and year are checked by the service (422). */
public record NewPlanRequest(
        @Size(max = 16, message = "orgUnit es la clave INEGI de la unidad: hasta 16 caracteres.") String orgUnit,
        Integer fiscalYear,
        @Size(max = 500, message = "El nombre de la unidad admite hasta 500 caracteres.") String unit) {

    NewPlan command() {
        return new NewPlan(orgUnit, fiscalYear, unit);
    }
}
