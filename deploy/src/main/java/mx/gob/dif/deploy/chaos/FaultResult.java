package mx.gob.dif.deploy.chaos;

import java.util.List;

/**
 * One row of the table: what the clients were told about the reports of one fault, and what the
 * platform did with them. Counts are reports (every report has quantity 1).
 *
 * @param acknowledged    reports that got a 202
 * @param counted         what indicators-service counts for them (sum over the clients' units)
 * @param lost            acknowledged but not counted, summed over the units
 * @param doubled         counted more than acknowledged (or a refused report counted), summed over the units
 * @param rejected        reports of refused requests (4xx): none may be stored or counted
 * @param problems        every other failed check, in words (ledger, state total, unresolved reports, recovery…)
 * @param recoverySeconds from the fault until a report sent afterwards was accepted and visible; -1 when it never was
 */
public record FaultResult(String fault, long acknowledged, long counted, long lost, long doubled, long rejected,
                          long resends, double recoverySeconds, long boundSeconds, List<String> problems) {

    public boolean passed() {
        return problems.isEmpty() && lost == 0 && doubled == 0 && acknowledged > 0
                && recoverySeconds >= 0 && recoverySeconds <= boundSeconds;
    }

    static String header() {
        return "| fault | acknowledged | counted | lost | double-counted | refused (4xx) | resends | time to recover | result |\n"
                + "|---|---|---|---|---|---|---|---|---|";
    }

    public String row() {
        String recovery = recoverySeconds < 0 ? "not within " + boundSeconds + " s" : String.format("%.1f s", recoverySeconds);
        return "| " + fault + " | " + acknowledged + " | " + counted + " | " + lost + " | " + doubled + " | " + rejected
                + " | " + resends + " | " + recovery + " | " + (passed() ? "pass" : "**FAIL**" + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)
                .replaceAll("\\s*\\R\\s*", " ").replace("|", "/"))) + " |";
    }
}
