package mx.gob.dif.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** When a month's report is due and, once delivered, when, whether on time, and by whom (absent until then). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonthlyDelivery(LocalDate dueOn, LocalDate deliveredOn, Boolean onTime, String deliveredBy) {
}
