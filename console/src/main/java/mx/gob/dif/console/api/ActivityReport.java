package mx.gob.dif.console.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One activity report as {@code POST /api/v1/activities} takes it; the id makes a resend a no-op. */
public record ActivityReport(UUID id, String indicator, String orgUnit, LocalDate date, BigDecimal quantity) {
}
