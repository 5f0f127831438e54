package mx.gob.dif.e2e;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Small helpers for calling the platform through the gateway as an integrator would. */
final class Api {
    private Api() {
    }

    static void useGateway() {
        RestAssured.baseURI = PlatformStack.get().gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The demo plan file with the orgUnit and fiscalYear the import endpoint needs. */
    static String demoPlan(String orgUnit, int year) throws IOException {
        Path file = PlatformStack.get().projectDir().resolve("deploy/demo/pat-2021-municipal-durango.json");
        String json = Files.readString(file).trim();
        return "{\"orgUnit\":\"" + orgUnit + "\",\"fiscalYear\":" + year + "," + json.substring(1);
    }

    static Response indicator(String code, String orgUnit, String period) {
        return given().get("/api/v1/indicators/" + code + "?orgUnit=" + orgUnit + "&period=" + period);
    }

    static BigDecimal value(Response r) {
        return r.statusCode() == 200 ? new BigDecimal(r.jsonPath().getString("value")) : null;
    }

    /** Polls the indicator until the condition holds (events are asynchronous); returns the last answer. */
    static Response awaitIndicator(String code, String orgUnit, String period, Predicate<BigDecimal> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response r = indicator(code, orgUnit, period);
        while (System.nanoTime() < deadline) {
            BigDecimal v = value(r);
            if (v != null && condition.test(v)) {
                return r;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = indicator(code, orgUnit, period);
        }
        return r;
    }

    static String report(String id, String indicator, String orgUnit, String date, String quantity) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + orgUnit
                + "\",\"date\":\"" + date + "\",\"quantity\":" + quantity + "}";
    }
}
