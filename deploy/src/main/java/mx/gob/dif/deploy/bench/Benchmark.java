package mx.gob.dif.deploy.bench;

import mx.gob.dif.deploy.Launcher;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.events.Topics;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * {@code ./dif bench}: drives the running stack through the gateway and writes docs/PERFORMANCE.md,
 * each number next to a raw baseline (Kafka producer, plain PostgreSQL INSERT) measured in the
 * same run on the same machine. Run by hand, never in the test suite.
 * <p>
 * Every call carries a real token from the stack's Keycloak, as in production: admin.dif imports the
 * plan and rebuilds; the reports and queries come from state-level operators ({@code bench.estatal.NN},
 * municipal-operator of unit 10, created in the local realm on first run), one per simulated
 * municipal system, so each counts against its own bucket of the gateway's per-client rate limit.
 * <p>
 * This class holds the scenarios through the gateway; {@link Gateway} makes the calls,
 * {@link Baselines} measures the raw baselines and {@link Report} writes the results.
 */
public final class Benchmark {
    static final int YEAR = 2022;
    static final String STATE = "10";
    static final int PROGRAMS = 35;
    static final int ACTIONS_PER_PROGRAM = 20;
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.]+)");
    /** Simulated municipal systems sending single reports at once (each its own user, hence its own rate-limit bucket). */
    static final int SINGLE_CLIENTS = 32;
    /** The bench's everyday caller: batches, probes and queries. */
    static final String OPERATOR = operator(0);
    static final String ADMIN = "admin.dif";

    /** The 39 municipalities of the state: where the simulated reports come from. */
    static final List<String> MUNICIPALITIES = IntStream.rangeClosed(1, 39).mapToObj(i -> String.format("10%03d", i)).toList();

    /** Issue 14's targets, on this 2-core machine with everything on it. */
    static final double BATCHED_SHARE_OF_RAW = 0.20;
    static final double SINGLES_PER_SECOND = 2_000;
    static final double CLOSING_P95_MS = 300;
    static final double INDICATOR_P95_MS = 10;
    static final double FRESHNESS_P99_MS = 100;
    /** Background load while freshness is probed: events/s, as {@link #LOADERS} threads sending a batch every 50 ms. */
    static final int BACKGROUND_EVENTS_PER_SECOND = 5_000;
    static final int LOADERS = 2;

    private final Stack stack;
    private final Launcher launcher;
    private final Gateway gateway;
    private final Report report = new Report();
    private final long batchTotal;
    private double rawKafka;

    public Benchmark(Stack stack, Launcher launcher) {
        this.stack = stack;
        this.launcher = launcher;
        this.gateway = new Gateway(stack);
        this.batchTotal = Long.parseLong(stack.env().getOrDefault("DIF_BENCH_EVENTS", "200000"));
    }

    /**
     * The scenarios that depend on how many indicators instances run, under a label for the rows they write
     * ("" for the stack as started; ", two indicators instances" for the second pass).
     */
    private void indicatorsScenarios(String shape) throws Exception {
        batched(shape);
        freshness(shape);
        queryLatency(shape);
        closingReport(shape);
        rebuild(shape);
    }

    public int run() throws Exception {
        say("Benchmark on " + Runtime.getRuntime().availableProcessors() + " cores, gateway " + stack.gatewayUrl());
        gateway.identities();
        importPlan();
        Baselines baselines = new Baselines(stack, report);
        rawKafka = baselines.rawKafka();
        baselines.rawPostgres();
        singles();
        int indicators = stack.scale().getOrDefault("indicators", 1);
        indicatorsScenarios(indicators == 1 ? "" : ", " + indicators + " indicators instances");
        new ReportingCycleBench(gateway, report).run();
        if (indicators == 1) {
            withTwoIndicatorsInstances();
        }
        report.write(stack.projectDir());
        return 0;
    }

    /**
     * Issue 14: the same scenarios again with a second indicators instance in the same consumer group. The stack is
     * scaled out as DIF_SCALE=indicators=2 would start it (the gateway restarted with both addresses), and scaled back
     * in afterwards, whatever happened.
     */
    private void withTwoIndicatorsInstances() throws Exception {
        Map<String, String> env = new HashMap<>(stack.env());
        Map<String, Integer> scale = new HashMap<>(stack.scale());
        scale.put("indicators", 2);
        env.put("DIF_SCALE", String.join(",", scale.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        Launcher scaled = launcher.of(new Stack(stack.projectDir(), stack.runDir(), env));
        say("scaling out to two indicators instances");
        scaled.stopService("gateway");
        try {
            if (scaled.up(false) != 0) {
                throw new IllegalStateException("the stack did not scale out to two indicators instances");
            }
            warmUp();
            indicatorsScenarios(", two indicators instances");
        } finally {
            scaled.stopService("indicators-2");
            scaled.stopService("gateway");
            if (!launcher.restart("gateway")) {
                say("the gateway of the one-instance stack did not come back: run ./dif up");
            }
        }
    }

    // ------------------------------------------------------------------ scenarios

    private void importPlan() throws Exception {
        StringBuilder b = new StringBuilder("{\"orgUnit\":\"" + STATE + "\",\"fiscalYear\":" + YEAR
                + ",\"unit\":\"DIF Estatal (benchmark)\",\"programs\":[");
        for (int p = 1; p <= PROGRAMS; p++) {
            b.append(p > 1 ? "," : "").append("{\"code\":\"BEN-").append(pad(p)).append("\",\"name\":\"Programa de prueba ")
                    .append(p).append("\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\",\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],\"actions\":[");
            for (int a = 1; a <= ACTIONS_PER_PROGRAM; a++) {
                String code = indicator(p, a);
                b.append(a > 1 ? "," : "").append("{\"code\":\"").append(code).append("\",\"description\":\"Acción ").append(code)
                        .append("\",\"targets\":[{\"indicatorCode\":\"").append(code).append("\",\"unit\":\"Servicio\",\"target\":100000}]}");
            }
            b.append("]}");
        }
        b.append("]}");
        HttpResponse<String> r = gateway.post("/api/v1/work-plans/import", b.toString(), ADMIN);
        say("plan import (" + PROGRAMS * ACTIONS_PER_PROGRAM + " targets for state " + STATE + "): " + r.statusCode());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("plan import failed: " + r.body());
        }
        Thread.sleep(2000);
    }

    /**
     * A just-started JVM answers slowly until its code is compiled; instances in production run warm. Queries and a
     * few closing reports through the gateway reach both instances before anything is measured.
     */
    private void warmUp() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            gateway.get("/api/v1/indicators/" + indicator(1 + i % PROGRAMS, 1 + i % ACTIONS_PER_PROGRAM) + "?orgUnit="
                    + MUNICIPALITIES.get(i % MUNICIPALITIES.size()) + "&period=" + YEAR);
        }
        for (int i = 0; i < 6; i++) {
            gateway.post("/api/v1/activities", batch(500));
            closingTotal();
        }
        say("second instance warmed up");
    }

    private void batched(String shape) throws Exception {
        BigTotal before = closingTotal();
        int batchSize = 500;
        long batches = batchTotal / batchSize;
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            fs.add(pool.submit(() -> {
                while (sent.getAndIncrement() < batches) {
                    HttpResponse<String> r = gateway.post("/api/v1/activities", batch(batchSize));
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("batch rejected " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double accepted = seconds(t0);
        long events = batches * batchSize;
        String what = "Accepted through the gateway, batches of 500, 4 clients" + shape;
        report.measured(what + " (" + events + " events)", fmt(events / accepted) + " events/s");
        report.latest(what, fmt(events / accepted) + " events/s");
        say("batched accepted: " + fmt(events / accepted) + "/s");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && closingTotal().value < before.value + events) {
            Thread.sleep(200);
        }
        double aggregated = seconds(t0);
        BigTotal after = closingTotal();
        boolean complete = after.value >= before.value + events;
        double share = events / aggregated / rawKafka;
        String value = fmt(events / aggregated) + " events/s = " + String.format("%.1f", 100 * share) + " % of raw Kafka"
                + (complete ? "" : " (INCOMPLETE: " + (after.value - before.value) + " of " + events + ")");
        what = "Accepted and aggregated (visible in the state closing report), same run" + shape;
        report.measured(what, value);
        report.latest(what, value, "≥ " + Math.round(100 * BATCHED_SHARE_OF_RAW) + " % of raw Kafka",
                complete && share >= BATCHED_SHARE_OF_RAW);
        say("batched aggregated: " + fmt(events / aggregated) + "/s");
    }

    private void singles() throws Exception {
        int n = 20_000;
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        // 32 municipal systems, each its own client for the gateway's per-client rate limit
        for (int t = 0; t < SINGLE_CLIENTS; t++) {
            String client = operator(t + 1);
            fs.add(pool.submit(() -> {
                while (sent.getAndIncrement() < n) {
                    HttpResponse<String> r = gateway.post("/api/v1/activities", batch(1), client);
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("single rejected " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow(); // a failed client must not leave the benchmark hanging
        }
        double perSecond = n / seconds(t0);
        String rate = fmt(perSecond) + " events/s";
        report.measured("Accepted through the gateway, single reports, 32 concurrent clients", rate);
        report.latest("Accepted through the gateway, single reports, 32 concurrent clients", rate,
                "≥ " + fmt(SINGLES_PER_SECOND) + "/s", perSecond >= SINGLES_PER_SECOND);
        say("singles: " + rate);
    }

    /**
     * 202 → value visible, probed 100 times while {@link #LOADERS} threads keep {@link #BACKGROUND_EVENTS_PER_SECOND}
     * events/s of other reports flowing (a batch every 50 ms each); the rate they reached is reported beside it.
     */
    private void freshness(String shape) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong background = new AtomicLong();
        int perBatch = BACKGROUND_EVENTS_PER_SECOND / LOADERS / 20;
        List<Thread> loaders = new ArrayList<>();
        for (int l = 0; l < LOADERS; l++) {
            Thread load = new Thread(() -> {
                long next = System.nanoTime();
                while (!stop.get()) {
                    try {
                        if (gateway.post("/api/v1/activities", batch(perBatch)).statusCode() == 202) {
                            background.addAndGet(perBatch);
                        }
                    } catch (Exception ignored) {
                        // keep the pace
                    }
                    next += 50_000_000L;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        try {
                            Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            load.start();
            loaders.add(load);
        }
        Stats stats = new Stats();
        String probeUnit = "10039";
        String probe = indicator(PROGRAMS, ACTIONS_PER_PROGRAM);
        long t0 = System.nanoTime();
        try {
            double base = indicatorValue(probe, probeUnit);
            for (int i = 0; i < 100; i++) {
                String body = "[{\"id\":\"" + UUID.randomUUID() + "\",\"indicator\":\"" + probe + "\",\"orgUnit\":\"" + probeUnit
                        + "\",\"date\":\"" + YEAR + "-06-15\",\"quantity\":1}]";
                long sent = System.nanoTime();
                HttpResponse<String> r = gateway.post("/api/v1/activities", body);
                // measured from the 202; a probe that had to be resent (same id) from its first attempt
                long accepted = System.nanoTime();
                for (int attempt = 1; r.statusCode() >= 500 && attempt < 3; attempt++) {
                    say("freshness probe answered " + r.statusCode() + ", resent with the same id");
                    r = gateway.post("/api/v1/activities", body);
                    accepted = sent;
                }
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("probe rejected: " + r.body());
                }
                base += 1;
                long deadline = accepted + Duration.ofSeconds(10).toNanos();
                while (indicatorValue(probe, probeUnit) < base && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                stats.add((System.nanoTime() - accepted) / 1e6);
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            for (Thread load : loaders) {
                load.join();
            }
        }
        double reached = background.get() / seconds(t0);
        String what = "Freshness (202 → value visible through the gateway) at " + fmt(BACKGROUND_EVENTS_PER_SECOND)
                + " events/s background load" + shape;
        String value = "p50 " + fmt(stats.percentile(50)) + " ms, p99 " + fmt(stats.percentile(99)) + " ms";
        report.measured(what, value + " (" + stats.count() + " probes; background reached " + fmt(reached) + " events/s)");
        report.latest(what, value + " (background " + fmt(reached) + " events/s)", "p99 ≤ " + fmt(FRESHNESS_P99_MS) + " ms",
                stats.percentile(99) <= FRESHNESS_P99_MS);
        say("freshness p50 " + stats.percentile(50) + " p99 " + stats.percentile(99) + ", background " + fmt(reached) + "/s");
    }

    private void queryLatency(String shape) throws Exception {
        Stats stats = new Stats();
        for (int i = 0; i < 2000; i++) {
            String unit = MUNICIPALITIES.get(i % MUNICIPALITIES.size());
            long t0 = System.nanoTime();
            HttpResponse<String> r = gateway.get("/api/v1/indicators/" + indicator(1 + i % PROGRAMS, 1) + "?orgUnit=" + unit + "&period=" + YEAR);
            stats.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("indicator query " + r.statusCode() + ": " + r.body());
            }
        }
        report.measured("One indicator query (municipality, year), 2,000 sequential" + shape,
                "p50 " + fmt(stats.percentile(50)) + " ms, p95 " + fmt(stats.percentile(95)) + " ms, p99 " + fmt(stats.percentile(99)) + " ms");
        report.latest("One indicator query (municipality, year), p95" + shape, fmt(stats.percentile(95)) + " ms",
                "≤ " + fmt(INDICATOR_P95_MS) + " ms", stats.percentile(95) <= INDICATOR_P95_MS);
        report.latest("One indicator query (municipality, year), 2,000 sequential, p50 / p99" + shape,
                fmt(stats.percentile(50)) + " ms / " + fmt(stats.percentile(99)) + " ms");
        Stats state = new Stats();
        for (int i = 0; i < 300; i++) {
            long t0 = System.nanoTime();
            gateway.get("/api/v1/indicators/" + indicator(1 + i % PROGRAMS, 1) + "?orgUnit=" + STATE + "&period=" + YEAR);
            state.add((System.nanoTime() - t0) / 1e6);
        }
        String what = "One indicator query, state roll-up of 39 municipalities + own reports" + shape;
        String value = "p50 " + fmt(state.percentile(50)) + " ms, p95 " + fmt(state.percentile(95)) + " ms";
        report.measured(what, value);
        report.latest(what, value);
        say("query p95 " + stats.percentile(95));
    }

    /**
     * The state closing report twice over: right after a report changed the data (computed from the
     * database: the cold case), and asked again with the data unchanged (kept in memory until the next
     * applied report).
     */
    private void closingReport(String shape) throws Exception {
        String path = "/api/v1/reports/closing?orgUnit=" + STATE + "&fiscalYear=" + YEAR;
        String probeUnit = "10038";
        String probe = indicator(1, 1);
        Stats afterChange = new Stats();
        double base = indicatorValue(probe, probeUnit);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = gateway.post("/api/v1/activities", "[{\"id\":\"" + UUID.randomUUID() + "\",\"indicator\":\"" + probe
                    + "\",\"orgUnit\":\"" + probeUnit + "\",\"date\":\"" + YEAR + "-03-15\",\"quantity\":1}]");
            if (r.statusCode() != 202) {
                throw new IllegalStateException("probe rejected: " + r.body());
            }
            base += 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (indicatorValue(probe, probeUnit) < base && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            afterChange.add(timedClosing(path));
        }
        Stats unchanged = new Stats();
        for (int i = 0; i < 20; i++) {
            unchanged.add(timedClosing(path));
        }
        String what = "State closing report (40 units, " + PROGRAMS * ACTIONS_PER_PROGRAM + " targets), JSON";
        String unchangedValue = "p50 " + fmt(unchanged.percentile(50)) + " ms, p95 " + fmt(unchanged.percentile(95)) + " ms";
        String target = "≤ " + fmt(CLOSING_P95_MS) + " ms";
        report.measured(what + ", right after a report changed the data" + shape,
                "p50 " + fmt(afterChange.percentile(50)) + " ms, p95 " + fmt(afterChange.percentile(95)) + " ms");
        report.measured(what + ", asked again with the data unchanged" + shape, unchangedValue);
        report.latest(what + ", right after a report changed the data, p95" + shape, fmt(afterChange.percentile(95)) + " ms",
                target, afterChange.percentile(95) <= CLOSING_P95_MS);
        report.latest(what + ", right after a report changed the data, p50" + shape, fmt(afterChange.percentile(50)) + " ms");
        report.latest("State closing report, JSON, asked again with the data unchanged" + shape, unchangedValue,
                target, unchanged.percentile(95) <= CLOSING_P95_MS);
        say("closing after a change p95 " + afterChange.percentile(95) + ", unchanged p95 " + unchanged.percentile(95));
    }

    private double timedClosing(String path) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = gateway.get(path);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("closing report " + r.statusCode());
        }
        return ms;
    }

    private void rebuild(String shape) throws Exception {
        BigTotal before = closingTotal();
        long t0 = System.nanoTime();
        HttpResponse<String> r = gateway.post("/api/v1/admin/rebuild", "{}", ADMIN);
        if (r.statusCode() >= 300) {
            report.measured("Rebuild from the Kafka log", "not measured: " + r.statusCode() + " " + r.body());
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Thread.sleep(500);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> s = gateway.get("/api/v1/admin/rebuild", ADMIN);
            if (s.statusCode() == 200 && s.body().contains("\"COMPLETED\"") && closingTotal().value >= before.value) {
                break;
            }
            Thread.sleep(200);
        }
        double secs = seconds(t0);
        boolean identical = closingTotal().value == before.value;
        long records = Baselines.recordsIn(stack, Topics.ACTIVITIES);
        String what = "Rebuild of the indicators database from the Kafka log" + shape;
        // the log holds every run's reports (and a marker per transaction and partition): all of it is read again
        report.measured(what + " (" + String.format("%,d", records) + " records in the log)",
                fmt(records / secs) + " records/s (" + fmt(secs) + " s); totals identical: " + identical);
        report.latest(what, fmt(records / secs) + " records/s (" + fmt(secs) + " s, " + String.format("%,d", records)
                + " records); " + (identical ? "totals identical" : "totals **differ**"));
    }

    // ------------------------------------------------------------------ helpers

    private record BigTotal(double value) {
    }

    private BigTotal closingTotal() throws Exception {
        HttpResponse<String> r = gateway.get("/api/v1/reports/closing?orgUnit=" + STATE + "&fiscalYear=" + YEAR);
        double sum = 0;
        Matcher m = VALUE.matcher(r.body());
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return new BigTotal(sum);
    }

    private double indicatorValue(String indicator, String unit) throws Exception {
        HttpResponse<String> r = gateway.get("/api/v1/indicators/" + indicator + "?orgUnit=" + unit + "&period=" + YEAR);
        Matcher m = VALUE.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private String batch(int n) {
        StringBuilder b = new StringBuilder("[");
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            String unit = MUNICIPALITIES.get(rnd.nextInt(MUNICIPALITIES.size() - 1)); // 10039 is the freshness probe's
            b.append(i > 0 ? "," : "").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"indicator\":\"")
                    .append(indicator(1 + rnd.nextInt(PROGRAMS), 1 + rnd.nextInt(ACTIONS_PER_PROGRAM)))
                    .append("\",\"orgUnit\":\"").append(unit).append("\",\"date\":\"")
                    .append(LocalDate.of(YEAR, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))).append("\",\"quantity\":1}");
        }
        return b.append("]").toString();
    }

    static String operator(int n) {
        return String.format("bench.estatal.%02d", n);
    }

    static String indicator(int program, int action) {
        return "BEN-" + pad(program) + "-" + pad(action);
    }

    private static String pad(int n) {
        return String.format("%02d", n);
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static String fmt(double d) {
        return d >= 100 ? String.format("%,.0f", d) : String.format("%.1f", d);
    }

    static void say(String s) {
        System.out.println("[bench] " + s);
    }
}
