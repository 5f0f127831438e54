package mx.gob.dif.deploy.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceDocTest {
    private static final String DOC = """
            # Performance of the DIF platform (measured by `./dif bench`)

            Intro kept as written.

            ## Current numbers

            Explanation of the table.

            | metric | latest | target | run | commit |
            |---|---|---|---|---|
            | Raw Kafka producer — baseline | 95.0k events/s | – | 2026-11-22 A/B | 060e96b |
            | One indicator query, p95 | 13.6 ms | ≤ 20 ms — met | 2026-11-22 A/B | 060e96b |
            | `./dif up`, cold / warm | 2 min 10 s / 25 s | – | 2026-11-22 21:42 | b0104b7 |

            ## Log

            Newest first.

            ### 2026-11-22 23:30 UTC, tokens (commit d416790)

            | what | measured |
            |---|---|
            | One indicator query | p95 13.6 ms |

            A hand-written note about that run.

            ### 2026-11-22, machine ceilings

            - ceiling notes
            """;

    private static PerformanceDoc.Run run(String when, String commit, PerformanceDoc.Latest... latest) {
        return new PerformanceDoc.Run(when, commit, "Measured " + when + ".\n\n| what | measured |\n|---|---|\n| One indicator query | p95 9.9 ms |\n",
                List.of(latest));
    }

    @Test
    void measuredRowsGetValueDateAndCommitOthersStayAsTheyAre() {
        String out = PerformanceDoc.update(DOC, run("2026-11-23 14:05", "abc1234",
                new PerformanceDoc.Latest("One indicator query, p95", "25.1 ms", "≤ 20 ms — **missed**"),
                new PerformanceDoc.Latest("Raw Kafka producer — baseline", "120,000 events/s", null)));

        assertTrue(out.contains("| One indicator query, p95 | 25.1 ms | ≤ 20 ms — **missed** | 2026-11-23 14:05 | abc1234 |\n"), out);
        // no target given: the row's target cell stays as it was
        assertTrue(out.contains("| Raw Kafka producer — baseline | 120,000 events/s | – | 2026-11-23 14:05 | abc1234 |\n"), out);
        assertTrue(out.contains("| `./dif up`, cold / warm | 2 min 10 s / 25 s | – | 2026-11-22 21:42 | b0104b7 |\n"), out);
        assertFalse(out.contains("13.6 ms | ≤ 20 ms — met"), out);
        assertEquals(3, countRowsOfCurrentTable(out));
    }

    @Test
    void aMetricWithNoRowYetIsAddedAtTheEndOfTheTable() {
        String out = PerformanceDoc.update(DOC, run("2026-11-23 14:05", "abc1234",
                new PerformanceDoc.Latest("New metric", "7 ms", null)));

        assertTrue(out.contains("| `./dif up`, cold / warm | 2 min 10 s / 25 s | – | 2026-11-22 21:42 | b0104b7 |\n"
                + "| New metric | 7 ms | – | 2026-11-23 14:05 | abc1234 |\n\n## Log"), out);
    }

    @Test
    void theRunsSectionGoesOnTopOfTheLogAndNothingIsDropped() {
        String first = PerformanceDoc.update(DOC, run("2026-11-23 14:05", "abc1234"));
        String second = PerformanceDoc.update(first, run("2026-11-24 09:00", "def5678"));

        assertTrue(second.contains("""
                ## Log

                Newest first.

                ### 2026-11-24 09:00 UTC, `./dif bench` (commit def5678)

                Measured 2026-11-24 09:00.

                | what | measured |
                |---|---|
                | One indicator query | p95 9.9 ms |

                ### 2026-11-23 14:05 UTC, `./dif bench` (commit abc1234)

                Measured 2026-11-23 14:05.
                """), second);
        assertTrue(second.contains("""
                | One indicator query | p95 9.9 ms |

                ### 2026-11-22 23:30 UTC, tokens (commit d416790)
                """), second);
        // every line of the original file is still there, in the same order
        assertEquals(DOC, withoutLinesNotIn(second, DOC));
        assertTrue(second.endsWith("- ceiling notes\n"), second);
    }

    @Test
    void withoutACommitTheHeadingSaysNoneAndTheCommitCellIsADash() {
        String out = PerformanceDoc.update(DOC, run("2026-11-23 14:05", null,
                new PerformanceDoc.Latest("One indicator query, p95", "12.0 ms", "≤ 20 ms — met")));

        assertTrue(out.contains("\n### 2026-11-23 14:05 UTC, `./dif bench`\n"), out);
        assertTrue(out.contains("| One indicator query, p95 | 12.0 ms | ≤ 20 ms — met | 2026-11-23 14:05 | – |\n"), out);
    }

    @Test
    void anOldFileWithoutTheStructureIsKeptAsTheOldestLogEntry() {
        String old = """
                # Performance of the DIF platform (measured by `./dif bench`)

                Measured 2026-11-20T10:00:00Z on this machine.

                | what | measured |
                |---|---|
                | Raw Kafka producer | 82,995 events/s |

                ## Notes

                Notes written by hand.
                """;

        String out = PerformanceDoc.update(old, run("2026-11-23 14:05", "abc1234",
                new PerformanceDoc.Latest("Raw Kafka producer — baseline", "120,000 events/s", null)));

        assertEquals(1, out.lines().filter(l -> l.startsWith("# ")).count(), "one title: " + out);
        int current = out.indexOf("\n## Current numbers\n");
        int log = out.indexOf("\n## Log\n");
        int section = out.indexOf("\n### 2026-11-23 14:05 UTC, `./dif bench` (commit abc1234)\n");
        int earlier = out.indexOf("\n### Earlier measurements");
        assertTrue(0 < current && current < log && log < section && section < earlier, out);
        assertTrue(out.contains("| Raw Kafka producer — baseline | 120,000 events/s | – | 2026-11-23 14:05 | abc1234 |\n"), out);
        assertTrue(out.substring(earlier).contains("""
                Measured 2026-11-20T10:00:00Z on this machine.

                | what | measured |
                |---|---|
                | Raw Kafka producer | 82,995 events/s |

                #### Notes

                Notes written by hand.
                """), out);
        // the old notes no longer open a section of their own at the level of the log
        assertFalse(out.contains("\n## Notes"), out);

        String next = PerformanceDoc.update(out, run("2026-11-24 09:00", "def5678"));
        assertTrue(next.indexOf("(commit def5678)") < next.indexOf("(commit abc1234)"), next);
        assertTrue(next.contains("Notes written by hand."), next);
    }

    @Test
    void noFileYetGivesTheWholeStructure() {
        String out = PerformanceDoc.update(null, run("2026-11-23 14:05", "abc1234",
                new PerformanceDoc.Latest("One indicator query, p95", "12.0 ms", "≤ 20 ms — met")));

        assertTrue(out.startsWith(PerformanceDoc.TITLE + "\n\n## Current numbers\n"), out);
        assertTrue(out.contains("| metric | latest | target | run | commit |\n|---|---|---|---|---|\n"
                + "| One indicator query, p95 | 12.0 ms | ≤ 20 ms — met | 2026-11-23 14:05 | abc1234 |\n"), out);
        assertTrue(out.indexOf("## Log") < out.indexOf("### 2026-11-23 14:05 UTC"), out);
        assertFalse(out.contains("Earlier measurements"), out);
    }

    @Test
    void aLogWithNoSectionYetGetsTheRunBelowItsIntroduction() {
        String doc = "# T\n\n## Current numbers\n\n| metric | latest | target | run | commit |\n|---|---|---|---|---|\n\n## Log\n\nNewest first.\n";

        String out = PerformanceDoc.update(doc, run("2026-11-23 14:05", "abc1234", new PerformanceDoc.Latest("M", "1 ms", null)));

        assertTrue(out.contains("|---|---|---|---|---|\n| M | 1 ms | – | 2026-11-23 14:05 | abc1234 |\n\n## Log\n\nNewest first.\n\n"
                + "### 2026-11-23 14:05 UTC, `./dif bench` (commit abc1234)\n\nMeasured 2026-11-23 14:05.\n"), out);
    }

    @Test
    void theRepositorysOwnFileKeepsEveryLineButTheRowsTheRunMeasured() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "PERFORMANCE.md"));
        String metric = "One indicator query (municipality, year), p95";
        assertTrue(doc.contains("\n| " + metric + " | "), "the bench's row names match the file's");

        String out = PerformanceDoc.update(doc, run("2026-11-23 14:05", "abc1234",
                new PerformanceDoc.Latest(metric, "12.0 ms", "≤ 20 ms — met")));

        String changedRow = doc.lines().filter(l -> l.startsWith("| " + metric + " | ")).findFirst().orElseThrow();
        assertEquals(doc.replace(changedRow + "\n", ""), withoutLinesNotIn(out, doc.replace(changedRow + "\n", "")));
        assertTrue(out.indexOf("### 2026-11-23 14:05 UTC") < out.indexOf("### 2026-11-22, A/B"), "the run comes first in the log");
        assertEquals(countRowsOfCurrentTable(doc), countRowsOfCurrentTable(out));
    }

    private static int countRowsOfCurrentTable(String doc) {
        String current = doc.substring(doc.indexOf("## Current numbers"), doc.indexOf("## Log"));
        return (int) current.lines().filter(l -> l.startsWith("|")).count() - 2;
    }

    /** {@code text} with only its lines that also occur in {@code reference}, so what an update kept can be compared with the original. */
    private static String withoutLinesNotIn(String text, String reference) {
        List<String> ref = reference.lines().toList();
        StringBuilder kept = new StringBuilder();
        int next = 0;
        for (String line : text.lines().toList()) {
            if (next < ref.size() && line.equals(ref.get(next))) {
                kept.append(line).append('\n');
                next++;
            }
        }
        return kept.toString();
    }
}
