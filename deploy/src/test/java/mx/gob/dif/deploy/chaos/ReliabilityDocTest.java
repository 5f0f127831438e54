package mx.gob.dif.deploy.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliabilityDocTest {
    private static final String DOC = """
            # Reliability of the DIF platform (measured by `./dif chaos`)

            Intro kept as written.

            ## Latest run

            | fault | old table |
            |---|---|
            | kill -9 x | 1 |

            ## What each guarantee rests on

            Hand-written explanation.

            ## Runs

            - 2026-12-01 10:00 UTC (commit aaa1111), profile `full`: 9 passed, 0 failed
            """;

    private static final FaultResult PASSED = new FaultResult("kill -9 programs-service", 120, 120, 0, 0, 7, 30, 21.5, 240, List.of());
    private static final FaultResult FAILED = new FaultResult("kill -9 PostgreSQL", 90, 88, 2, 0, 3, 12, 40.0, 240,
            List.of("2 acknowledged reports missing from the ledger"));

    @Test
    void theLatestTableIsReplacedTheRunIsListedFirstAndHandWrittenTextStays() {
        String out = ReliabilityDoc.update(DOC, "2026-12-05 09:40", "bbb2222", Profile.full(), List.of(PASSED, FAILED));

        assertFalse(out.contains("old table"), out);
        assertTrue(out.contains("| kill -9 programs-service | 120 | 120 | 0 | 0 | 7 | 30 | 21.5 s | pass |\n"), out);
        assertTrue(out.contains("| kill -9 PostgreSQL | 90 | 88 | 2 | 0 | 3 | 12 | 40.0 s | **FAIL**: 2 acknowledged reports "
                + "missing from the ledger |"), out);
        assertTrue(out.contains("**1 passed, 1 failed**"), out);
        assertTrue(out.contains("## What each guarantee rests on\n\nHand-written explanation.\n"), out);
        assertTrue(out.contains("## Runs\n\n- 2026-12-05 09:40 UTC (commit bbb2222), profile `full`: 1 passed, 1 failed — "
                + "kill -9 PostgreSQL\n- 2026-12-01 10:00 UTC (commit aaa1111), profile `full`: 9 passed, 0 failed\n"), out);
        assertEquals(2, out.split("## Latest run", -1).length, out);
    }

    @Test
    void theFirstRunGoesBelowTheTextOfTheRunsSectionAndAboveTheNextSection() {
        String doc = "# T\n\n## Latest run\n\n## Runs\n\nNewest first.\n\n## Appendix\n\nKept.\n";

        String out = ReliabilityDoc.update(doc, "2026-12-05 09:40", null, Profile.ci(), List.of(PASSED));

        assertTrue(out.contains("## Runs\n\nNewest first.\n\n- 2026-12-05 09:40 UTC, profile `ci`: 1 passed, 0 failed\n\n## Appendix\n\nKept.\n"), out);
    }

    @Test
    void aProblemOverSeveralLinesOrWithAPipeStaysInItsCell() {
        FaultResult r = new FaultResult("f", 10, 10, 0, 0, 0, 0, -1, 240, List.of("no arrancó\n\tat x | y"));

        assertTrue(r.row().endsWith("| **FAIL**: no arrancó at x / y |"), r.row());
    }

    @Test
    void aNewFileGetsTitleTableAndRuns() {
        String out = ReliabilityDoc.update(null, "2026-12-05 09:40", null, Profile.ci(), List.of(PASSED));

        assertTrue(out.startsWith(ReliabilityDoc.TITLE + "\n\n## Latest run\n"), out);
        assertTrue(out.contains("profile `ci`"), out);
        assertTrue(out.endsWith("## Runs\n\n- 2026-12-05 09:40 UTC, profile `ci`: 1 passed, 0 failed\n"), out);
    }

    @Test
    void aRowFailsWhenAReportIsLostOrDoubledNothingWasAcknowledgedOrTheRecoveryExceedsTheBound() {
        assertTrue(PASSED.passed());
        assertFalse(new FaultResult("f", 10, 9, 1, 0, 0, 0, 1, 240, List.of()).passed());
        assertFalse(new FaultResult("f", 10, 11, 0, 1, 0, 0, 1, 240, List.of()).passed());
        assertFalse(new FaultResult("f", 10, 10, 0, 0, 0, 0, -1, 240, List.of()).passed());
        assertFalse(new FaultResult("f", 10, 10, 0, 0, 0, 0, 241, 240, List.of()).passed());
        assertFalse(new FaultResult("f", 0, 0, 0, 0, 0, 0, 1, 240, List.of()).passed(), "nothing acknowledged proves nothing");
    }
}
