package mx.gob.dif.programs.service;

/** Command: create an empty DRAFT plan for (orgUnit, fiscalYear), to be filled program by program. */
public record NewPlan(String orgUnit, Integer fiscalYear, String unit) {
}
