package mx.gob.dif.gateway;

import mx.gob.dif.gateway.routing.RouteTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTableTest {
    private final RouteTable table = RouteTable.platform();

    @ParameterizedTest
    @CsvSource({
            "/api/v1/work-plans/import, programs",
            "/api/v1/work-plans, programs",
            "/api/v1/programs/DIF-01, programs",
            "/api/v1/programs/DIF-01/progress, indicators",
            "/api/v1/programs/DIF-01/progress/breakdown, indicators",
            "/api/v1/programs/DIF-01/targets, programs",
            "/api/v1/indicators/DIF-01-03/breakdown, indicators",
            "/api/v1/reporting/completeness, indicators",
            "/api/v1/reporting/10005/2021-03/submission, programs",
            "/api/v1/reporting/10005/2021-03/submission/acceptance, programs",
            "/api/v1/activities, programs",
            "/api/v1/activities/3f1c/retraction, programs",
            "/api/v1/activities/template, programs",
            "/api/v1/indicators/DIF-01-03, indicators",
            "/api/v1/reports/closing, indicators",
            "/api/v1/admin/rebuild, indicators",
            "/api/v1/admin/dead-letters, indicators",
            "/api/v1/admin/dead-letters/0/42/replay, indicators",
            "/api/v1/reports/monthly, cases",
            "/api/v1/cases/12/transitions, cases",
            "/api/v1/referrals/7/letter, cases",
            "/api/v1/org-units/10005, programs",
            "/api/v1/webhooks, cases",
            "/api/v1/webhooks/3f1c/deliveries, cases",
            "/api/v1/webhooks/deliveries/9a2b/retry, cases",
    })
    void routesEachPathToItsOwner(String path, String service) {
        assertEquals(Optional.of(service), table.serviceFor(path));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/unknown", "/api/v2/work-plans", "/api/v1/work-plansX", "/api/v1/reports", "/api/v1/webhooksX",
            "/api/v1/admin/dead-lettersX", "/api/v1/admin"})
    void unknownPathsHaveNoOwner(String path) {
        assertEquals(Optional.empty(), table.serviceFor(path));
    }
}
