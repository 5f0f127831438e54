package mx.gob.dif.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** indicators-service as three instances behind the gateway: two answer, one refuses connections ({@link TwoInstances}). */
@QuarkusTest
@QuarkusTestResource(value = TwoInstances.class, restrictToAnnotatedClass = true)
class LoadBalancingTest {
    private static final String PATH = "/api/v1/indicators/DIF-01-03?orgUnit=10005&period=2021";

    private static RequestSpecification withToken() {
        return given().auth().oauth2(TestTokens.operator("10005"));
    }

    @Test
    void readsAreSpreadOverTheInstancesAndNeverFailOnTheOneThatIsDown() {
        int a = TwoInstances.A.answered.get();
        int b = TwoInstances.B.answered.get();
        for (int i = 0; i < 12; i++) {
            withToken().get(PATH).then().statusCode(200);
        }
        int toA = TwoInstances.A.answered.get() - a;
        int toB = TwoInstances.B.answered.get() - b;
        assertEquals(12, toA + toB, "every read answered by a live instance, the refused ones retried once");
        assertTrue(toA >= 4 && toB >= 4, "in turn: A " + toA + ", B " + toB);
    }

    @Test
    void anInstanceThatAnswers503IsLeftOutUntilItsReadinessIsBack() throws Exception {
        // whichever instance takes this one answers 503 and stays unready
        withToken().header(TwoInstances.ANSWER_503, "1").get(PATH).then().statusCode(503);
        TwoInstances.Fake down = TwoInstances.A.ready.get() ? TwoInstances.B : TwoInstances.A;
        TwoInstances.Fake up = down == TwoInstances.A ? TwoInstances.B : TwoInstances.A;
        int before = down.answered.get();
        for (int i = 0; i < 8; i++) {
            withToken().get(PATH).then().statusCode(200).body("instance", equalTo(up.name));
        }
        assertEquals(before, down.answered.get(), "nothing sent to the ejected instance");
        down.ready.set(true);
        await(() -> {
            withToken().get(PATH).then().statusCode(200);
            return down.answered.get() > before;
        }, "the probe re-admits the instance once it is ready");
    }

    @Test
    void theHealthOfEachInstanceIsReported() {
        given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'services' }.data.'indicators " + TwoInstances.DEAD + "'", equalTo("UNREACHABLE"))
                .body("checks.find { it.name == 'services' }.data.indicators", equalTo("DEGRADED"));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
