package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Items of the in-document lists of programs and actions. */
public final class PlanListItems {
    private PlanListItems() {
    }

    /** A program in a list: its identity, calendar, investment (as imported) and how many actions and targets it has. */
    @Schema(name = "ProgramListItem")
    public record ProgramItem(UUID planId, String code, String name, List<String> calendarMonths,
                       @Schema(implementation = ProgramBody.Investment.class) JsonNode investment,
                       int actionCount, int targetCount) {
    }

    /** An action in a list, with its program and how many targets it has. */
    @Schema(name = "ActionListItem")
    public record ActionItem(UUID planId, String programCode, String code, String description, int targetCount) {
    }
}
