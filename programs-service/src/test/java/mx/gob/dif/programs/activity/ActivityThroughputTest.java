package mx.gob.dif.programs.activity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Batches of 500 from concurrent clients straight to this service (no gateway), with the real
 * broker and database. Prints the rate; asserts that every report is on Kafka and in the ledger.
 * Size with -Dactivity.bench.batches (default 40 batches = 20,000 reports per run).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ActivityThroughputTest {
    private static final Logger LOG = Logger.getLogger(ActivityThroughputTest.class);
    private static final int BATCH = 500;
    private static final int CLIENTS = 4;
    private static final String[] INDICATORS = {"DIF-01-01", "DIF-01-02", "DIF-01-03", "DIF-02-01", "DIF-03-01"};

    @TestHTTPResource("/api/v1/activities")
    URL url;

    @Inject
    AgroalDataSource ds;

    @Test
    void batchesOf500FromConcurrentClients() throws Exception {
        String demo = Files.readString(Path.of("../deploy/demo/pat-2021-municipal-durango.json"), StandardCharsets.UTF_8).trim();
        RestAssured.given().auth().oauth2(TestTokens.administrator())
                .contentType("application/json").body("{\"orgUnit\":\"10005\",\"fiscalYear\":2021," + demo.substring(1))
                .post("/api/v1/work-plans/import").then().statusCode(oneOf(200, 201));
        int batches = Integer.getInteger("activity.bench.batches", 40);

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        // warm-up: JIT, connections, producer metadata
        run(http, bodies(8, false));

        for (boolean clientIds : new boolean[]{false, true}) {
            List<String> bodies = bodies(batches, clientIds);
            long rows = rows();
            Map<TopicPartition, Long> before = ActivityTopic.endOffsets();
            long t0 = System.nanoTime();
            run(http, bodies);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long events = (long) batches * BATCH;
            LOG.infof("Activity ingestion (%s ids): %d reports in %d batches of %d from %d clients in %.2f s = %.0f reports/s",
                    clientIds ? "client" : "server", events, batches, BATCH, CLIENTS, seconds, events / seconds);
            assertEquals(events, ActivityTopic.appendedSince(before).size(), "one event per report");
            assertEquals(rows + events, rows(), "one ledger row per report");
        }
    }

    private List<String> bodies(int batches, boolean clientIds) {
        List<String> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            StringBuilder sb = new StringBuilder(BATCH * 130).append('[');
            for (int i = 0; i < BATCH; i++) {
                sb.append(i == 0 ? "" : ",").append('{');
                if (clientIds) {
                    sb.append("\"id\":\"").append(UUID.randomUUID()).append("\",");
                }
                sb.append("\"indicator\":\"").append(INDICATORS[i % INDICATORS.length])
                        .append("\",\"orgUnit\":\"10005\",\"date\":\"2021-").append(String.format("%02d", 1 + (i % 12)))
                        .append("-15\",\"quantity\":").append(1 + i % 7).append('}');
            }
            bodies.add(sb.append(']').toString());
        }
        return bodies;
    }

    private void run(HttpClient http, List<String> bodies) throws Exception {
        // the operator of the municipality reported for: the token is checked on every request, as in production
        String bearer = "Bearer " + TestTokens.operator("10005");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String body : bodies) {
                results.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(url.toString()))
                        .header("Content-Type", "application/json").header("Authorization", bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> r : results) {
                assertEquals(202, r.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private long rows() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from activity")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
