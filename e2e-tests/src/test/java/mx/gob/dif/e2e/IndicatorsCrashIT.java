package mx.gob.dif.e2e;

import mx.gob.dif.deploy.infra.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
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
 * kill -9 of indicators-service in the middle of a stream of 100,000 reports (two municipal systems,
 * each with its own operator's token), then a restart: the totals end exactly right (nothing lost,
 * nothing counted twice).
 */
class IndicatorsCrashIT {
    private static final int EVENTS = 100_000;
    private static final int BATCH = 500;

    @BeforeAll
    static void plan() {
        Api.useGateway();
        String plan = "{\"orgUnit\":\"10\",\"fiscalYear\":2020,\"unit\":\"DIF Estatal (prueba de caída)\",\"programs\":[{\"code\":\"CR-01\","
                + "\"name\":\"Programa de prueba\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\",\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],"
                + "\"actions\":[{\"code\":\"CR-01-01\",\"description\":\"Visitas\",\"targets\":[{\"indicatorCode\":\"CR-01-01\",\"unit\":\"Visita\",\"target\":100000}]}]}]}";
        as(ADMIN).contentType("application/json").body(plan).post("/api/v1/work-plans/import").then().statusCode(201);
    }

    @Test
    void killingIndicatorsMidStreamEndsWithExactTotals() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?>[] senders = new Future<?>[2];
        // Durango's operator reports for 10005, Gómez Palacio's for 10007
        String[][] senderOf = {{OPERATOR, "10005"}, {OPERATOR_GOMEZ, "10007"}};
        for (int t = 0; t < 2; t++) {
            String who = senderOf[t][0];
            String unit = senderOf[t][1];
            senders[t] = pool.submit(() -> {
                int b;
                while ((b = batches.getAndIncrement()) < EVENTS / BATCH) {
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < BATCH; i++) {
                        String date = "2020-" + String.format("%02d", 1 + i % 12) + "-15";
                        body.append(i > 0 ? "," : "").append(Api.report(UUID.randomUUID().toString(), "CR-01-01", unit, date, "1"));
                    }
                    as(who).contentType("application/json").body(body.append("]").toString())
                            .post("/api/v1/activities").then().statusCode(202);
                }
                return null;
            });
        }
        while (batches.get() < EVENTS / BATCH / 3) {
            Thread.sleep(20);
        }
        long pid = PlatformStack.launcher().pidOf("indicators").orElseThrow();
        Processes.kill9(pid);
        assertTrue(!Processes.isAlive(pid), "indicators-service was killed");
        for (Future<?> f : senders) {
            f.get();
        }
        pool.shutdown();
        assertTrue(PlatformStack.launcher().restart("indicators"), "indicators-service came back");

        BigDecimal total = Api.value(Api.awaitIndicator("CR-01-01", "10", "2020",
                v -> v.compareTo(BigDecimal.valueOf(EVENTS)) >= 0, Duration.ofMinutes(3)));
        assertEquals(0, BigDecimal.valueOf(EVENTS).compareTo(total), "state total after the crash: " + total);
        Thread.sleep(2000);
        assertEquals(0, BigDecimal.valueOf(EVENTS).compareTo(Api.value(Api.indicator("CR-01-01", "10", "2020"))),
                "no late double counting");
        BigDecimal sumOfMunicipalities = BigDecimal.ZERO;
        for (String m : new String[]{"10005", "10007"}) {
            Api.indicator("CR-01-01", m, "2020").then().statusCode(200);
            sumOfMunicipalities = sumOfMunicipalities.add(Api.value(Api.indicator("CR-01-01", m, "2020")));
        }
        assertEquals(0, BigDecimal.valueOf(EVENTS).compareTo(sumOfMunicipalities));
    }
}
