package mx.gob.dif.cases.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Age bands, follow-up deadlines, duplicate names and pseudonyms. */
class SmallRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 6, 15);

    @Test
    void ageBandsAtTheirEdges() {
        assertEquals("0-5", AgeBand.of(TODAY.minusYears(5), TODAY));
        assertEquals("6-11", AgeBand.of(TODAY.minusYears(6), TODAY));
        assertEquals("6-11", AgeBand.of(TODAY.minusYears(12).plusDays(1), TODAY));
        assertEquals("12-17", AgeBand.of(TODAY.minusYears(12), TODAY));
        assertEquals("18-29", AgeBand.of(TODAY.minusYears(18), TODAY));
        assertEquals("30-59", AgeBand.of(TODAY.minusYears(59), TODAY));
        assertEquals("60+", AgeBand.of(TODAY.minusYears(60), TODAY));
        assertEquals("UNKNOWN", AgeBand.of(null, TODAY));
        assertEquals("UNKNOWN", AgeBand.of(TODAY.plusDays(1), TODAY));
    }

    @Test
    void followUpReportsAreDueTenToTwentyDaysOut() {
        FollowUpSchedule s = new FollowUpSchedule(10, 20, 15, 7);
        assertEquals(TODAY.plusDays(15), s.dueDate(TODAY, null));
        assertEquals(TODAY.plusDays(10), s.dueDate(TODAY, 10));
        assertEquals(TODAY.plusDays(20), s.dueDate(TODAY, 20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.dueDate(TODAY, 9));
        assertTrue(e.getMessage().contains("entre 10 y 20"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.dueDate(TODAY, 21));
        assertThrows(IllegalArgumentException.class, () -> new FollowUpSchedule(10, 20, 25, 7));
    }

    @Test
    void tasksAreOverdueAfterTheDueDateAndUpcomingWithinSevenDays() {
        FollowUpSchedule s = new FollowUpSchedule(10, 20, 15, 7);
        assertEquals(FollowUpSchedule.Urgency.OVERDUE, s.urgency(TODAY.minusDays(1), TODAY));
        assertEquals(FollowUpSchedule.Urgency.UPCOMING, s.urgency(TODAY, TODAY));
        assertEquals(FollowUpSchedule.Urgency.UPCOMING, s.urgency(TODAY.plusDays(7), TODAY));
        assertEquals(FollowUpSchedule.Urgency.LATER, s.urgency(TODAY.plusDays(8), TODAY));
        assertTrue(FollowUpSchedule.onTime(TODAY, TODAY));
        assertFalse(FollowUpSchedule.onTime(TODAY, TODAY.plusDays(1)));
    }

    @Test
    void namesMatchWhateverTheAccentsCaseAndSpaces() {
        assertEquals(NameKey.of("María  José", "Núñez", null), NameKey.of("MARIA JOSE", "nunez", ""));
        assertEquals("PERSONA FICTICIA UNO", NameKey.of(" Persona ", "Ficticia", "Uno."));
        assertNotEquals(NameKey.of("Ana", "Pérez", null), NameKey.of("Ana", "Pérez", "López"));
    }

    @Test
    void pseudonymsAreStablePerKeyAndKindAndRevealNothing() {
        Pseudonym p = new Pseudonym("a-test-key-of-enough-length");
        String ref = p.of("case", "1234");
        assertEquals(64, ref.length());
        assertEquals(ref, p.of("case", "1234"));
        assertNotEquals(ref, p.of("referral", "1234"));
        assertNotEquals(ref, new Pseudonym("another-key-of-enough-length").of("case", "1234"));
        assertFalse(ref.contains("1234"));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonym("short"));
    }
}
