package mx.gob.dif.deploy.bench;

import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.KafkaBroker;
import mx.gob.dif.deploy.infra.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static mx.gob.dif.deploy.bench.Benchmark.ACTIONS_PER_PROGRAM;
import static mx.gob.dif.deploy.bench.Benchmark.MUNICIPALITIES;
import static mx.gob.dif.deploy.bench.Benchmark.PROGRAMS;
import static mx.gob.dif.deploy.bench.Benchmark.YEAR;
import static mx.gob.dif.deploy.bench.Benchmark.fmt;
import static mx.gob.dif.deploy.bench.Benchmark.indicator;
import static mx.gob.dif.deploy.bench.Benchmark.say;
import static mx.gob.dif.deploy.bench.Benchmark.seconds;

/**
 * The raw baselines each gateway number is read against: Kafka and PostgreSQL driven directly, in
 * the same run on the same machine, with no service in between.
 */
final class Baselines {
    private final Stack stack;
    private final Report report;

    Baselines(Stack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    /** The raw producer's rate in events/s: what the batched ingestion is measured against (issue 14: ≥ 20 % of it). */
    double rawKafka() throws Exception {
        KafkaBroker.ensureTopics(stack.kafkaBootstrap(), List.of(new TopicSpec("dif.bench.raw", 6, Map.of())));
        int n = 300_000;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String muni = MUNICIPALITIES.get(i % MUNICIPALITIES.size());
                String ind = indicator(1 + i % PROGRAMS, 1 + i % ACTIONS_PER_PROGRAM);
                producer.send(new ProducerRecord<>("dif.bench.raw", muni + "|" + ind, cloudEvent(muni, ind)));
            }
            producer.flush();
            double rate = n / seconds(t0);
            String what = "Raw Kafka producer, same event payloads (acks=all, idempotent, lz4)";
            report.measured(what, fmt(rate) + " events/s");
            report.latest(what + " — baseline", fmt(rate) + " events/s");
            say("raw kafka: " + fmt(rate) + "/s");
            return rate;
        }
    }

    void rawPostgres() throws Exception {
        String url = stack.jdbcUrl("postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("drop table if exists bench_insert");
            c.createStatement().execute("create table bench_insert(id uuid primary key, indicator text, org_unit text, day date, quantity numeric)");
        }
        AtomicLong rows = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            fs.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement ps = c.prepareStatement("insert into bench_insert values (?,?,?,?,?)")) {
                    while (!stop.get()) {
                        ps.setObject(1, UUID.randomUUID());
                        ps.setString(2, "BEN-01-01");
                        ps.setString(3, "10005");
                        ps.setObject(4, LocalDate.of(YEAR, 3, 14));
                        ps.setBigDecimal(5, java.math.BigDecimal.ONE);
                        ps.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(5000);
        stop.set(true);
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double rate = rows.get() / seconds(t0);
        String what = "Raw PostgreSQL single-row INSERT, autocommit, 4 clients";
        report.measured(what, fmt(rate) + " rows/s");
        report.latest(what + " — baseline", fmt(rate) + " rows/s");
        say("raw postgres: " + fmt(rate) + "/s");
    }

    private static String cloudEvent(String unit, String indicator) {
        String id = UUID.randomUUID().toString();
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/programs-service\",\"type\":\"mx.gob.dif.activity.reported.v1\",\"time\":\""
                + OffsetDateTime.now() + "\",\"subject\":\"" + unit + "|" + indicator + "\",\"datacontenttype\":\"application/json\",\"data\":{\"activityId\":\""
                + id + "\",\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + unit + "\",\"planOrgUnit\":\"10\",\"fiscalYear\":" + YEAR
                + ",\"date\":\"" + YEAR + "-03-14\",\"quantity\":1}}";
    }

    /** Records in a topic's log (end offsets: reports, retractions and transaction markers alike), all partitions. */
    static long recordsIn(Stack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
