package mx.gob.dif.deploy.bench;

import java.net.http.HttpResponse;

/**
 * The state analyst's reporting-cycle reads on the benchmark's dense data (issue 15): an indicator broken down by
 * the state's 39 municipalities, and who reported a month in the whole state. Each is asked repeatedly through the
 * gateway; target p95 ≤ 50 ms.
 */
final class ReportingCycleBench {
    private static final int ROUNDS = 30;
    private static final double TARGET_MS = 50;

    private final Gateway gateway;
    private final Report report;

    ReportingCycleBench(Gateway gateway, Report report) {
        this.gateway = gateway;
        this.report = report;
    }

    void run() throws Exception {
        String code = Benchmark.indicator(1, 1);
        measure("Indicator breakdown of the state by its 39 municipalities, a quarter, JSON",
                "/api/v1/indicators/" + code + "/breakdown?orgUnit=" + Benchmark.STATE + "&period=" + Benchmark.YEAR + "-Q1");
        measure("Completeness of the state's municipalities for a month (" + Benchmark.PROGRAMS * Benchmark.ACTIONS_PER_PROGRAM
                + " targets due each), JSON", "/api/v1/reporting/completeness?orgUnit=" + Benchmark.STATE + "&period=" + Benchmark.YEAR + "-03");
    }

    private void measure(String what, String path) throws Exception {
        timed(path); // the first call warms the path; it is not counted
        Stats stats = new Stats();
        for (int i = 0; i < ROUNDS; i++) {
            stats.add(timed(path));
        }
        String value = "p50 " + Benchmark.fmt(stats.percentile(50)) + " ms, p95 " + Benchmark.fmt(stats.percentile(95)) + " ms";
        report.measured(what, value);
        report.latest(what + ", p95", Benchmark.fmt(stats.percentile(95)) + " ms", "≤ 50 ms", stats.percentile(95) <= TARGET_MS);
        Benchmark.say(what + ": " + value);
    }

    private double timed(String path) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = gateway.get(path, Benchmark.ADMIN);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return ms;
    }
}
