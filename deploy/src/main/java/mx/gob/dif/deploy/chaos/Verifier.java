package mx.gob.dif.deploy.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a fault, with no manual step: every acknowledged report counted exactly once by
 * indicators-service (per unit and for the state) and present in programs-service's ledger; no
 * refused report stored or counted; every report settled.
 */
final class Verifier {
    static final String STATE = "10";
    private static final int PAGE = 500;
    private final ChaosHttp http;
    private final String reader = ChaosHttp.client(0);

    Verifier(ChaosHttp http) {
        this.http = http;
    }

    /** The indicator's value for the unit in the suite's year, asked until the platform answers within {@code bound}. */
    long value(String indicator, String unit, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        do {
            JsonNode v = http.getJson("/api/v1/indicators/" + indicator + "?orgUnit=" + unit + "&period=" + ReportingClient.YEAR, reader);
            if (v != null && v.hasNonNull("value")) {
                return v.get("value").decimalValue().longValueExact();
            }
            ReportingClient.pause(Duration.ofMillis(250));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("indicators-service did not answer for " + indicator + " of " + unit + " within " + bound);
    }

    Map<String, Long> values(String indicator, List<String> units, Duration bound) {
        Map<String, Long> values = new LinkedHashMap<>();
        units.forEach(u -> values.put(u, value(indicator, u, bound)));
        return values;
    }

    /**
     * @param units    the reporting units (the clients' and the probe's); the state's total is checked too
     * @param baseline the values before the fault's load (a rerun on the same stack adds to them)
     */
    FaultResult check(String label, String indicator, Tally tally, List<String> units, Map<String, Long> baseline,
                      double recoverySeconds, Profile profile) {
        List<String> problems = new ArrayList<>();
        List<Tally.Report> unresolved = tally.unresolved(indicator);
        if (!unresolved.isEmpty()) {
            problems.add(unresolved.size() + " reports never got a definitive answer (e.g. " + unresolved.getFirst().id() + ")");
        }
        List<String> unexpected = tally.unexpected(indicator);
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " valid reports refused: " + abbreviate(unexpected.getFirst()));
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        units.forEach(u -> expected.put(u, baseline.get(u) + tally.ackedIn(u, indicator)));
        expected.put(STATE, baseline.get(STATE) + tally.acked(indicator).size());
        awaitValues(indicator, expected, profile.settleBound());
        checkLedger(indicator, tally, units, problems);
        // read again after the ledger check: a report counted late twice shows up here
        Map<String, Long> counted = values(indicator, new ArrayList<>(expected.keySet()), profile.settleBound());
        long lost = 0;
        long doubled = 0;
        long total = 0;
        for (String u : units) {
            long diff = counted.get(u) - expected.get(u);
            lost += Math.max(0, -diff);
            doubled += Math.max(0, diff);
            total += counted.get(u) - baseline.get(u);
        }
        if (lost > 0 || doubled > 0) {
            problems.add(lost + " acknowledged reports not counted, " + doubled + " counted twice or refused but counted");
        }
        long state = counted.get(STATE) - baseline.get(STATE);
        if (state != tally.acked(indicator).size()) {
            problems.add("state total " + state + " for " + tally.acked(indicator).size() + " acknowledged reports");
        }
        long bound = profile.recoveryBound().toSeconds();
        if (recoverySeconds < 0 || recoverySeconds > bound) {
            problems.add("the platform did not serve again within " + bound + " s");
        }
        return new FaultResult(label, tally.acked(indicator).size(), total, lost, doubled, tally.rejected(indicator).size(),
                tally.resends(), recoverySeconds, bound, problems);
    }

    private void awaitValues(String indicator, Map<String, Long> expected, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (values(indicator, new ArrayList<>(expected.keySet()), bound).equals(expected)) {
                return;
            }
            ReportingClient.pause(Duration.ofSeconds(1));
        }
    }

    /**
     * Every acknowledged id is in the ledger and no refused one is: the listing of each unit's reports of
     * the indicator, and {@code GET /activities/{id}} for any id the listing lacks.
     */
    private void checkLedger(String indicator, Tally tally, List<String> units, List<String> problems) {
        Set<String> listed = new HashSet<>();
        for (String u : units) {
            listed.addAll(ledgerIds(indicator, u));
        }
        List<String> missing = new ArrayList<>();
        for (Tally.Report r : tally.acked(indicator)) {
            if (!listed.contains(r.id()) && status(r.id()) != 200) {
                missing.add(r.id());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " acknowledged reports missing from the ledger (e.g. GET /api/v1/activities/"
                    + missing.getFirst() + " is not 200)");
        }
        long stored = tally.rejected(indicator).stream().filter(r -> listed.contains(r.id()) || status(r.id()) != 404).count();
        if (stored > 0) {
            problems.add(stored + " reports of refused requests are in the ledger");
        }
    }

    private Set<String> ledgerIds(String indicator, String unit) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            String path = "/api/v1/activities?orgUnit=" + unit + "&indicator=" + indicator + "&size=" + PAGE + "&page=" + page;
            JsonNode p = null;
            for (int attempt = 0; p == null && attempt < 20; attempt++) {
                p = http.getJson(path, reader);
                if (p == null) {
                    ReportingClient.pause(Duration.ofSeconds(1));
                }
            }
            if (p == null) {
                throw new IllegalStateException("the ledger listing did not answer: " + path);
            }
            p.path("items").forEach(a -> ids.add(a.path("id").asText()));
            if (p.path("items").isEmpty() || (long) (page + 1) * PAGE >= p.path("total").asLong()) {
                return ids;
            }
        }
    }

    private int status(String id) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                HttpResponse<String> r = http.get("/api/v1/activities/" + id, reader);
                if (r.statusCode() < 500) {
                    return r.statusCode();
                }
            } catch (Exception e) {
                // asked again below
            }
            ReportingClient.pause(Duration.ofSeconds(1));
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
