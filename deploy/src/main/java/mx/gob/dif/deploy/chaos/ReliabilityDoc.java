package mx.gob.dif.deploy.chaos;

import mx.gob.dif.deploy.infra.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@code ./dif chaos} run into docs/RELIABILITY.md and keeps every hand-written part: the
 * section {@value #LATEST} gets the run's table (up to the next {@code ##} heading), and the run is
 * listed on top of {@value #RUNS}. A heading the file lacks is added at its end.
 */
final class ReliabilityDoc {
    static final String TITLE = "# Reliability of the DIF platform (measured by `./dif chaos`)";
    static final String LATEST = "## Latest run";
    static final String RUNS = "## Runs";

    private ReliabilityDoc() {
    }

    static void write(Path projectDir, Profile profile, List<FaultResult> results) throws IOException {
        Path out = projectDir.resolve("docs/RELIABILITY.md");
        String existing = Files.exists(out) ? Files.readString(out) : null;
        String when = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Files.writeString(out, update(existing, when, Processes.gitCommit(projectDir), profile, results));
        ChaosSuite.say("wrote " + out);
    }

    /** The file's new text; {@code existing}: its text now, or null; {@code commit}: the tree tested, or null. */
    static String update(String existing, String when, String commit, Profile profile, List<FaultResult> results) {
        List<String> lines = new ArrayList<>(existing == null ? List.of(TITLE) : existing.lines().toList());
        long passed = results.stream().filter(FaultResult::passed).count();
        String summary = passed + " passed, " + (results.size() - passed) + " failed";
        List<String> table = new ArrayList<>(List.of("", "Run of " + when + " UTC" + (commit == null ? "" : ", commit " + commit)
                + ", profile `" + profile.name() + "` (" + profile.clients() + " clients, " + Runtime.getRuntime().availableProcessors()
                + " cores, the whole stack on this machine): **" + summary + "**.", ""));
        table.addAll(FaultResult.header().lines().toList());
        results.forEach(r -> table.add(r.row()));
        table.add("");
        replaceSection(lines, LATEST, table);
        int runs = heading(lines, RUNS);
        if (runs < 0) {
            trimTrailingBlanks(lines);
            lines.addAll(List.of("", RUNS, ""));
            runs = lines.size() - 2;
        }
        // newest first: above the first listed run, below any text the section starts with
        int at = runs + 1;
        while (at < lines.size() && !lines.get(at).startsWith("- ") && !lines.get(at).startsWith("## ")) {
            at++;
        }
        boolean listFollows = at < lines.size() && lines.get(at).startsWith("- ");
        while (!listFollows && lines.get(at - 1).isBlank() && at - 1 > runs) {
            at--;
        }
        if (!listFollows) {
            lines.add(at++, "");
            if (at < lines.size() && !lines.get(at).isBlank()) {
                lines.add(at, "");
            }
        }
        lines.add(at, "- " + when + " UTC" + (commit == null ? "" : " (commit " + commit + ")") + ", profile `" + profile.name()
                + "`: " + summary + (passed == results.size() ? "" : " — " + results.stream().filter(r -> !r.passed())
                .map(FaultResult::fault).reduce((a, b) -> a + ", " + b).orElse("")));
        trimTrailingBlanks(lines);
        return String.join("\n", lines) + "\n";
    }

    private static void replaceSection(List<String> lines, String title, List<String> body) {
        int start = heading(lines, title);
        if (start < 0) {
            trimTrailingBlanks(lines);
            lines.add("");
            lines.add(title);
            lines.addAll(body);
            return;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        lines.subList(start + 1, end).clear();
        lines.addAll(start + 1, body);
    }

    private static int heading(List<String> lines, String heading) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading)) {
                return i;
            }
        }
        return -1;
    }

    private static void trimTrailingBlanks(List<String> lines) {
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
    }
}
