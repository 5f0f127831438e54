package mx.gob.dif.indicators.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading case events: what counts, what is ignored, and that a rejection never quotes the event's content. */
class CaseApplierParseTest {
    private static final String REF = "a".repeat(64);

    private static ObjectNode data(String change, Boolean onTime, String date, String due) {
        return EventJson.MAPPER.valueToTree(new CaseEvent(REF, "25006", change, null, "HEALTH", "WALK_IN", null, null, null,
                "60+", "M", LocalDate.parse(date), due == null ? null : LocalDate.parse(due), onTime, null));
    }

    private static String event(String id, String type, Object data) throws Exception {
        return EventJson.MAPPER.writeValueAsString(CloudEvent.of(id, "/cases-service", type, REF, EventJson.MAPPER.valueToTree(data)));
    }

    @Test
    void countedChangesAreRead() throws Exception {
        CaseApplier.CaseChange c = CaseApplier.parse(event("e-1", EventTypes.CASE_CHANGED, data("RECEIVED", null, "2021-03-04", null)));
        assertEquals(new CaseApplier.CaseChange("e-1", "25006", "RECEIVED", LocalDate.of(2021, 3, 4), false), c);
        assertTrue(CaseApplier.parse(event("e-2", EventTypes.CASE_CHANGED, data("FOLLOW_UP_DELIVERED", null, "2021-03-04", "2021-03-04"))).onTime());
        assertFalse(CaseApplier.parse(event("e-3", EventTypes.CASE_CHANGED, data("MONTHLY_REPORT_DELIVERED", false, "2021-03-04", null))).onTime());
    }

    @Test
    void uncountedChangesAndOtherTypesAreIgnored() throws Exception {
        assertNull(CaseApplier.parse(event("e-4", EventTypes.CASE_CHANGED, data("STATUS_CHANGED", null, "2021-03-04", null))));
        assertNull(CaseApplier.parse(event("e-5", "mx.gob.dif.case.something.v9", data("RECEIVED", null, "2021-03-04", null))));
    }

    @Test
    void rejectionsNameSchemaPathsNeverValues() throws Exception {
        ObjectNode withName = data("RECEIVED", null, "2021-03-04", null);
        withName.put("nombre", "Juana Pérez");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseApplier.parse(event("e-6", EventTypes.CASE_CHANGED, withName)));
        assertFalse(e.getMessage().contains("Juana"), e.getMessage());

        ObjectNode badSex = data("RECEIVED", null, "2021-03-04", null);
        badSex.put("sex", "Juana");
        e = assertThrows(IllegalArgumentException.class, () -> CaseApplier.parse(event("e-7", EventTypes.CASE_CHANGED, badSex)));
        assertTrue(e.getMessage().contains("$.sex"), e.getMessage());
        assertFalse(e.getMessage().contains("Juana"), e.getMessage());

        ObjectNode badDate = data("RECEIVED", null, "2021-03-04", null);
        badDate.put("date", "2021-02-30");
        e = assertThrows(IllegalArgumentException.class, () -> CaseApplier.parse(event("e-8", EventTypes.CASE_CHANGED, badDate)));
        assertFalse(e.getMessage().contains("2021-02-30"), e.getMessage());

        ObjectNode noUnit = data("RECEIVED", null, "2021-03-04", null);
        noUnit.remove("orgUnit");
        assertThrows(IllegalArgumentException.class, () -> CaseApplier.parse(event("e-9", EventTypes.CASE_CHANGED, noUnit)));

        e = assertThrows(IllegalArgumentException.class, () -> CaseApplier.parse("{\"curp\": JuanaPerez}"));
        assertFalse(e.getMessage().contains("Juana"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseApplier.parse("[1]"));
        // envelope without an id
        ObjectNode env = (ObjectNode) EventJson.MAPPER.readTree(event("e-10", EventTypes.CASE_CHANGED, data("RECEIVED", null, "2021-03-04", null)));
        env.remove("id");
        assertThrows(IllegalArgumentException.class, () -> CaseApplier.parse(env.toString()));
    }
}
