package mx.gob.dif.console.live;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.console.ConsoleTestResource;
import mx.gob.dif.console.FakeApi;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.DurableProducer;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /live/indicators} with the real broker: indicator updates published on {@code dif.indicators.updated}
 * reach each open stream, but only those of units the person may read (the services' rule: their unit and below).
 * The state analyst (10) hears Durango, Gómez Palacio and the state; Durango's operator (10005) only Durango.
 */
@QuarkusTest
@QuarkusTestResource(FakeApi.class)
@QuarkusTestResource(value = ConsoleTestResource.class, restrictToAnnotatedClass = false)
class LiveStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TestHTTPResource("/live/indicators")
    URI live;
    @Inject
    DurableProducer producer;
    @Inject
    EventLoops loops;

    /** The data lines of one open stream, read on a thread of their own. */
    static final class Stream {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> data = new CopyOnWriteArrayList<>();
        final HttpResponse<java.io.InputStream> response;

        Stream(URI uri, String token) throws Exception {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event:")) {
                            events.add(line.substring(6).trim());
                        } else if (line.startsWith("data:") && line.length() > 5) {
                            data.add(line.substring(5).trim());
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            });
        }

        boolean has(String indicator, String orgUnit) {
            return data.stream().anyMatch(d -> d.contains("\"indicator\":\"" + indicator + "\"") && d.contains("\"orgUnit\":\"" + orgUnit + "\""));
        }

        void close() throws Exception {
            response.body().close();
        }
    }

    @Test
    void eachPersonHearsOnlyTheUpdatesOfUnitsTheyMayRead() throws Exception {
        EventLoop loop = loops.loops().stream().filter(l -> l.spec().name().equals(LiveIndicators.LOOP)).findFirst().orElseThrow();
        await(() -> loop.lag() >= 0, "the live loop positioned at the latest offset");

        Stream analyst = new Stream(live, TestTokens.analyst("10"));
        Stream operator = new Stream(live, TestTokens.operator("10005"));
        try {
            assertEquals(200, analyst.response.statusCode());
            assertTrue(analyst.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            await(() -> analyst.events.contains("ready") && operator.events.contains("ready"), "both streams open");

            String code = "LIVE-" + UUID.randomUUID().toString().substring(0, 8);
            // one key, so one partition and this order; Durango's second update (43) comes last
            for (String[] u : new String[][]{{"10005", "42"}, {"10007", "42"}, {"10", "42"}, {"10005", "43"}}) {
                IndicatorUpdated update = new IndicatorUpdated(code, u[0], 2021, "2021", "SUM", new BigDecimal("100"),
                        new BigDecimal(u[1]), new BigDecimal(u[1]));
                producer.send(Topics.INDICATOR_UPDATES, code, CloudEvent.of(UUID.randomUUID().toString(), "/test",
                        EventTypes.INDICATOR_UPDATED, u[0] + "|" + code, update)).get(30, TimeUnit.SECONDS);
            }

            await(() -> analyst.has(code, "10005") && analyst.has(code, "10007") && analyst.has(code, "10"),
                    "the analyst hears the three units");
            await(() -> operator.data.stream().anyMatch(d -> d.contains(code) && d.contains("\"value\":43")),
                    "the operator hears Durango's last update");
            // everything before Durango's last update has been through the operator's filter by now
            assertTrue(!operator.has(code, "10007") && !operator.has(code, "10"), "the operator hears no other unit: " + operator.data);
            String one = analyst.data.stream().filter(d -> d.contains(code) && d.contains("\"orgUnit\":\"10005\"")).findFirst().orElseThrow();
            assertTrue(one.contains("\"fiscalYear\":2021") && one.contains("\"value\":42"), one);
        } finally {
            analyst.close();
            operator.close();
        }
    }

    @Test
    void withoutAPersonThereIsNoStream() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
