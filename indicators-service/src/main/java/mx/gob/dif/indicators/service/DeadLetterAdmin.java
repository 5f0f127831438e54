package mx.gob.dif.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.api.DeadLetter;
import mx.gob.dif.indicators.api.DeadLetterDetail;
import mx.gob.dif.indicators.api.DeadLetterReplay;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.messaging.DeadLetterLog;
import mx.gob.dif.indicators.persistence.DeadLetterReplays;
import mx.gob.dif.indicators.persistence.DeadLetterReplays.Position;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The administrators' view of {@code dif.dead-letter}: list (headers only, never a body), one record with its
 * value, and replay to its original topic through the platform's producer, where the consumer reads it again
 * (applied if the cause was fixed, dead-lettered again if not). Only the platform's event topics are targets.
 */
@ApplicationScoped
public class DeadLetterAdmin {
    private static final Logger LOG = Logger.getLogger(DeadLetterAdmin.class);
    private static final Comparator<ConsumerRecord<String, String>> NEWEST_FIRST =
            Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset).reversed();

    private final DeadLetterLog log;
    private final DeadLetterReplays replays;
    private final CurrentUser caller;
    private final int scanLimit;

    public DeadLetterAdmin(DeadLetterLog log, DeadLetterReplays replays, CurrentUser caller, IndicatorsConfig config) {
        this.log = log;
        this.replays = replays;
        this.caller = caller;
        this.scanLimit = config.deadLetters().scanLimit();
    }

    /** A page of the list and whether older records were left out of the scan (at most the scan limit are read). */
    public record Listing(Page<DeadLetter> page, boolean truncated) {
    }

    /** Newest first; {@code topic} and {@code group} (optional) keep the records of that original topic / consumer group. */
    public Listing list(String topic, String group, int page, int size) {
        Page.check(page, size);
        DeadLetterLog.Scan scan = kafka(() -> log.scan(scanLimit));
        List<ConsumerRecord<String, String>> matching = scan.records().stream()
                .filter(r -> topic == null || topic.equals(header(r, "dif-topic")))
                .filter(r -> group == null || group.equals(header(r, "dif-group")))
                .sorted(NEWEST_FIRST).toList();
        List<ConsumerRecord<String, String>> shown = matching.stream().skip((long) page * size).limit(size).toList();
        Map<Position, Instant> replayed = replays.of(shown.stream().map(DeadLetterAdmin::position).collect(Collectors.toSet()));
        List<DeadLetter> items = shown.stream().map(r -> summary(r, replayed.get(position(r)))).toList();
        return new Listing(new Page<>(items, page, size, matching.size()), scan.truncated());
    }

    public DeadLetterDetail get(int partition, long offset) {
        ConsumerRecord<String, String> r = find(partition, offset);
        DeadLetter s = summary(r, replays.of(Set.of(position(r))).get(position(r)));
        return new DeadLetterDetail(s.partition(), s.offset(), s.timestamp(), s.key(), s.reason(), s.group(), s.topic(),
                s.originalPartition(), s.originalOffset(), s.replayedAt(), r.value());
    }

    /** Writes the record's value with its key to its original topic again and waits for the broker's acknowledgement. */
    public DeadLetterReplay replay(int partition, long offset) {
        ConsumerRecord<String, String> r = find(partition, offset);
        String target = header(r, "dif-topic");
        String where = "El registro " + partition + "/" + offset + " de " + Topics.DEAD_LETTER;
        if (target == null || !Topics.EVENT_TOPICS.contains(target)) {
            throw ProblemException.unprocessable(where + (target == null ? " no indica su tópico de origen (encabezado dif-topic)"
                    : " viene del tópico '" + abbreviate(target) + "', que no es de la plataforma")
                    + "; solo se pueden reenviar registros a: " + String.join(", ", Topics.EVENT_TOPICS) + ".", List.of());
        }
        if (r.value() == null) {
            // a null value on a compacted catalog topic would delete the key's last event
            throw ProblemException.unprocessable(where + " no tiene contenido; no se reenvía.", List.of());
        }
        RecordMetadata sent = kafka(() -> log.republish(target, r.key(), r.value()));
        Instant at = Instant.now();
        replays.mark(position(r), at);
        // only checked or parsed values: headers may come from a foreign producer
        DeadLetter origin = summary(r, null);
        LOG.infof("Dead letter %s-%d@%d replayed by %s to %s-%d@%d (originally %s-%s@%s)", Topics.DEAD_LETTER,
                partition, offset, caller.name(), sent.topic(), sent.partition(), sent.offset(), target,
                origin.originalPartition(), origin.originalOffset());
        return new DeadLetterReplay(sent.topic(), sent.partition(), sent.offset(), at.toString());
    }

    private ConsumerRecord<String, String> find(int partition, long offset) {
        return kafka(() -> log.one(partition, offset)).orElseThrow(() -> ProblemException.notFound(
                "No hay un registro " + partition + "/" + offset + " en " + Topics.DEAD_LETTER
                        + " (la partición o la posición no existen, o el registro ya venció: se guardan 30 días)."));
    }

    private static DeadLetter summary(ConsumerRecord<String, String> r, Instant replayedAt) {
        return new DeadLetter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()).toString(), r.key(),
                header(r, "dif-reason"), header(r, "dif-group"), header(r, "dif-topic"),
                number(header(r, "dif-partition"), Integer::valueOf), number(header(r, "dif-offset"), Long::valueOf),
                replayedAt == null ? null : replayedAt.toString());
    }

    private static Position position(ConsumerRecord<String, String> r) {
        return new Position(r.partition(), r.offset());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A header a foreign producer may have filled with anything: null unless it is a number. */
    private static <T> T number(String s, Function<String, T> parse) {
        try {
            return s == null ? null : parse.apply(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A foreign topic name quoted in a message, cut to a readable length. */
    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }

    /** The broker unreachable or too slow answers 503 with a Spanish reason, not 500. */
    private static <T> T kafka(Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException e) {
            LOG.warnf("Kafka call of the dead-letter API failed: %s", e.toString());
            throw new ProblemException(503, "Servicio no disponible",
                    "Kafka no respondió a tiempo al leer o reenviar registros de " + Topics.DEAD_LETTER
                            + "; intente de nuevo en unos minutos.");
        }
    }
}
