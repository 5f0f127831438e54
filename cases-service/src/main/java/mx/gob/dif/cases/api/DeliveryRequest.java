package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** Delivers a follow-up report (today unless a date is given). */
public record DeliveryRequest(
        @Size(max = Limits.CODE, message = "La fecha de entrega se escribe AAAA-MM-DD.") String deliveredOn) {
}
