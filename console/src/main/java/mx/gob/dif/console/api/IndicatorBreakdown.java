package mx.gob.dif.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/indicators/{code}/breakdown} (API.md, "Reporting cycle"): one row per direct child unit. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorBreakdown(String indicator, String orgUnit, String period, String method, IndicatorValue total,
                                 List<Row> rows) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String orgUnit, String name, BigDecimal target, BigDecimal value, BigDecimal percent,
                      BigDecimal expected, String status, boolean reported) {
    }
}
