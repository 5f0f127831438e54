package mx.gob.dif.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/reporting/completeness} (API.md, "Reporting cycle"): who reported a month, unit by unit. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportingCompleteness(String orgUnit, String period, LocalDate deadline, int due, int reported, int missing,
                                    int onTime, BigDecimal rate, List<Unit> units) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String orgUnit, String name, int due, int reported, int missing, int onTime, BigDecimal rate,
                       String submission) {
    }
}
