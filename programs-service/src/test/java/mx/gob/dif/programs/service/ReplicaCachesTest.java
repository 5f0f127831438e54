package mx.gob.dif.programs.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A second replica's plan cache, in this JVM with its own loop in a group of its own: a plan imported
 * through this replica (which drops only its own cache) is dropped there too once the import committed
 * and its catalog events arrived. Unit 10030's 2015 plan, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ReplicaCachesTest {
    @Inject
    EventLoops loops;
    @Inject
    AgroalDataSource ds;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OrgUnitService orgUnits;

    @Test
    void anotherReplicasCachedPlanIsDroppedOnceTheImportCommitted() throws Exception {
        PlanCache other = new PlanCache(ds, transactions);
        EventLoop loop = loops.start(ReplicaCaches.spec("second-replica"), new ReplicaCaches(loops, other, orgUnits, "second-replica"));
        try {
            importPlan(100);
            assertEquals(new BigDecimal("100"), target(other), "the other replica loads the plan as committed");
            importPlan(250);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (new BigDecimal("100").compareTo(target(other)) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, new BigDecimal("250").compareTo(target(other)), "the other replica dropped its cached plan");
        } finally {
            loops.stop(loop);
        }
    }

    private static BigDecimal target(PlanCache cache) {
        return cache.plan("10030", 2015).orElseThrow().get("RC-01").annualTarget();
    }

    /** 201 the first time, 200 when the plan is stored already (an earlier run on the same database). */
    private static void importPlan(int target) {
        String plan = """
                {"orgUnit":"10030","fiscalYear":2015,"programs":[{"code":"RC","name":"Programa en réplicas",
                  "calendarMonths":["ENE","FEB","MAR","ABR","MAY","JUN","JUL","AGO","SEP","OCT","NOV","DIC"],"actions":[
                  {"code":"RC-01","description":"Visitas","targets":[
                    {"indicatorCode":"RC-01","unit":"Visita","target":%d}]}]}]}""".formatted(target);
        RestAssured.given().auth().oauth2(TestTokens.administrator()).contentType("application/json").body(plan)
                .post("/api/v1/work-plans/import").then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
