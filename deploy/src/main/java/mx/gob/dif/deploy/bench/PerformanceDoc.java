package mx.gob.dif.deploy.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits the text of docs/PERFORMANCE.md for one {@code ./dif bench} run, so that every earlier
 * measurement and every hand-written note survives it: the run's own section goes on top of the
 * log, and the current-numbers table gets the run's value, date and commit in the rows of the
 * metrics it measured (other rows stay as they are; a metric with no row yet gets one at the end).
 * <p>
 * The structure it relies on is two headings, {@value #CURRENT} (the first table below it: metric |
 * latest | target | run | commit, rows found by their metric cell) and {@value #LOG} (sections
 * newest first, each a {@code ###} heading). A file with neither, as written before the log
 * existed, is kept whole below the new structure as the log's oldest entry.
 */
final class PerformanceDoc {
    static final String TITLE = "# Performance of the DIF platform (measured by `./dif bench`)";
    static final String CURRENT = "## Current numbers";
    static final String LOG = "## Log";
    private static final String TABLE_HEAD = "| metric | latest | target | run | commit |\n|---|---|---|---|---|";
    private static final String NONE = "–";

    /** One row of the current table. {@code target}: the target and whether it was met, or null to keep the row's cell. */
    record Latest(String metric, String value, String target) {
    }

    /**
     * One run. {@code when}: its time in UTC, as "2026-11-23 14:05"; {@code commit}: the tree it
     * measured, or null when unknown; {@code body}: its log section below the heading.
     */
    record Run(String when, String commit, String body, List<Latest> latest) {
        String heading() {
            return "### " + when + " UTC, `./dif bench`" + (commit == null ? "" : " (commit " + commit + ")");
        }
    }

    private PerformanceDoc() {
    }

    /** The file's new text; {@code existing}: its text now, or null when there is no file yet. */
    static String update(String existing, Run run) {
        List<String> lines = new ArrayList<>(existing == null ? List.of() : existing.lines().toList());
        if (heading(lines, CURRENT) < 0 && heading(lines, LOG) < 0) {
            return fresh(run, existing == null ? List.of() : lines);
        }
        if (heading(lines, CURRENT) < 0) {
            List<String> block = new ArrayList<>(List.of(CURRENT, ""));
            block.addAll(table(run));
            block.add("");
            lines.addAll(heading(lines, LOG), block);
        } else {
            updateTable(lines, heading(lines, CURRENT), run);
        }
        if (heading(lines, LOG) < 0) {
            trimTrailingBlanks(lines);
            lines.addAll(List.of("", LOG, ""));
        }
        insertSection(lines, heading(lines, LOG), run);
        trimTrailingBlanks(lines);
        return String.join("\n", lines) + "\n";
    }

    /** A new file: title, current table, log with this run, then whatever was in the old file. */
    private static String fresh(Run run, List<String> legacy) {
        List<String> lines = new ArrayList<>(List.of(TITLE, "", CURRENT, "",
                "The latest measurement of each metric: \"run\" is when it was measured (UTC), \"commit\" the tree it measured.", ""));
        lines.addAll(table(run));
        lines.addAll(List.of("", LOG, "", "Newest first. Each section is one measurement as it was recorded.", ""));
        lines.addAll(section(run));
        if (legacy.stream().anyMatch(l -> !l.isBlank())) {
            lines.addAll(List.of("", "### Earlier measurements, as the file recorded them before it had a log", ""));
            boolean title = true;
            for (String l : legacy) {
                if (title && l.startsWith("# ")) {
                    title = false; // the old file's title is the new file's title
                    continue;
                }
                // its headings go below this entry's, so they cannot end the log or pass for a run
                lines.add(l.startsWith("#") ? ("##" + l).replaceFirst("^#{7,}", "######") : l);
            }
        }
        trimTrailingBlanks(lines);
        return String.join("\n", lines) + "\n";
    }

    private static List<String> table(Run run) {
        List<String> rows = new ArrayList<>(TABLE_HEAD.lines().toList());
        run.latest().forEach(m -> rows.add(newRow(m, run)));
        return rows;
    }

    private static String newRow(Latest m, Run run) {
        return row(List.of(m.metric(), m.value(), m.target() == null ? NONE : m.target(), run.when(), commit(run)));
    }

    private static void updateTable(List<String> lines, int current, Run run) {
        int start = current + 1;
        while (start < lines.size() && !lines.get(start).startsWith("|") && !lines.get(start).startsWith("## ")) {
            start++;
        }
        if (start >= lines.size() || !lines.get(start).startsWith("|")) {
            List<String> table = table(run);
            lines.addAll(start, table);
            lines.add(start + table.size(), "");
            return;
        }
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        for (Latest m : run.latest()) {
            int found = -1;
            for (int i = start + 2; i < end && found < 0; i++) {
                if (cells(lines.get(i)).getFirst().equals(m.metric())) {
                    found = i;
                }
            }
            if (found < 0) {
                lines.add(end++, newRow(m, run));
                continue;
            }
            List<String> cells = cells(lines.get(found));
            while (cells.size() < 5) {
                cells.add(NONE);
            }
            cells.set(1, m.value());
            if (m.target() != null) {
                cells.set(2, m.target());
            }
            cells.set(3, run.when());
            cells.set(4, commit(run));
            lines.set(found, row(cells));
        }
    }

    /** The run's section above the first section of the log (or at its end when it has none yet). */
    private static void insertSection(List<String> lines, int log, Run run) {
        int at = log + 1;
        while (at < lines.size() && !lines.get(at).startsWith("### ") && !lines.get(at).startsWith("## ")) {
            at++;
        }
        boolean sectionFollows = at < lines.size();
        while (at > log + 1 && lines.get(at - 1).isBlank()) {
            at--; // keep the blank lines before the next heading after the new section
        }
        List<String> block = new ArrayList<>();
        block.add("");
        block.addAll(section(run));
        if (sectionFollows && !lines.get(at).isBlank()) {
            block.add("");
        }
        lines.addAll(at, block);
    }

    private static List<String> section(Run run) {
        List<String> s = new ArrayList<>(List.of(run.heading(), ""));
        s.addAll(run.body().strip().lines().toList());
        return s;
    }

    private static int heading(List<String> lines, String heading) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String commit(Run run) {
        return run.commit() == null ? NONE : run.commit();
    }

    private static void trimTrailingBlanks(List<String> lines) {
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
    }
}
