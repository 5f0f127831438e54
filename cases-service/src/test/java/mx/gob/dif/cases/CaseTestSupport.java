package mx.gob.dif.cases;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.cases.domain.Curp;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Fixtures of obviously fictitious people, catalog events on the real broker, PDF text. */
public final class CaseTestSupport {
    private CaseTestSupport() {
    }

    /** A valid, fictitious CURP: the first 17 characters given, the check digit computed. */
    public static String curp(String first17) {
        return first17 + Curp.checkDigit(first17);
    }

    public static void publishCatalog(String bootstrap, String orgUnit, String unitName, String parent, int year, String... programs)
            throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ORG_UNITS, orgUnit, envelope(EventTypes.ORG_UNIT_CHANGED,
                    new OrgUnitChanged(orgUnit, unitName, orgUnit.length() == 2 ? "STATE" : "MUNICIPALITY", parent)))).get();
            for (String p : programs) {
                producer.send(new ProducerRecord<>(Topics.CATALOG_PROGRAMS, orgUnit + "|" + year + "|" + p, envelope(EventTypes.PROGRAM_CHANGED,
                        new ProgramChanged(orgUnit, year, p, "Programa " + p, List.of("ENE"), List.of(p + "-01"), false)))).get();
            }
        }
    }

    private static String envelope(String type, Object data) throws Exception {
        return EventJson.MAPPER.writeValueAsString(CloudEvent.of(UUID.randomUUID().toString(), "/test", type, null,
                EventJson.MAPPER.valueToTree(data)));
    }

    /** Every record of a topic, from the beginning, read until {@code enough} says so (at most 20 s). */
    public static List<String> readTopic(String bootstrap, String topic, java.util.function.Predicate<List<String>> enough) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && !enough.test(values)) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    public static JsonNode json(String s) {
        try {
            return EventJson.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
