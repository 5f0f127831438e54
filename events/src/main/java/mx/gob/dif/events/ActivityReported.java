package mx.gob.dif.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An accepted activity report. {@code planOrgUnit} is the unit whose work plan defines the
 * indicator (the reporting unit itself or its nearest ancestor). The free-text note stays in
 * programs-service: it may mention people, so it never enters Kafka.
 */
public record ActivityReported(
        String activityId,
        String indicator,
        String orgUnit,
        String planOrgUnit,
        int fiscalYear,
        LocalDate date,
        BigDecimal quantity) {

    public String key() {
        return orgUnit + "|" + indicator;
    }
}
