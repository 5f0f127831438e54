package mx.gob.dif.deploy.bench;

import mx.gob.dif.deploy.DemoRealm;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.KafkaBroker;
import mx.gob.dif.deploy.infra.KeycloakAdmin;
import mx.gob.dif.deploy.infra.TokenClient;
import mx.gob.dif.deploy.infra.TopicSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * {@code ./dif bench}: drives the running stack through the gateway and writes docs/PERFORMANCE.md,
 * each number next to a raw baseline (Kafka producer, plain PostgreSQL INSERT) measured in the
 * same run on the same machine. Run by hand, never in the test suite.
 * <p>
 * Every call carries a real token from the stack's Keycloak, as in production: admin.dif imports the
 * plan and rebuilds; the reports and queries come from state-level operators ({@code bench.estatal.NN},
 * municipal-operator of unit 10, created in the local realm on first run), one per simulated
 * municipal system, so each counts against its own bucket of the gateway's per-client rate limit.
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

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(48)).build();
    private final Map<String, String> results = new LinkedHashMap<>();
    private final List<String> municipalities = new ArrayList<>();
    private final long batchTotal;
    private final TokenClient tokens;
    private final String benchPassword;
    private DemoRealm realm;

    public Benchmark(Stack stack) {
        this.stack = stack;
        this.tokens = new TokenClient(stack.oidcUrl());
        this.benchPassword = stack.env().getOrDefault("DIF_BENCH_PASSWORD", "bench-dif-2021");
        for (int i = 1; i <= 39; i++) {
            municipalities.add(String.format("10%03d", i));
        }
        this.batchTotal = Long.parseLong(stack.env().getOrDefault("DIF_BENCH_EVENTS", "200000"));
    }

    public int run() throws Exception {
        say("Benchmark on " + Runtime.getRuntime().availableProcessors() + " cores, gateway " + stack.gatewayUrl());
        identities();
        importPlan();
        rawKafka();
        rawPostgres();
        batched();
        singles();
        freshness();
        queryLatency();
        closingReport();
        rebuild();
        write();
        return 0;
    }

    // ------------------------------------------------------------------ scenarios

    /** The bench's operators exist in the realm (created once, through Keycloak's admin API), and each gets a token. */
    private void identities() {
        realm = DemoRealm.load(stack.realmFile());
        if (stack.externalKeycloak()) {
            say("external Keycloak (DIF_OIDC_URL): users " + operator(0) + ".." + operator(SINGLE_CLIENTS)
                    + " (municipal-operator, orgUnit " + STATE + ", password DIF_BENCH_PASSWORD) must exist there");
        } else {
            KeycloakAdmin admin = new KeycloakAdmin(stack.keycloakUrl(), "dif", "admin", stack.keycloakAdminPassword());
            for (int i = 0; i <= SINGLE_CLIENTS; i++) {
                admin.ensureUser(operator(i), benchPassword, "municipal-operator", STATE);
            }
        }
        for (int i = 0; i <= SINGLE_CLIENTS; i++) {
            token(operator(i));
        }
        token(ADMIN);
        say("tokens for " + ADMIN + " and " + (SINGLE_CLIENTS + 1) + " state operators");
    }

    static String operator(int n) {
        return String.format("bench.estatal.%02d", n);
    }

    private String token(String user) {
        return user.equals(ADMIN) ? realm.token(tokens, ADMIN) : tokens.password(DemoRealm.WEB_CLIENT, user, benchPassword);
    }

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
        HttpResponse<String> r = post("/api/v1/work-plans/import", b.toString(), ADMIN);
        say("plan import (" + PROGRAMS * ACTIONS_PER_PROGRAM + " targets for state " + STATE + "): " + r.statusCode());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("plan import failed: " + r.body());
        }
        Thread.sleep(2000);
    }

    private void rawKafka() throws Exception {
        KafkaBroker.ensureTopics(stack.kafkaBootstrap(), List.of(new TopicSpec("dif.bench.raw", 6, Map.of())));
        int n = 300_000;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String muni = municipalities.get(i % municipalities.size());
                String ind = indicator(1 + i % PROGRAMS, 1 + i % ACTIONS_PER_PROGRAM);
                producer.send(new ProducerRecord<>("dif.bench.raw", muni + "|" + ind, cloudEvent(muni, ind)));
            }
            producer.flush();
            double rate = n / seconds(t0);
            results.put("Raw Kafka producer, same event payloads (acks=all, idempotent, lz4)", fmt(rate) + " events/s");
            say("raw kafka: " + fmt(rate) + "/s");
        }
    }

    private void rawPostgres() throws Exception {
        String url = stack.jdbcUrl("postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("drop table if exists bench_insert");
            c.createStatement().execute("create table bench_insert(id uuid primary key, indicator text, org_unit text, day date, quantity numeric)");
        }
        AtomicLong rows = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            fs.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement ps = c.prepareStatement("insert into bench_insert values (?,?,?,?,?)")) {
                    while (!stop.get()) {
                        ps.setObject(1, UUID.randomUUID());
                        ps.setString(2, "BEN-01-01");
                        ps.setString(3, "10005");
                        ps.setObject(4, LocalDate.of(YEAR, 3, 14));
                        ps.setBigDecimal(5, java.math.BigDecimal.ONE);
                        ps.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(5000);
        stop.set(true);
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double rate = rows.get() / seconds(t0);
        results.put("Raw PostgreSQL single-row INSERT, autocommit, 4 clients", fmt(rate) + " rows/s");
        say("raw postgres: " + fmt(rate) + "/s");
    }

    private void batched() throws Exception {
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
                    HttpResponse<String> r = post("/api/v1/activities", batch(batchSize));
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
        results.put("Accepted through the gateway, batches of 500, 4 clients (" + events + " events)", fmt(events / accepted) + " events/s");
        say("batched accepted: " + fmt(events / accepted) + "/s");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && closingTotal().value < before.value + events) {
            Thread.sleep(200);
        }
        double aggregated = seconds(t0);
        BigTotal after = closingTotal();
        results.put("Accepted and aggregated (visible in the state closing report), same run",
                fmt(events / aggregated) + " events/s" + (after.value >= before.value + events ? "" : " (INCOMPLETE: " + (after.value - before.value) + " of " + events + ")"));
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
                    HttpResponse<String> r = post("/api/v1/activities", batch(1), client);
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
        results.put("Accepted through the gateway, single reports, 32 concurrent clients", fmt(n / seconds(t0)) + " events/s");
        say("singles: " + fmt(n / seconds(t0)) + "/s");
    }

    private void freshness() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            long next = System.nanoTime();
            while (!stop.get()) {
                try {
                    post("/api/v1/activities", batch(100));
                } catch (Exception ignored) {
                    // keep the pace
                }
                next += 50_000_000L; // 100 events every 50 ms = 2,000 events/s
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
        Stats stats = new Stats();
        String probeUnit = "10039";
        String probe = indicator(PROGRAMS, ACTIONS_PER_PROGRAM);
        try {
            double base = indicatorValue(probe, probeUnit);
            for (int i = 0; i < 100; i++) {
                String body = "[{\"id\":\"" + UUID.randomUUID() + "\",\"indicator\":\"" + probe + "\",\"orgUnit\":\"" + probeUnit
                        + "\",\"date\":\"" + YEAR + "-06-15\",\"quantity\":1}]";
                HttpResponse<String> r = post("/api/v1/activities", body);
                long accepted = System.nanoTime();
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
            load.join();
        }
        results.put("Freshness (202 → value visible through the gateway) at 2,000 events/s background load",
                "p50 " + fmt(stats.percentile(50)) + " ms, p99 " + fmt(stats.percentile(99)) + " ms (" + stats.count() + " probes)");
        say("freshness p50 " + stats.percentile(50) + " p99 " + stats.percentile(99));
    }

    private void queryLatency() throws Exception {
        Stats stats = new Stats();
        for (int i = 0; i < 2000; i++) {
            String unit = municipalities.get(i % municipalities.size());
            long t0 = System.nanoTime();
            HttpResponse<String> r = get("/api/v1/indicators/" + indicator(1 + i % PROGRAMS, 1) + "?orgUnit=" + unit + "&period=" + YEAR);
            stats.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("indicator query " + r.statusCode() + ": " + r.body());
            }
        }
        results.put("One indicator query (municipality, year), 2,000 sequential",
                "p50 " + fmt(stats.percentile(50)) + " ms, p95 " + fmt(stats.percentile(95)) + " ms, p99 " + fmt(stats.percentile(99)) + " ms");
        Stats state = new Stats();
        for (int i = 0; i < 300; i++) {
            long t0 = System.nanoTime();
            get("/api/v1/indicators/" + indicator(1 + i % PROGRAMS, 1) + "?orgUnit=" + STATE + "&period=" + YEAR);
            state.add((System.nanoTime() - t0) / 1e6);
        }
        results.put("One indicator query, state roll-up of 39 municipalities + own reports",
                "p50 " + fmt(state.percentile(50)) + " ms, p95 " + fmt(state.percentile(95)) + " ms");
        say("query p95 " + stats.percentile(95));
    }

    /**
     * The state closing report twice over: right after a report changed the data (computed from the
     * database: the cold case), and asked again with the data unchanged (kept in memory until the next
     * applied report).
     */
    private void closingReport() throws Exception {
        String path = "/api/v1/reports/closing?orgUnit=" + STATE + "&fiscalYear=" + YEAR;
        String probeUnit = "10038";
        String probe = indicator(1, 1);
        Stats afterChange = new Stats();
        double base = indicatorValue(probe, probeUnit);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = post("/api/v1/activities", "[{\"id\":\"" + UUID.randomUUID() + "\",\"indicator\":\"" + probe
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
        results.put(what + ", right after a report changed the data",
                "p50 " + fmt(afterChange.percentile(50)) + " ms, p95 " + fmt(afterChange.percentile(95)) + " ms");
        results.put(what + ", asked again with the data unchanged",
                "p50 " + fmt(unchanged.percentile(50)) + " ms, p95 " + fmt(unchanged.percentile(95)) + " ms");
        say("closing after a change p95 " + afterChange.percentile(95) + ", unchanged p95 " + unchanged.percentile(95));
    }

    private double timedClosing(String path) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(path);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("closing report " + r.statusCode());
        }
        return ms;
    }

    private void rebuild() throws Exception {
        BigTotal before = closingTotal();
        long t0 = System.nanoTime();
        HttpResponse<String> r = post("/api/v1/admin/rebuild", "{}", ADMIN);
        if (r.statusCode() >= 300) {
            results.put("Rebuild from the Kafka log", "not measured: " + r.statusCode() + " " + r.body());
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Thread.sleep(500);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> s = get("/api/v1/admin/rebuild", ADMIN);
            if (s.statusCode() == 200 && s.body().contains("\"COMPLETED\"") && closingTotal().value >= before.value) {
                break;
            }
            Thread.sleep(200);
        }
        double secs = seconds(t0);
        results.put("Rebuild of the indicators database from the Kafka log (" + before.events + " events)",
                fmt(before.events / secs) + " events/s (" + fmt(secs) + " s); totals identical: " + (closingTotal().value == before.value));
    }

    // ------------------------------------------------------------------ helpers

    private record BigTotal(double value, long events) {
    }

    private final AtomicLong eventsSent = new AtomicLong();

    private BigTotal closingTotal() throws Exception {
        HttpResponse<String> r = get("/api/v1/reports/closing?orgUnit=" + STATE + "&fiscalYear=" + YEAR);
        double sum = 0;
        Matcher m = VALUE.matcher(r.body());
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return new BigTotal(sum, eventsSent.get());
    }

    private double indicatorValue(String indicator, String unit) throws Exception {
        HttpResponse<String> r = get("/api/v1/indicators/" + indicator + "?orgUnit=" + unit + "&period=" + YEAR);
        Matcher m = VALUE.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private String batch(int n) {
        StringBuilder b = new StringBuilder("[");
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            String unit = municipalities.get(rnd.nextInt(municipalities.size() - 1)); // 10039 is the freshness probe's
            b.append(i > 0 ? "," : "").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"indicator\":\"")
                    .append(indicator(1 + rnd.nextInt(PROGRAMS), 1 + rnd.nextInt(ACTIONS_PER_PROGRAM)))
                    .append("\",\"orgUnit\":\"").append(unit).append("\",\"date\":\"")
                    .append(LocalDate.of(YEAR, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))).append("\",\"quantity\":1}");
        }
        eventsSent.addAndGet(n);
        return b.append("]").toString();
    }

    private static String cloudEvent(String unit, String indicator) {
        String id = UUID.randomUUID().toString();
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/programs-service\",\"type\":\"mx.gob.dif.activity.reported.v1\",\"time\":\""
                + OffsetDateTime.now() + "\",\"subject\":\"" + unit + "|" + indicator + "\",\"datacontenttype\":\"application/json\",\"data\":{\"activityId\":\""
                + id + "\",\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + unit + "\",\"planOrgUnit\":\"10\",\"fiscalYear\":" + YEAR
                + ",\"date\":\"" + YEAR + "-03-14\",\"quantity\":1}}";
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, OPERATOR);
    }

    /** {@code user}: who sends it (a simulated municipal system, or the administrator); the gateway limits per user. */
    private HttpResponse<String> post(String path, String body, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user));
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, OPERATOR);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String indicator(int program, int action) {
        return "BEN-" + pad(program) + "-" + pad(action);
    }

    private static String pad(int n) {
        return String.format("%02d", n);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String fmt(double d) {
        return d >= 100 ? String.format("%,.0f", d) : String.format("%.1f", d);
    }

    private static void say(String s) {
        System.out.println("[bench] " + s);
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder("# Performance of the DIF platform (measured by `./dif bench`)\n\n");
        md.append("Measured ").append(OffsetDateTime.now().withNano(0)).append(" on this machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB max heap for the benchmark JVM, the whole stack ")
                .append("(PostgreSQL, Kafka, Keycloak, four services, this load generator) on the same machine. Every request ")
                .append("carries a Keycloak access token, validated by the gateway and again by the service.\n\n");
        md.append("| what | measured |\n|---|---|\n");
        results.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nTargets (issue 4): ≥ 20,000 events/s accepted and aggregated with batches; freshness p99 ≤ 1 s at ")
                .append("2,000 events/s; one indicator query p95 ≤ 20 ms; state closing report (40 units, 700 targets) ≤ 300 ms.\n");
        Path out = stack.projectDir().resolve("docs/PERFORMANCE.md");
        Files.createDirectories(out.getParent());
        Path existing = out;
        String notes = Files.exists(existing) && Files.readString(existing).contains("## Notes")
                ? Files.readString(existing).substring(Files.readString(existing).indexOf("## Notes")) : "";
        Files.writeString(out, md + (notes.isEmpty() ? "" : "\n" + notes));
        say("wrote " + out);
    }
}
