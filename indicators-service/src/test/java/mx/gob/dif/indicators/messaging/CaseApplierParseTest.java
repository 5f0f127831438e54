package mx.gob.dif.indicators.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventReader;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.MalformedEvent;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reading case events the way the loop does (EventReader, then CaseApplier on the record as it was):
 * what counts, what is ignored, what is refused (dead-lettered), and that a refusal never quotes the
 * event's content.
 */
class CaseApplierParseTest {
    private static final String REF = "a".repeat(64);

    private static ObjectNode data(String change, Boolean onTime, String date, String due) {
        return EventJson.MAPPER.valueToTree(new CaseEvent(REF, "25006", change, null, "HEALTH", "WALK_IN", null, null, null,
                "60+", "M", LocalDate.parse(date), due == null ? null : LocalDate.parse(due), onTime, null));
    }

    private static String event(String id, String type, Object data) throws Exception {
        return EventJson.MAPPER.writeValueAsString(CloudEvent.of(id, "/cases-service", type, REF, EventJson.MAPPER.valueToTree(data)));
    }

    /** One record of dif.cases through the loop's reader and the case applier. */
    private static CaseApplier.CaseChange read(String json) throws MalformedEvent, Refused {
        return CaseApplier.change(new Received(Topics.CASE_EVENTS, 0, 0, REF, EventReader.read(json), json));
    }

    /** The reason the record is dead-lettered with: by the loop's reader or by the case applier. */
    private static String refusal(String json) {
        try {
            read(json);
        } catch (MalformedEvent | Refused e) {
            return e.getMessage();
        }
        return fail("expected a refusal");
    }

    @Test
    void countedChangesAreRead() throws Exception {
        CaseApplier.CaseChange c = read(event("e-1", EventTypes.CASE_CHANGED, data("RECEIVED", null, "2021-03-04", null)));
        assertEquals(new CaseApplier.CaseChange("e-1", "25006", "RECEIVED", LocalDate.of(2021, 3, 4), false), c);
        assertTrue(read(event("e-2", EventTypes.CASE_CHANGED, data("FOLLOW_UP_DELIVERED", null, "2021-03-04", "2021-03-04"))).onTime());
        assertFalse(read(event("e-3", EventTypes.CASE_CHANGED, data("MONTHLY_REPORT_DELIVERED", false, "2021-03-04", null))).onTime());
    }

    @Test
    void uncountedChangesAreIgnoredAndUnknownTypesRefused() throws Exception {
        assertNull(read(event("e-4", EventTypes.CASE_CHANGED, data("STATUS_CHANGED", null, "2021-03-04", null))));
        // not an event type of the platform: the loop's reader refuses it, so it is dead-lettered rather than dropped
        assertTrue(refusal(event("e-5", "mx.gob.dif.case.something.v9", data("RECEIVED", null, "2021-03-04", null)))
                .contains("unknown event type"));
    }

    @Test
    void rejectionsNameSchemaPathsNeverValues() throws Exception {
        ObjectNode withName = data("RECEIVED", null, "2021-03-04", null);
        withName.put("nombre", "Juana Pérez");
        String reason = refusal(event("e-6", EventTypes.CASE_CHANGED, withName));
        assertFalse(reason.contains("Juana"), reason);

        ObjectNode badSex = data("RECEIVED", null, "2021-03-04", null);
        badSex.put("sex", "Juana");
        reason = refusal(event("e-7", EventTypes.CASE_CHANGED, badSex));
        assertTrue(reason.contains("$.sex"), reason);
        assertFalse(reason.contains("Juana"), reason);

        ObjectNode badDate = data("RECEIVED", null, "2021-03-04", null);
        badDate.put("date", "2021-02-30");
        reason = refusal(event("e-8", EventTypes.CASE_CHANGED, badDate));
        assertFalse(reason.contains("2021-02-30"), reason);

        ObjectNode noUnit = data("RECEIVED", null, "2021-03-04", null);
        noUnit.remove("orgUnit");
        refusal(event("e-9", EventTypes.CASE_CHANGED, noUnit));

        reason = refusal("{\"curp\": JuanaPerez}");
        assertFalse(reason.contains("Juana"), reason);
        refusal("[1]");
        // envelope without an id
        ObjectNode env = (ObjectNode) EventJson.MAPPER.readTree(event("e-10", EventTypes.CASE_CHANGED, data("RECEIVED", null, "2021-03-04", null)));
        env.remove("id");
        refusal(env.toString());
    }
}
