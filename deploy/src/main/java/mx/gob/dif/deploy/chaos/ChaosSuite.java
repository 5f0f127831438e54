package mx.gob.dif.deploy.chaos;

import mx.gob.dif.deploy.Launcher;
import mx.gob.dif.deploy.Stack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code ./dif chaos} (and the end-to-end test's shorter profile): under a steady load of activity
 * reports from several well-behaved clients ({@link ReportingClient}), injects one fault at a time
 * ({@link Injector}), measures how long until a report sent afterwards is accepted and visible, and
 * then checks that every acknowledged report is counted exactly once and is in the ledger
 * ({@link Verifier}). One row per fault; docs/RELIABILITY.md gets the table ({@link ReliabilityDoc}).
 * <p>
 * Its data is its own: the state's plan for {@value ReportingClient#YEAR} with one indicator per fault,
 * reported by municipalities 10021… (one per client) and 10039 (the recovery probe).
 */
public final class ChaosSuite {
    static final String PROBE_UNIT = "10039";
    private final Stack stack;
    private final Profile profile;
    private final ChaosHttp http;
    private final Injector injector;
    private final Verifier verifier;

    public ChaosSuite(Stack stack, Launcher launcher, Profile profile) {
        this.stack = stack;
        this.profile = profile;
        this.http = new ChaosHttp(stack);
        this.injector = new Injector(stack, launcher, profile);
        this.verifier = new Verifier(http);
    }

    /** {@code ./dif chaos}: the full profile against the running stack; writes docs/RELIABILITY.md. */
    public static int fromCommandLine(Stack stack, Launcher launcher) throws Exception {
        Profile profile = Profile.full();
        List<FaultResult> results = new ChaosSuite(stack, launcher, profile).run();
        ReliabilityDoc.write(stack.projectDir(), profile, results);
        return results.stream().allMatch(FaultResult::passed) ? 0 : 1;
    }

    public List<FaultResult> run() throws Exception {
        say("profile " + profile.name() + ": " + profile.faults().size() + " faults, " + profile.clients()
                + " clients, gateway " + stack.gatewayUrl());
        http.identities(profile.clients());
        importPlan();
        List<FaultResult> results = new ArrayList<>();
        for (Fault fault : profile.faults()) {
            FaultResult r = phase(fault);
            say(r.row());
            results.add(r);
        }
        System.out.println();
        System.out.println(FaultResult.header());
        results.forEach(r -> System.out.println(r.row()));
        long passed = results.stream().filter(FaultResult::passed).count();
        System.out.println();
        System.out.println(passed + " passed, " + (results.size() - passed) + " failed");
        return results;
    }

    private FaultResult phase(Fault fault) throws InterruptedException {
        String label = fault.label(profile.freeze().toSeconds());
        String indicator = fault.indicator();
        List<String> units = IntStream.rangeClosed(1, profile.clients()).mapToObj(i -> "100" + (20 + i)).collect(Collectors.toList());
        units.add(PROBE_UNIT);
        List<String> all = new ArrayList<>(units);
        all.add(Verifier.STATE);
        Map<String, Long> baseline = verifier.values(indicator, all, profile.settleBound());
        Tally tally = new Tally();
        List<ReportingClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= profile.clients(); i++) {
            ReportingClient c = new ReportingClient(ChaosHttp.client(i), units.get(i - 1), http, tally, profile, () -> indicator,
                    31L * i + fault.ordinal());
            clients.add(c);
            threads.add(Thread.ofPlatform().name("chaos-client-" + i).start(c));
        }
        ReportingClient.pause(profile.warmUp());
        say(label + " ...");
        long t0 = System.nanoTime();
        List<String> injectionProblems = new ArrayList<>();
        try {
            injector.inject(fault);
        } catch (Exception e) {
            // the first line only: a start failure's message carries the component's log
            injectionProblems.add("injection or restart failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        double recovery = probe(indicator, tally, baseline.get(PROBE_UNIT), t0);
        say(label + ": serving again after " + (recovery < 0 ? "(not within the bound)" : String.format("%.1f s", recovery)));
        ReportingClient.pause(profile.afterRecovery());
        clients.forEach(c -> c.stop(profile.settleBound()));
        for (Thread t : threads) {
            t.join(profile.settleBound().plusSeconds(60).toMillis());
        }
        FaultResult r = verifier.check(label, indicator, tally, units, baseline, recovery, profile);
        if (injectionProblems.isEmpty()) {
            return r;
        }
        injectionProblems.addAll(r.problems());
        return new FaultResult(r.fault(), r.acknowledged(), r.counted(), r.lost(), r.doubled(), r.rejected(), r.resends(),
                r.recoverySeconds(), r.boundSeconds(), injectionProblems);
    }

    /**
     * Seconds from the fault until a report sent after the fault's component came back was accepted
     * (202) and visible in indicators-service; -1 when that did not happen within the bound.
     */
    private double probe(String indicator, Tally tally, long base, long t0) {
        long deadline = t0 + profile.recoveryBound().toNanos();
        ReportingClient probe = new ReportingClient(ChaosHttp.client(0), PROBE_UNIT, http, tally, profile, () -> indicator, 0);
        probe.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        while (System.nanoTime() < deadline) {
            Tally.Report r = new Tally.Report(UUID.randomUUID().toString(), PROBE_UNIT, indicator);
            if (probe.deliver(List.of(r), ReportingClient.json(r, LocalDate.of(ReportingClient.YEAR, 6, 15), "1"), false)) {
                long expected = base + tally.ackedIn(PROBE_UNIT, indicator);
                while (System.nanoTime() < deadline) {
                    Long v = currentValue(indicator);
                    if (v != null && v >= expected) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                    ReportingClient.pause(Duration.ofMillis(250));
                }
            }
        }
        return -1;
    }

    private Long currentValue(String indicator) {
        var v = http.getJson("/api/v1/indicators/" + indicator + "?orgUnit=" + PROBE_UNIT + "&period=" + ReportingClient.YEAR,
                ChaosHttp.client(0));
        return v != null && v.hasNonNull("value") ? v.get("value").decimalValue().longValue() : null;
    }

    /** The state's plan of the suite's year: one program, one target per fault (imported again on every run: harmless). */
    private void importPlan() throws Exception {
        String targets = java.util.Arrays.stream(Fault.values()).map(f -> "{\"code\":\"" + f.indicator() + "\",\"description\":\"Reportes bajo: "
                + f.label(profile.freeze().toSeconds()) + "\",\"targets\":[{\"indicatorCode\":\"" + f.indicator()
                + "\",\"unit\":\"Reporte\",\"target\":1000000}]}").collect(Collectors.joining(","));
        String plan = "{\"orgUnit\":\"" + Verifier.STATE + "\",\"fiscalYear\":" + ReportingClient.YEAR
                + ",\"unit\":\"DIF Estatal (prueba de fallas)\",\"programs\":[{\"code\":\"CAOS-01\",\"name\":\"Programa de prueba de fallas\","
                + "\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\",\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],"
                + "\"actions\":[" + targets + "]}]}";
        HttpResponse<String> r = http.post("/api/v1/work-plans/import", plan, ChaosHttp.ADMIN, Duration.ofSeconds(60));
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("plan import failed: " + r.statusCode() + " " + r.body());
        }
        say("plan " + ReportingClient.YEAR + " of state " + Verifier.STATE + " imported (" + Fault.values().length + " targets)");
    }

    static void say(String s) {
        System.out.println("[chaos] " + s);
    }
}
