package mx.gob.dif.e2e;

import io.restassured.response.Response;
import mx.gob.dif.deploy.Launcher;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.InfraDir;
import mx.gob.dif.deploy.infra.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR_GOMEZ;
import static mx.gob.dif.e2e.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the shared stack scaled to two indicators and two programs instances (DIF_SCALE, the gateway given
 * both addresses of each), a replay of every aggregation method with redelivered batches and retractions, one
 * indicators instance and one programs instance killed (-9) in the middle and started again; the totals are
 * those the test computes from its own reports. Afterwards the stack is one instance of each again.
 */
class ScaleOutIT {
    private static final int YEAR = 2019;
    private static final List<String> METHODS = List.of("SUM", "MAX_QUARTER_MAX", "MAX_QUARTER_SUM", "MAX_SEMESTER_SUM", "AVERAGE", "LAST");
    /** Durango's operator reports for 10005, Gómez Palacio's for 10007. */
    private static final String[][] REPORTERS = {{OPERATOR, "10005"}, {OPERATOR_GOMEZ, "10007"}};
    private static final int BATCHES_PER_UNIT = 20;
    private static final int BATCH = 60;
    private static Launcher scaled;

    private record Report(String id, String indicator, String unit, int month, int quantity) {
        String json() {
            return Api.report(id, indicator, unit, YEAR + "-%02d-%02d".formatted(month, 1 + Math.floorMod(id.hashCode(), 28)),
                    Integer.toString(quantity));
        }
    }

    @BeforeAll
    static void scaleOut() throws Exception {
        Api.useGateway();
        Stack base = PlatformStack.get();
        Map<String, String> env = new HashMap<>(base.env());
        env.put("DIF_SCALE", "indicators=2,programs=2");
        env.put("DIF_INDICATORS_2_PORT", Integer.toString(Processes.freePort()));
        env.put("DIF_PROGRAMS_2_PORT", Integer.toString(Processes.freePort()));
        scaled = new Launcher(new Stack(base.projectDir(), base.runDir(), env), InfraDir.locate());
        // the gateway starts again with every instance's address; what runs already stays
        scaled.stopService("gateway");
        assertEquals(0, scaled.up(false), "the stack scaled out");
        as(ADMIN).contentType("application/json").body(plan()).post("/api/v1/work-plans/import").then().statusCode(201);
    }

    @AfterAll
    static void scaleIn() throws Exception {
        if (scaled == null) {
            return; // the stack never came up, or never scaled out: nothing to take back
        }
        scaled.stopService("indicators-2");
        scaled.stopService("programs-2");
        scaled.stopService("gateway");
        assertTrue(PlatformStack.launcher().restart("gateway"), "the gateway of the one-instance stack");
    }

    @Test
    void twoInstancesOfEachWithOneKilledMidStreamGiveTheTotalsOfTheReports() throws Exception {
        Random random = new Random(14);
        Map<String, List<List<Report>>> batches = new HashMap<>();
        List<Report> all = new ArrayList<>();
        for (String[] r : REPORTERS) {
            List<List<Report>> ofUnit = new ArrayList<>();
            for (int b = 0; b < BATCHES_PER_UNIT; b++) {
                List<Report> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(new Report(UUID.randomUUID().toString(), code(random.nextInt(METHODS.size())), r[1],
                            1 + random.nextInt(12), 1 + random.nextInt(20)));
                }
                ofUnit.add(batch);
                all.addAll(batch);
            }
            batches.put(r[1], ofUnit);
        }
        List<String> retracted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(REPORTERS.length);
        List<Future<?>> senders = new ArrayList<>();
        for (String[] r : REPORTERS) {
            senders.add(pool.submit(() -> {
                Random mine = new Random(r[1].hashCode());
                for (List<Report> batch : batches.get(r[1])) {
                    send(r[0], batch);
                    if (mine.nextInt(4) == 0) {
                        send(r[0], batch); // redelivered by a client that did not see the answer: counted once
                    }
                    Report withdrawn = batch.get(mine.nextInt(batch.size()));
                    retract(r[0], withdrawn.id());
                    retracted.add(withdrawn.id());
                    sent.incrementAndGet();
                }
                return null;
            }));
        }
        int total = BATCHES_PER_UNIT * REPORTERS.length;
        await(() -> sent.get() >= total / 3);
        long indicatorsPid = scaled.pidOf("indicators-2").orElseThrow();
        long programsPid = scaled.pidOf("programs-2").orElseThrow();
        Processes.kill9(indicatorsPid);
        Processes.kill9(programsPid);
        await(() -> sent.get() >= total / 2 || senders.stream().allMatch(Future::isDone));
        assertTrue(scaled.restart("indicators-2"), "indicators-2 came back");
        assertTrue(scaled.restart("programs-2"), "programs-2 came back");
        for (Future<?> f : senders) {
            f.get();
        }
        pool.shutdown();

