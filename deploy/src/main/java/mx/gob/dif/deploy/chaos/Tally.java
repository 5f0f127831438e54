package mx.gob.dif.deploy.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients learned about every report they sent: acknowledged (202), rejected (4xx), or
 * never settled. Every report has quantity 1, so a count of reports is also a sum of quantities.
 */
final class Tally {
    /** One report: its client-chosen id and the cell (unit, indicator) it counts in. */
    record Report(String id, String unit, String indicator) {
    }

    private final Map<String, Report> acked = new ConcurrentHashMap<>();
    private final Map<String, Report> rejected = new ConcurrentHashMap<>();
    private final Map<String, Report> unresolved = new ConcurrentHashMap<>();
    private final Map<String, String> unexpected = new ConcurrentHashMap<>();
    private final AtomicLong resends = new AtomicLong();

    void acked(List<Report> reports) {
        reports.forEach(r -> acked.put(r.id(), r));
    }

    void rejected(List<Report> reports) {
        reports.forEach(r -> rejected.put(r.id(), r));
    }

    void unresolved(List<Report> reports) {
        reports.forEach(r -> unresolved.put(r.id(), r));
    }

    /** A valid request answered 4xx: a defect, kept with the answer for the log. */
    void unexpected(List<Report> reports, String answer) {
        reports.forEach(r -> unexpected.put(r.id(), r.indicator() + ": " + answer));
    }

    void resent() {
        resends.incrementAndGet();
    }

    List<Report> acked(String indicator) {
        return of(acked, indicator);
    }

    List<Report> rejected(String indicator) {
        return of(rejected, indicator);
    }

    List<Report> unresolved(String indicator) {
        return of(unresolved, indicator);
    }

    List<String> unexpected(String indicator) {
        return unexpected.values().stream().filter(a -> a.startsWith(indicator + ":")).toList();
    }

    long ackedIn(String unit, String indicator) {
        return acked.values().stream().filter(r -> r.unit().equals(unit) && r.indicator().equals(indicator)).count();
    }

    long resends() {
        return resends.get();
    }

    private static List<Report> of(Map<String, Report> reports, String indicator) {
        return reports.values().stream().filter(r -> r.indicator().equals(indicator)).toList();
    }
}
