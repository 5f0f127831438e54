package mx.gob.dif.indicators.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.service.IndicatorQuery;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One indicator-updated event per (indicator, unit, year) whose year value changed — the reporting
 * unit and each of its ancestors (a state system subscribes to its own roll-up) — coalesced across
 * batches and sent from its own thread every half second so integrators never slow down aggregation.
 * Delivery is at most once per change: a crash between the database commit and the send loses the
 * notification, never the value (readers can always GET the indicator).
 */
@ApplicationScoped
public class IndicatorUpdates {
    private static final Logger LOG = Logger.getLogger(IndicatorUpdates.class);
    private static final int MAX_PER_BATCH = 2000;
    private final KafkaProducer<String, String> producer;
    private final IndicatorQuery query;

    private final mx.gob.dif.indicators.service.Catalog catalog;

    public IndicatorUpdates(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, IndicatorQuery query,
                            mx.gob.dif.indicators.service.Catalog catalog) {
        this.query = query;
        this.catalog = catalog;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer());
    }

    private final Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService sender =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("indicator-updates").daemon().unstarted(r));

    {
        sender.scheduleWithFixedDelay(this::drain, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public long sent() {
        return sent.get();
    }

    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();

    void publish(List<ActivityApplier.Key> changed) {
        Set<String> seen = new java.util.HashSet<>();
        for (ActivityApplier.Key k : changed) {
            if (seen.add(k.indicator() + "|" + k.orgUnit() + "|" + k.year())) {
                pending.add(k.indicator() + "|" + k.orgUnit() + "|" + k.year());
                for (String a : catalog.ancestors(k.orgUnit())) {
                    pending.add(k.indicator() + "|" + a + "|" + k.year());
                }
            }
        }
    }

    /** Case counts changed: every target counted from that metric, for the unit and its ancestors. */
    void publishCases(List<CaseApplier.Key> changed) {
        Set<String> seen = new java.util.HashSet<>();
        for (CaseApplier.Key k : changed) {
            if (!seen.add(k.metric() + "|" + k.orgUnit() + "|" + k.year())) {
                continue;
            }
            for (String indicator : catalog.caseMetricIndicators(k.year(), k.metric())) {
                pending.add(indicator + "|" + k.orgUnit() + "|" + k.year());
                for (String a : catalog.ancestors(k.orgUnit())) {
                    pending.add(indicator + "|" + a + "|" + k.year());
                }
            }
        }
    }

    private void drain() {
        Set<String> keys = new LinkedHashSet<>();
        for (var it = pending.iterator(); it.hasNext() && keys.size() < MAX_PER_BATCH; ) {
            keys.add(it.next());
            it.remove();
        }
        for (String key : keys) {
            String[] p = key.split("\\|");
            try {
                IndicatorQuery.IndicatorValue v = query.indicator(p[0], p[1], p[2]);
                IndicatorUpdated data = new IndicatorUpdated(v.indicator(), v.orgUnit(), Integer.parseInt(p[2]), v.period(),
                        v.method(), v.target(), v.value(), v.percent());
                CloudEvent e = CloudEvent.of(UUID.randomUUID().toString(), "/indicators-service", EventTypes.INDICATOR_UPDATED,
                        p[1] + "|" + p[0], EventJson.MAPPER.valueToTree(data));
                producer.send(new ProducerRecord<>(Topics.INDICATOR_UPDATES, p[1] + "|" + p[0], EventJson.MAPPER.writeValueAsString(e)));
                sent.incrementAndGet();
            } catch (Exception ex) {
                LOG.debugf("No indicator-updated event for %s: %s", key, ex.getMessage());
            }
        }
    }

    void close(@Observes ShutdownEvent e) {
        sender.shutdownNow();
        producer.close();
    }
}
