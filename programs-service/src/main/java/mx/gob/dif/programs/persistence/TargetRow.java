package mx.gob.dif.programs.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One target of a search across plans, with the plan it belongs to; {@code schedule} is null or 12 monthly quantities. */
public record TargetRow(UUID planId, String orgUnit, int fiscalYear, String planStatus, String programCode, String programName,
                        String actionCode, String actionDescription, String indicatorCode, String unit, BigDecimal annualTarget,
                        String method, List<String> components, List<String> calendarMonths, String caseMetric,
                        List<BigDecimal> schedule) {
}
