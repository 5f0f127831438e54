package mx.gob.dif.indicators;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.messaging.ActivityCaseConsumer;
import mx.gob.dif.indicators.messaging.CatalogConsumer;
import mx.gob.dif.indicators.messaging.IndicatorUpdates;
import mx.gob.dif.indicators.messaging.Rebuilds;
import mx.gob.dif.indicators.persistence.CatalogTables;
import mx.gob.dif.indicators.persistence.RebuildTables;
import mx.gob.dif.indicators.service.Catalog;
import mx.gob.dif.indicators.service.DataVersion;
import mx.gob.dif.indicators.service.ProgramReports;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.awaitValue;
import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static mx.gob.dif.indicators.IndicatorsTestSupport.rebuild;
import static mx.gob.dif.indicators.TestCallers.asAdministrator;
import static mx.gob.dif.indicators.TestCallers.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances of the service (issue 14), as two instances' worth of loops in this JVM: a second
 * activity loop in the one activities group with its own handler, a second catalog loop in a group of
 * its own with its own in-memory catalog. The totals are computed here from the test's own reports; the
 * first test sends them, the others read them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
    private static final String STATE = "32";
    private static final List<String> UNITS = List.of("32001", "32002", "32003", "32004", "32005", "32006", "32007", "32008");

    @Inject
    EventLoops loops;
    @Inject
    IndicatorsConfig config;
    @Inject
    AgroalDataSource ds;
    @Inject
    IndicatorUpdates updates;
    @Inject
    RebuildTables rebuildTables;
    @Inject
    Rebuilds rebuilds;
    @Inject
    CatalogTables catalogTables;
    @Inject
    DataVersion dataVersion;
    @Inject
    ProgramReports reports;

    @Test
    @Order(1)
    void twoInstancesInOneGroupGiveTheTotalsOfOneAndRebuildTogether() throws Exception {
        Catalog otherCatalog = new Catalog(catalogTables);
        EventLoop otherCatalogLoop = loops.start(CatalogConsumer.spec(config, "second-instance"),
                new CatalogConsumer(ds, otherCatalog, catalogTables, new DataVersion(loops, rebuildTables), loops, config, rebuilds));
        EventLoop otherActivities = loops.start(ActivityCaseConsumer.spec(config),
                new ActivityCaseConsumer(ds, updates, new DataVersion(loops, rebuildTables), loops, config, rebuildTables, rebuilds));
        try {
            EventLoop first = loops.loops().stream().filter(l -> l.spec().name().equals("activities") && l != otherActivities)
                    .findFirst().orElseThrow();
            assertTrue(poll(120, () -> first.assignedPartitions() > 0 && otherActivities.assignedPartitions() > 0, ok -> ok),
                    "the group shared its partitions between the two instances");
            events().orgUnit(STATE, "Zacatecas", "STATE", "MX");
            UNITS.forEach(u -> events().orgUnit(u, "Municipio " + u, "MUNICIPAL", STATE));
            target("SO-SUM", "SUM");
            target("SO-MAX", "MAX_QUARTER_MAX");
            target("SO-LAST", "LAST");
            Map<String, BigDecimal> expected = report();
            events().flush();
            for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
                awaitValue(e.getKey(), STATE, "2021", e.getValue().toPlainString());
            }
            // both instances applied a share of the partitions, and the second one read the whole catalog
            assertTrue(otherActivities.applied() > 0, "the second instance applied its partitions");
            assertEquals(UNITS.size() + 1, otherCatalog.subtree(STATE).size(), "every unit, from every partition");
            assertEquals(3, otherCatalog.plan(STATE, 2021).size(), "every target, from every partition");

            long appliedBefore = otherActivities.applied();
            rebuild();
            for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
                awaitValue(e.getKey(), STATE, "2021", e.getValue().toPlainString());
            }
            assertTrue(otherActivities.applied() > appliedBefore, "the second instance replayed its own partitions");
        } finally {
            loops.stop(otherActivities);
            loops.stop(otherCatalogLoop);
        }
    }

    /**
     * Per unit: SUM 5 + 7 in March, a duplicate resent, one report retracted; MAX_QUARTER_MAX the largest month; LAST
     * the latest month's total. Returns the state's values, each the sum of its units'.
     */
    private static Map<String, BigDecimal> report() {
        Map<String, BigDecimal> state = new HashMap<>(Map.of("SO-SUM", BigDecimal.ZERO, "SO-MAX", BigDecimal.ZERO,
                "SO-LAST", BigDecimal.ZERO));
        for (int i = 0; i < UNITS.size(); i++) {
            String unit = UNITS.get(i);
            BigDecimal q = BigDecimal.valueOf(i + 1);
            ActivityReported kept = activity("SO-SUM", unit, "2021-03-02", q);
            events().report(kept);
            events().report(kept); // redelivered: counted once
            events().report(activity("SO-SUM", unit, "2021-03-20", BigDecimal.TEN));
            ActivityReported withdrawn = activity("SO-SUM", unit, "2021-04-01", new BigDecimal("100"));
            events().report(withdrawn);
            events().send(Topics.ACTIVITIES, withdrawn.key(), EventTypes.ACTIVITY_RETRACTED,
                    new ActivityRetracted(withdrawn.activityId(), "SO-SUM", unit, "duplicado"));
            state.merge("SO-SUM", q.add(BigDecimal.TEN), BigDecimal::add);

            events().report(activity("SO-MAX", unit, "2021-02-02", q));
            events().report(activity("SO-MAX", unit, "2021-07-02", q.multiply(BigDecimal.TWO)));
            state.merge("SO-MAX", q.multiply(BigDecimal.TWO), BigDecimal::add);

            events().report(activity("SO-LAST", unit, "2021-05-02", BigDecimal.ONE));
            events().report(activity("SO-LAST", unit, "2021-09-02", q));
            state.merge("SO-LAST", q, BigDecimal::add);
        }
        return state;
    }

    @Test
    void readsDuringARebuildAnswer503UntilEveryPartitionIsReplayed() throws Exception {
        awaitValue("SO-SUM", STATE, "2021", "116");
        // a rebuild that still has a partition to replay, as another instance would have begun it
        execute("update rebuild_state set state = 'RUNNING', finished_at = null",
                "insert into rebuild_partition(topic, partition_no, end_offset) values ('" + Topics.ACTIVITIES + "', 999, 1000000)");
        try {
            given().get("/api/v1/indicators/SO-SUM?orgUnit=" + STATE + "&period=2021").then().statusCode(503)
                    .contentType(startsWith("application/problem+json")).header("Retry-After", equalTo("10"))
                    .body("detail", containsString("reconstruyendo"));
            given().get("/api/v1/reports/closing?orgUnit=" + STATE + "&fiscalYear=2021").then().statusCode(503);
            asAdministrator().get("/api/v1/admin/rebuild").then().statusCode(200).body("state", equalTo("RUNNING"));
        } finally {
            execute("delete from rebuild_partition where partition_no = 999");
        }
        asAdministrator().get("/api/v1/admin/rebuild").then().statusCode(200).body("state", equalTo("COMPLETED"));
        given().get("/api/v1/indicators/SO-SUM?orgUnit=" + STATE + "&period=2021").then().statusCode(200).body("value", equalTo(116));
    }

    @Test
    void aClosingReportIsComputedAgainOnceAnotherInstanceCommitsABatch() throws Exception {
        awaitValue("SO-SUM", STATE, "2021", "116");
        ClosingReport first = poll(30, () -> reports.closing(STATE, 2021), r -> r == reports.closing(STATE, 2021));
        assertTrue(first == reports.closing(STATE, 2021), "unchanged data: the cached report");
        // what another instance's batch commits: its group's next offsets, in the batch's transaction
        execute("insert into consumer_offset(consumer_group, topic, partition_no, next_offset) values ('scale-out-test', 't', 0, 1)");
        try {
            assertNotSame(first, reports.closing(STATE, 2021), "a commit of any instance invalidates the cached report");
        } finally {
            execute("delete from consumer_offset where consumer_group = 'scale-out-test'");
        }
    }

    @Test
    void anInstanceBehindNeverWritesAnOlderCatalogRowOverANewerOne() throws Exception {
        Catalog.Unit newer = new Catalog.Unit("SO-LAG", "Nombre nuevo", "MUNICIPAL", null);
        Catalog.Unit older = new Catalog.Unit("SO-LAG", "Nombre viejo", "MUNICIPAL", null);
        List<Boolean> written = new ArrayList<>();
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = ds.getConnection()) {
                written.add(catalogTables.persistUnit(c, newer, 40));
                written.add(catalogTables.persistUnit(c, older, 12));
                written.add(catalogTables.persistUnit(c, newer, 40));
            }
            return null;
        });
        try {
            assertEquals(List.of(true, false, true), written);
            assertEquals("Nombre nuevo", catalogTables.units().stream().filter(u -> u.code().equals("SO-LAG")).findFirst()
                    .orElseThrow().name());
            assertFalse(catalogTables.units().contains(older));
        } finally {
            execute("delete from org_unit where code = 'SO-LAG'");
        }
    }

    private void execute(String... sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static ActivityReported activity(String indicator, String unit, String date, BigDecimal quantity) {
        return new ActivityReported(UUID.randomUUID().toString(), indicator, unit, STATE, 2021, LocalDate.parse(date), quantity);
    }

    private static void target(String code, String method) {
        TargetChanged t = new TargetChanged(STATE, 2021, "SO", "Programa escalado", code, "Acción " + code, code, "Visita",
                new BigDecimal("100"), method, null, ALL_MONTHS, false, null);
        events().send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
    }
}
