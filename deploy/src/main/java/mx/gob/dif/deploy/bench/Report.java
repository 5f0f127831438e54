package mx.gob.dif.deploy.bench;

import mx.gob.dif.deploy.infra.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measured, and writing it into docs/PERFORMANCE.md: each scenario records its line of
 * the run's own table ({@link #measured}) and the rows of the current-numbers table it updates
 * ({@link #latest}, named as in that table).
 */
final class Report {
    static final String TARGETS = "Targets (issue 14, on this 2-core machine with everything on it): accepted and aggregated with "
            + "batches ≥ 20 % of the raw Kafka producer rate of the same run; single reports with 32 clients ≥ 2,000/s; state "
            + "closing report (40 units, 700 targets) right after a change p95 ≤ 300 ms; one indicator query p95 ≤ 10 ms; "
            + "freshness p99 ≤ 100 ms at 5,000 events/s of background load; each with one and with two indicators instances.";
    private final Map<String, String> measured = new LinkedHashMap<>();
    private final List<PerformanceDoc.Latest> latest = new ArrayList<>();

    /** A line of this run's table in the log. */
    void measured(String what, String value) {
        measured.put(what, value);
    }

    /** A row of the current-numbers table with no target. */
    void latest(String metric, String value) {
        latest.add(new PerformanceDoc.Latest(metric, value, null));
    }

    /** A row of the current-numbers table with its target, e.g. "≤ 20 ms", and whether this run met it. */
    void latest(String metric, String value, String target, boolean met) {
        latest.add(new PerformanceDoc.Latest(metric, value, target + (met ? " — met" : " — **missed**")));
    }

    void write(Path projectDir) throws IOException {
        Path out = projectDir.resolve("docs/PERFORMANCE.md");
        Files.createDirectories(out.getParent());
        String existing = Files.exists(out) ? Files.readString(out) : null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String when = now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Files.writeString(out, PerformanceDoc.update(existing, new PerformanceDoc.Run(when, Processes.gitCommit(projectDir), body(now), latest)));
        Benchmark.say("wrote " + out);
    }

    private String body(OffsetDateTime now) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(now).append(" on this machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB max heap for the benchmark JVM, the whole stack ")
                .append("(PostgreSQL, Kafka, Keycloak, four services, this load generator) on the same machine. Every request ")
                .append("carries a Keycloak access token, validated by the gateway and again by the service.\n\n");
        md.append("| what | measured |\n|---|---|\n");
        measured.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.append('\n').append(TARGETS).append('\n').toString();
    }
}
