package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** Records that a unit's monthly report was delivered to the Governor's office. */
public record MonthlyDeliveryRequest(
        @Size(max = Limits.CODE, message = "La unidad (orgUnit) es una clave INEGI.") String orgUnit,
        @Size(max = Limits.CODE, message = "El mes se escribe AAAA-MM.") String month,
        @Size(max = Limits.CODE, message = "La fecha de entrega se escribe AAAA-MM-DD.") String deliveredOn) {
}
