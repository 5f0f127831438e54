package mx.gob.dif.console.api;

import java.util.List;
import java.util.UUID;

/** The 202 of {@code POST /api/v1/activities}: how many reports were new, how many it already had. */
public record ReportsAccepted(int accepted, int alreadyKnown, List<UUID> ids) {
}
