package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.DurableProducer;
import mx.gob.dif.messaging.TransactionFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static mx.gob.dif.programs.activity.ActivityTopic.appendedSince;
import static mx.gob.dif.programs.activity.ActivityTopic.endOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit (issue 14) on the real broker and database: many concurrent single reports from
 * different users are each accepted exactly once (one event, one ledger row, the note with its own
 * sender), and when a group's Kafka transaction fails every request of the group gets its own 503
 * and nothing of any of them is stored or visible. Prints the rate of the concurrent singles; size
 * with -Dactivity.bench.singles (default 64).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ActivityGroupCommitTest {
    private static final Logger LOG = Logger.getLogger(ActivityGroupCommitTest.class);
    private static final int CLIENTS = 32;
    private static final String[] INDICATORS = {"DIF-01-01", "DIF-01-02", "DIF-01-03", "DIF-02-01", "DIF-03-01"};
    private static boolean planned;

    @TestHTTPResource("/api/v1/activities")
    URL url;

    @Inject
    AgroalDataSource ds;

    @Inject
    DurableProducer producer;

    @Inject
    ActivityService service;

    @BeforeEach
    void plan() throws Exception {
        if (!planned) {
            ActivityApiTest.importMunicipalPlan();
            planned = true;
        }
    }

    /** Each user's token, signed once: a client keeps its token for many requests. */
    private static final Map<String, String> BEARERS = new ConcurrentHashMap<>();

    /** One request of one report: its id (client-chosen or not) and the user who sends it. */
    private record Single(String clientId, String user, String body) {
        String bearer() {
            return BEARERS.computeIfAbsent(user, u -> "Bearer " + (u.startsWith("director")
                    ? TestTokens.person(u, "10", Roles.DIRECTOR) : TestTokens.person(u, "10005", Roles.MUNICIPAL_OPERATOR)));
        }
    }

    @Test
    void concurrentSingleReportsAreEachAcceptedOnceWithTheirOwnSender() throws Exception {
        HttpClient http = client();
        post(http, singles(CLIENTS, false)); // warm-up: JIT, connections, producer metadata
        int n = Integer.getInteger("activity.bench.singles", 64);
        List<Single> singles = singles(n, false);
        Map<TopicPartition, Long> before = endOffsets();
        long t0 = System.nanoTime();
        List<HttpResponse<String>> answers = post(http, singles);
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.infof("Activity ingestion: %d single reports from %d clients in %.2f s = %.0f reports/s", n, CLIENTS, seconds, n / seconds);

        Map<String, String> senders = new HashMap<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> a = answers.get(i);
            assertEquals(202, a.statusCode(), a.body());
            JsonNode body = EventJson.MAPPER.readTree(a.body());
            assertEquals(1, body.get("accepted").asInt(), a.body());
            assertEquals(0, body.get("alreadyKnown").asInt(), a.body());
            String id = body.get("ids").get(0).asText();
            if (singles.get(i).clientId() != null) {
                assertEquals(singles.get(i).clientId(), id);
            }
            senders.put(id, singles.get(i).user());
        }
        assertEquals(n, senders.size(), "one id per request");
        List<String> published = appendedSince(before).stream().map(ConsumerRecord::value).map(ActivityGroupCommitTest::eventId).toList();
        assertEquals(n, published.size(), "one event per report, nothing else");
        assertEquals(senders.keySet(), new HashSet<>(published));
        assertEquals(senders, ledgerSenders(senders.keySet()), "one ledger row per report, its note with the user who sent it");
    }

    @Test
    void everyRequestOfAGroupWhoseTransactionFailsGetsItsOwn503AndNothingIsStored() throws Exception {
        FailingPublisher failing = new FailingPublisher(producer);
        QuarkusMock.installMockForType(failing, ActivityPublisher.class);
        HttpClient http = client();
        List<Single> first = singles(1, true);
        List<Single> group = singles(8, true);
        Map<TopicPartition, Long> before = endOffsets();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            Future<List<HttpResponse<String>>> lone = clients.submit(() -> post(http, first));
            assertTrue(failing.begun.await(1, TimeUnit.MINUTES), "the first request reached Kafka");
            Future<List<HttpResponse<String>>> queued = clients.submit(() -> post(http, group));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (service.waitingRequests() < group.size()) {
                assertTrue(System.nanoTime() < deadline, "the 8 requests queued behind the first");
                Thread.sleep(10);
            }
            failing.release.countDown();

            List<HttpResponse<String>> answers = new ArrayList<>(lone.get(2, TimeUnit.MINUTES));
            answers.addAll(queued.get(2, TimeUnit.MINUTES));
            assertEquals(List.of(1, group.size()), failing.groupSizes, "the first alone, then the 8 queued ones as ONE group");
            for (HttpResponse<String> a : answers) {
                assertEquals(503, a.statusCode(), a.body());
                assertTrue(a.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), a.body());
                assertTrue(EventJson.MAPPER.readTree(a.body()).get("detail").asText()
                        .startsWith("No se registró ningún reporte de esta solicitud (1)."), a.body());
            }
        } finally {
            failing.release.countDown();
            clients.shutdown();
        }
        assertEquals(List.of(), appendedSince(before), "nothing visible on the topic");
        List<String> ids = new ArrayList<>();
        first.forEach(s -> ids.add(s.clientId()));
        group.forEach(s -> ids.add(s.clientId()));
        assertEquals(0, count("select count(*) from activity where id = any(?::uuid[])", ids), "no ledger row");
        assertEquals(0, count("select count(*) from activity_note where id = any(?::uuid[])", ids), "no note kept");
    }

    /**
     * The real publisher, except that every transaction also carries a record the broker cannot take (a
     * partition the topic does not have), so it fails for real and is aborted; the first one waits for {@link #release}.
     */
    static final class FailingPublisher extends ActivityPublisher {
        private final DurableProducer producer;
        final CountDownLatch begun = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> groupSizes = new CopyOnWriteArrayList<>();

        FailingPublisher(DurableProducer producer) {
            super(producer);
            this.producer = producer;
        }

        @Override
        public List<CloudEvent<ActivityReported>> publishReports(List<ActivityReported> reports) throws TransactionFailure {
            groupSizes.add(reports.size());
            begun.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (ActivityReported r : reports) {
                records.add(producer.record(Topics.ACTIVITIES, r.key(), CloudEvent.of(r.activityId(), producer.source(),
                        EventTypes.ACTIVITY_REPORTED, r.key(), r)));
            }
            records.add(new ProducerRecord<>(Topics.ACTIVITIES, 999, reports.get(0).key(), "{}"));
            producer.sendAtomically(records);
            throw new AssertionError("a transaction with a record for a partition that does not exist committed");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** {@code n} single reports (every one or half with a client id) from four operators of 10005 and a director of 10. */
    private static List<Single> singles(int n, boolean clientIds) {
        List<Single> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = clientIds || i % 2 == 0 ? UUID.randomUUID().toString() : null;
            String body = ActivityApiTest.report(id, INDICATORS[i % INDICATORS.length], "10005",
                    "2021-" + String.format("%02d", 1 + i % 12) + "-15", String.valueOf(1 + i % 7));
            out.add(new Single(id, i % 5 == 4 ? "director.durango" : "operador.grupo" + i % 4, body));
        }
        return out;
    }

    /**
     * HTTP/1.1, one connection per client as browsers and the gateway use: the JDK's default (HTTP/2 over one
     * connection) would measure that connection's flow control, not this service.
     */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(CLIENTS)).build();
    }

    /** Posts every request, up to {@link #CLIENTS} at a time; the answers in request order. */
    private List<HttpResponse<String>> post(HttpClient http, List<Single> singles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Single s : singles) {
                futures.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(url.toString()))
                        .header("Content-Type", "application/json").header("Authorization", s.bearer())
                        .POST(HttpRequest.BodyPublishers.ofString(s.body())).build(), HttpResponse.BodyHandlers.ofString())));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static String eventId(String value) {
        try {
            return EventJson.MAPPER.readTree(value).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError("not an event: " + e);
        }
    }

    /** id → received_by of the ledger rows among these ids (joined with their notes). */
    private Map<String, String> ledgerSenders(Set<String> ids) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select a.id::text, n.received_by from activity a join activity_note n on n.id = a.id where a.id = any(?::uuid[])""")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(null, out.put(rs.getString(1), rs.getString(2)), "one ledger row per id");
                }
            }
        }
        return out;
    }

    private long count(String sql, List<String> ids) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
