package mx.gob.dif.programs.activity;

import java.util.List;
import java.util.UUID;

/**
 * The 202 answer to a batch: {@code accepted} new reports, {@code alreadyKnown} resends of known ids
 * (not published again), and the id of every report in request order.
 */
public record ReportsAccepted(int accepted, int alreadyKnown, List<UUID> ids) {
}
