package mx.gob.dif.indicators;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.indicators.messaging.ActivityApplier;
import mx.gob.dif.indicators.persistence.MonthValueReads;
import mx.gob.dif.indicators.service.Catalog;
import mx.gob.dif.indicators.service.DataVersion;
import mx.gob.dif.indicators.service.ProgramReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static mx.gob.dif.indicators.TestCallers.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Query latency on a state-sized data set: a fictitious state 99 with 39 municipalities plus its own
 * reports, a 700-target plan, and every unit reporting every indicator every month (336,000 month
 * values, denser than any real year): every answer on it must be complete and right. Latencies are
 * printed as PERF lines for the record but not asserted — a timed assertion on a shared 2-core build
 * machine fails on load, not on code (DEVELOPERS.md: speed targets are checked by the benchmark,
 * `./dif bench`, and reported in docs/PERFORMANCE.md).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class QueryPerformanceTest {
    private static final int TARGETS = 700;
    private static boolean seeded;

    @Inject
    AgroalDataSource ds;
    @Inject
    Catalog catalog;
    @Inject
    DataVersion dataVersion;
    @Inject
    ProgramReports reports;
    @Inject
    MonthValueReads reads;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into org_unit(code, name, level, parent) values ('99', 'Estado ficticio', 'STATE', null) on conflict do nothing");
            s.execute("""
                    insert into org_unit(code, name, level, parent)
                    select '99' || lpad(i::text, 3, '0'), 'Municipio ficticio ' || i, 'MUNICIPAL', '99' from generate_series(1, 39) i
                    on conflict do nothing""");
            s.execute("""
                    insert into target_def(plan_org_unit, fiscal_year, indicator_code, program_code, program_name, action_code,
                      action_desc, unit, annual_target, method, components, calendar)
                    select '99', 2022, 'Z-' || lpad((i / 20)::text, 2, '0') || '-' || lpad((i % 20)::text, 2, '0'),
                      'Z-' || lpad((i / 20)::text, 2, '0'), 'Programa ficticio ' || (i / 20), 'A' || i, 'Acción ficticia ' || i,
                      'Servicio', 5000,
                      (array['SUM','MAX_QUARTER_MAX','MAX_QUARTER_SUM','MAX_SEMESTER_SUM','AVERAGE','LAST'])[1 + i % 6], '',
                      '1,2,3,4,5,6,7,8,9,10,11,12'
                    from generate_series(0, 699) i on conflict do nothing""");
            s.execute("""
                    insert into month_value(indicator, org_unit, year, month, plan_org_unit, total, reports)
                    select t.indicator_code, u.code, 2022, m, '99', ((length(u.code) * 7 + m * 3 + i) % 11) + 0.5, 1 + m % 3
                    from (select indicator_code, row_number() over (order by indicator_code) i from target_def
                          where plan_org_unit = '99' and fiscal_year = 2022) t
                    cross join (select code from org_unit where code like '99%') u
                    cross join generate_series(1, 12) m
                    on conflict do nothing""");
            // the same months as year rows, as the applier keeps them with every month row it writes
            s.execute("""
                    insert into year_value(indicator, org_unit, year, totals, reports)
                    select indicator, org_unit, year, array_agg(total order by month), array_agg(reports order by month)
                    from month_value where org_unit like '99%' and year = 2022 group by indicator, org_unit, year
                    on conflict do nothing""");
            // March's reports of every municipality, one per target, received on time for even ones (the completeness answer)
            s.execute("""
                    insert into activity(id, indicator, org_unit, plan_org_unit, year, month, quantity, received_at)
                    select gen_random_uuid(), t.indicator_code, u.code, '99', 2022, 3, 1,
                      case when t.i % 2 = 0 then timestamptz '2022-04-01 12:00-06' else timestamptz '2022-04-20 12:00-06' end
                    from (select indicator_code, row_number() over (order by indicator_code) i from target_def
                          where plan_org_unit = '99' and fiscal_year = 2022) t
                    cross join (select code from org_unit where code like '99___') u
                    where t.i % 10 <> 0""");
            s.execute("analyze month_value");
            s.execute("analyze activity");
            s.execute("analyze year_value");
        }
        catalog.load();
    }

    @Test
    void oneIndicatorAndTheClosingReportOfAState() throws Exception {
        // correctness on the big set first: a SUM indicator of the state is the sum of every month value
        BigDecimal expected;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sum(total) from month_value where indicator = 'Z-00-00' and year = 2022")) {
            rs.next();
            expected = rs.getBigDecimal(1);
        }
        given().get("/api/v1/indicators/Z-00-00?orgUnit=99&period=2022").then().statusCode(200)
                .body("method", org.hamcrest.Matchers.equalTo("SUM"));
        assertEquals(0, expected.compareTo(new BigDecimal(given().get("/api/v1/indicators/Z-00-00?orgUnit=99&period=2022")
                .jsonPath().getString("value"))));

        for (int i = 0; i < 100; i++) { // warm-up (JIT, connection pool)
            given().get("/api/v1/indicators/Z-01-0" + (i % 10) + "?orgUnit=99005&period=2022").then().statusCode(200);
        }
        List<Double> municipal = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String unit = "99" + String.format("%03d", 1 + i % 39);
            String code = "Z-" + String.format("%02d", i % 35) + "-" + String.format("%02d", i % 20);
            long t0 = System.nanoTime();
            given().get("/api/v1/indicators/" + code + "?orgUnit=" + unit + "&period=2022-Q" + (1 + i % 4)).then().statusCode(200);
            municipal.add((System.nanoTime() - t0) / 1e6);
        }
        List<Double> state = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String code = "Z-" + String.format("%02d", i % 35) + "-" + String.format("%02d", i % 20);
            long t0 = System.nanoTime();
            given().get("/api/v1/indicators/" + code + "?orgUnit=99&period=2022").then().statusCode(200);
            state.add((System.nanoTime() - t0) / 1e6);
        }
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/reports/closing?orgUnit=99&fiscalYear=2022").then().statusCode(200);
        }
        List<Double> closing = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            Response r = given().get("/api/v1/reports/closing?orgUnit=99&fiscalYear=2022");
            closing.add((System.nanoTime() - t0) / 1e6);
            assertEquals(200, r.statusCode());
            if (i == 0) {
                assertEquals(TARGETS, r.jsonPath().getList("rows").size());
                assertEquals(35, r.jsonPath().getList("programs").size());
            }
        }
        long t0 = System.nanoTime();
        given().accept("text/csv").get("/api/v1/reports/closing?orgUnit=99&fiscalYear=2022").then().statusCode(200);
        double csv = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/reports/closing?orgUnit=99&fiscalYear=2022").then().statusCode(200);
        double xlsx = (System.nanoTime() - t0) / 1e6;
        System.out.printf("PERF one indicator (municipality, quarter) p50 %.1f ms p95 %.1f ms p99 %.1f ms%n",
                p(municipal, 50), p(municipal, 95), p(municipal, 99));
        System.out.printf("PERF one indicator (state, 40 units, year) p50 %.1f ms p95 %.1f ms%n", p(state, 50), p(state, 95));
        System.out.printf("PERF closing report (40 units x 700 targets, 336k month values) JSON p50 %.0f ms p95 %.0f ms; CSV %.0f ms; XLSX %.0f ms%n",
                p(closing, 50), p(closing, 95), csv, xlsx);
    }

    /**
     * The closing report of the state right after a change (the cache holds it only until the data version moves, so
     * every applied batch costs one whole computation): the read of the year's values, the whole computation in the
     * service and the whole request, each after a change; and what the applier costs on a batch of the maximum poll
     * size spread over the dense keys (rolled back, so the set stays as seeded).
     */
    @Test
    void closingReportRightAfterAChangeAndTheApplierOnABatch() throws Exception {
        List<String> units = catalog.subtree("99");
        List<Double> read = new ArrayList<>();
        List<Double> service = new ArrayList<>();
        List<Double> request = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            assertEquals(TARGETS, reads.all(units, 2022).size());
            read.add((System.nanoTime() - t0) / 1e6);
            dataVersion.changed();
            t0 = System.nanoTime();
            assertEquals(TARGETS, reports.closing("99", 2022).rows().size());
            service.add((System.nanoTime() - t0) / 1e6);
            dataVersion.changed();
            t0 = System.nanoTime();
            given().get("/api/v1/reports/closing?orgUnit=99&fiscalYear=2022").then().statusCode(200);
            request.add((System.nanoTime() - t0) / 1e6);
        }
        for (List<Double> l : List.of(read, service, request)) {
            l.subList(0, 3).clear(); // warm-up
        }
        List<Double> batches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<ActivityApplier.Activity> batch = new ArrayList<>();
            for (int j = 0; j < 5000; j++) {
                int k = i * 5000 + j;
                String code = "Z-" + String.format("%02d", k % 35) + "-" + String.format("%02d", (k / 35) % 20);
                String unit = "99" + String.format("%03d", 1 + k % 39);
                batch.add(new ActivityApplier.Activity(UUID.randomUUID(), code, unit, "99", LocalDate.of(2022, 1 + k % 12, 15),
                        BigDecimal.valueOf(k % 7), OffsetDateTime.now()));
            }
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                ActivityApplier.apply(c, batch);
                batches.add((System.nanoTime() - t0) / 1e6);
                c.rollback();
            }
        }
        batches.subList(0, 2).clear(); // warm-up
        System.out.printf("PERF closing report right after a change (40 units x 700 targets, 336k month values): read p50 %.0f ms"
                        + " p95 %.0f ms; computation p50 %.0f ms p95 %.0f ms; request p50 %.0f ms p95 %.0f ms%n",
                p(read, 50), p(read, 95), p(service, 50), p(service, 95), p(request, 50), p(request, 95));
        System.out.printf("PERF applier, batch of 5000 reports on the dense set: p50 %.0f ms p95 %.0f ms%n", p(batches, 50), p(batches, 95));
    }

    /** The reporting cycle's state-wide reads: a breakdown of 39 municipalities and the completeness of a state. */
    @Test
    void breakdownOf39MunicipalitiesAndCompletenessOfAState() {
        Response b = given().get("/api/v1/indicators/Z-00-01/breakdown?orgUnit=99&period=2022");
        assertEquals(200, b.statusCode());
        assertEquals(40, b.jsonPath().getList("rows").size());
        BigDecimal sum = BigDecimal.ZERO;
        for (Object v : b.jsonPath().getList("rows.value")) {
            sum = sum.add(new BigDecimal(v.toString()));
        }
        assertEquals(0, sum.compareTo(new BigDecimal(b.jsonPath().getString("total.value"))));
        // 630 of the 700 targets reported by each of the 39 municipalities, 280 of them on time (even, not tenth)
        given().get("/api/v1/reporting/completeness?orgUnit=99&period=2022-03").then().statusCode(200)
                .body("due", org.hamcrest.Matchers.equalTo(39 * TARGETS)).body("reported", org.hamcrest.Matchers.equalTo(39 * 630))
                .body("onTime", org.hamcrest.Matchers.equalTo(39 * 280)).body("units.size()", org.hamcrest.Matchers.equalTo(39));
        for (int i = 0; i < 30; i++) { // warm-up
            given().get("/api/v1/indicators/Z-0" + (i % 10) + "-01/breakdown?orgUnit=99&period=2022").then().statusCode(200);
            given().get("/api/v1/reporting/completeness?orgUnit=99&period=2022-0" + (1 + i % 9)).then().statusCode(200);
        }
        List<Double> breakdown = new ArrayList<>();
        List<Double> program = new ArrayList<>();
        List<Double> completeness = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String code = "Z-" + String.format("%02d", i % 35) + "-" + String.format("%02d", i % 20);
            long t0 = System.nanoTime();
            given().get("/api/v1/indicators/" + code + "/breakdown?orgUnit=99&period=2022-Q" + (1 + i % 4)).then().statusCode(200);
            breakdown.add((System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            given().get("/api/v1/reporting/completeness?orgUnit=99&period=2022-03").then().statusCode(200);
            completeness.add((System.nanoTime() - t0) / 1e6);
        }
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            given().get("/api/v1/programs/Z-" + String.format("%02d", i % 35) + "/progress/breakdown?orgUnit=99&period=2022").then().statusCode(200);
            program.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("PERF indicator breakdown (state, 39 municipalities + own, quarter) p50 %.1f ms p95 %.1f ms%n",
                p(breakdown, 50), p(breakdown, 95));
        System.out.printf("PERF program progress breakdown (state, 39 municipalities + own, 20 indicators, year) p50 %.1f ms p95 %.1f ms%n",
                p(program, 50), p(program, 95));
        System.out.printf("PERF completeness (state, 39 municipalities x 700 targets, month) p50 %.1f ms p95 %.1f ms%n",
                p(completeness, 50), p(completeness, 95));
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
