package mx.gob.dif.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventReaderTest {
    private static final ActivityReported REPORT = new ActivityReported("a-1", "DIF-01-03", "10005", "10005", 2021,
            LocalDate.of(2021, 3, 14), new BigDecimal("80.50"));

    @Test
    void readsBackWhatWasWrittenWithTheTypedPayload() throws MalformedEvent {
        String json = EventWriter.write(CloudEvent.of("e-1", "/programs-service", EventTypes.ACTIVITY_REPORTED, REPORT.key(), REPORT));

        CloudEvent<?> read = EventReader.read(json);

        assertEquals("e-1", read.id());
        assertEquals("/programs-service", read.source());
        assertEquals("10005|DIF-01-03", read.subject());
        ActivityReported data = assertInstanceOf(ActivityReported.class, read.data());
        assertEquals(REPORT, data);
        assertEquals(0, new BigDecimal("80.50").compareTo(data.quantity()));
    }

    @Test
    void readsAKnownTypeAsAskedAndRefusesAnother() throws MalformedEvent {
        String json = EventWriter.write(CloudEvent.of("e-2", "/x", EventTypes.ACTIVITY_REPORTED, null, REPORT));

        assertEquals(REPORT, EventReader.read(json, ActivityReported.class).data());
        MalformedEvent e = assertThrows(MalformedEvent.class, () -> EventReader.read(json, CaseEvent.class));
        assertTrue(e.getMessage().contains("CaseEvent"), e.getMessage());
    }

    @Test
    void everyKnownTypeHasAPayloadAndASchema() {
        for (String type : new String[]{EventTypes.ORG_UNIT_CHANGED, EventTypes.PROGRAM_CHANGED, EventTypes.TARGET_CHANGED,
                EventTypes.OUTCOME_GOAL_CHANGED, EventTypes.ACTIVITY_REPORTED, EventTypes.ACTIVITY_RETRACTED,
                EventTypes.CASE_CHANGED, EventTypes.INDICATOR_UPDATED}) {
            assertTrue(EventTypes.payloadType(type).isPresent(), type);
            assertTrue(EventReader.class.getResource("/schemas/" + type + ".json") != null, "schema of " + type);
        }
    }

    @Test
    void refusesWhatIsNotAnEventWithAReasonThatDoesNotQuoteTheBody() {
        assertReason("not JSON", "{\"specversion\":\"1.0\",\"id\":\"SECRET-BODY");
        assertReason("not a JSON object", "[1,2]");
        assertReason("empty", "  ");
        assertReason("envelope without 'id'", "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"" + EventTypes.ACTIVITY_REPORTED + "\",\"data\":{}}");
        assertReason("unknown event type", "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"other.v1\",\"data\":{}}");
        assertReason("without an object in 'data'", "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\""
                + EventTypes.ACTIVITY_REPORTED + "\",\"data\":\"SECRET-BODY\"}");
        assertReason("not a valid ActivityReported", "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\""
                + EventTypes.ACTIVITY_REPORTED + "\",\"data\":{\"quantity\":\"SECRET-BODY\"}}");
        assertReason("invalid value at 'date' (expected LocalDate)", "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\""
                + EventTypes.ACTIVITY_REPORTED + "\",\"data\":{\"date\":\"SECRET-BODY\"}}");
    }

    private static void assertReason(String expected, String json) {
        MalformedEvent e = assertThrows(MalformedEvent.class, () -> EventReader.read(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("SECRET-BODY"), "the reason must not quote the record: " + e.getMessage());
    }
}