        List<Report> kept = all.stream().filter(r -> !retracted.contains(r.id())).toList();
        for (int i = 0; i < METHODS.size() + 1; i++) {
            String code = code(i);
            BigDecimal state = BigDecimal.ZERO;
            for (String[] r : REPORTERS) {
                BigDecimal unit = expected(i, kept.stream().filter(k -> k.unit().equals(r[1])).toList());
                assertValue(code, r[1], unit);
                state = state.add(unit);
            }
            assertValue(code, "10", state);
        }
    }

    /** SC-1..SC-6 one per method; SC-7 COMPOSITE of SC-1 (SUM) and SC-2 (MAX_QUARTER_MAX). */
    private static String code(int i) {
        return "SC-" + (i + 1);
    }

    private static String plan() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i <= METHODS.size(); i++) {
            String method = i < METHODS.size() ? METHODS.get(i) : "COMPOSITE";
            String components = i < METHODS.size() ? "" : ",\"components\":[\"SC-1\",\"SC-2\"]";
            actions.append(i > 0 ? "," : "").append("{\"code\":\"").append(code(i)).append("\",\"description\":\"Acción ")
                    .append(method).append("\",\"targets\":[{\"indicatorCode\":\"").append(code(i))
                    .append("\",\"unit\":\"Visita\",\"target\":1000,\"method\":\"").append(method).append("\"").append(components).append("}]}");
        }
        return "{\"orgUnit\":\"10\",\"fiscalYear\":" + YEAR + ",\"unit\":\"DIF Estatal (prueba de escala)\",\"programs\":[{\"code\":\"SC\","
                + "\"name\":\"Programa de prueba de escala\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\",\"JUN\",\"JUL\",\"AGO\","
                + "\"SEP\",\"OCT\",\"NOV\",\"DIC\"],\"actions\":[" + actions + "]}]}";
    }

    /**
     * The batch until an instance accepted it: a refused connection (an instance just killed) is a 503 and nothing
     * was stored; a 502/504 means the outcome is unknown, and the same ids make a resend harmless.
     */
    private static void send(String who, List<Report> batch) throws InterruptedException {
        String body = "[" + String.join(",", batch.stream().map(Report::json).toList()) + "]";
        for (int attempt = 1; ; attempt++) {
            int status = status(() -> as(who).contentType("application/json").body(body).post("/api/v1/activities"));
            if (status == 202) {
                return;
            }
            assertTrue(List.of(-1, 502, 503, 504).contains(status) && attempt < 60, "a batch answered " + status);
            Thread.sleep(500);
        }
    }

    /**
     * A retraction until it took; a resend after an unknown outcome (the instance killed while answering) may find it
     * taken already: 200, "it already was withdrawn".
     */
    private static void retract(String who, String id) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int status = status(() -> as(who).post("/api/v1/activities/" + id + "/retraction"));
            if (status == 202 || (status == 200 && attempt > 1)) {
                return;
            }
            assertTrue(List.of(-1, 502, 503, 504).contains(status) && attempt < 60, "a retraction answered " + status);
            Thread.sleep(500);
        }
    }

    /** The status, or -1 when the connection itself failed. */
    private static int status(java.util.function.Supplier<Response> call) {
        try {
            return call.get().statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** What the architecture's table says for one unit's reports of the whole year. */
    private static BigDecimal expected(int method, List<Report> reports) {
        if (method == METHODS.size()) {
            return expected(0, reports).add(expected(1, reports));
        }
        String code = code(method);
        Map<Integer, BigDecimal> months = new HashMap<>();
        reports.stream().filter(r -> r.indicator().equals(code))
                .forEach(r -> months.merge(r.month(), BigDecimal.valueOf(r.quantity()), BigDecimal::add));
        return switch (METHODS.get(method)) {
            case "SUM" -> months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "MAX_QUARTER_MAX" -> maxOfGroups(months, 3).stream().reduce(BigDecimal.ZERO, BigDecimal::max);
            case "MAX_QUARTER_SUM" -> maxOfGroups(months, 3).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "MAX_SEMESTER_SUM" -> maxOfGroups(months, 6).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "AVERAGE" -> months.isEmpty() ? BigDecimal.ZERO : months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(months.size()), 4, RoundingMode.HALF_UP);
            case "LAST" -> months.isEmpty() ? BigDecimal.ZERO : months.get(Collections.max(months.keySet()));
            default -> throw new IllegalArgumentException(METHODS.get(method));
        };
    }

    /** The largest month value in each group of {@code size} months (quarters, semesters). */
    private static List<BigDecimal> maxOfGroups(Map<Integer, BigDecimal> months, int size) {
        List<BigDecimal> out = new ArrayList<>();
        for (int first = 1; first <= 12; first += size) {
            BigDecimal max = BigDecimal.ZERO;
            for (int m = first; m < first + size; m++) {
                max = max.max(months.getOrDefault(m, BigDecimal.ZERO));
            }
            out.add(max);
        }
        return out;
    }

    /** Waits (3 min: a restarted instance replays its partitions) for the value; averages compared to 4 decimals. */
    private static void assertValue(String code, String unit, BigDecimal want) {
        Response r = Api.awaitIndicator(code, unit, Integer.toString(YEAR), v -> close(v, want), Duration.ofMinutes(3));
        BigDecimal got = Api.value(r);
        assertTrue(got != null && close(got, want), code + " " + unit + ": expected " + want + ", got " + r.statusCode() + " " + r.asString());
    }

    private static boolean close(BigDecimal got, BigDecimal want) {
        return got.subtract(want).abs().compareTo(new BigDecimal("0.0002")) <= 0;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the senders made no progress in 5 minutes");
            Thread.sleep(50);
        }
    }
}
