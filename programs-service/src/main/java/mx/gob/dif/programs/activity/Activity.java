package mx.gob.dif.programs.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One accepted report as the ledger keeps it: the answer of GET, of the list and of a retraction. */
public record Activity(UUID id, String indicator, String orgUnit, String planOrgUnit, int fiscalYear, LocalDate date,
                       BigDecimal quantity, String note, String status, OffsetDateTime receivedAt,
                       OffsetDateTime retractedAt, String retractionReason) {
    public boolean retracted() {
        return "RETRACTED".equals(status);
    }
}
