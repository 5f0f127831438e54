package mx.gob.dif.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of one unit over a period, as {@code GET /api/v1/indicators/{code}} answers it (API.md, "Indicators");
 * only the fields the console shows. {@code months}: the months with reports (single-indicator queries only).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorReading(String indicator, String orgUnit, String period, String method, String unit,
                               BigDecimal target, BigDecimal value, BigDecimal percent, BigDecimal expected, String status,
                               String asOf, String programCode, String programName, String actionDescription,
                               List<Month> months) {

    /** One month of the period with reports: its value summed over the unit's subtree. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Month(int month, BigDecimal value, long reports) {
    }
}
