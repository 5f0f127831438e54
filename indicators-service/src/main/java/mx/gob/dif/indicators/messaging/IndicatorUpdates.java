package mx.gob.dif.indicators.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.IndicatorUpdated;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.service.Catalog;
import mx.gob.dif.indicators.service.IndicatorValues;
import mx.gob.dif.messaging.DurableProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final DurableProducer producer;
    private final IndicatorValues values;
    private final Catalog catalog;
    /** "indicator|orgUnit|year" keys waiting for the sender. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender =
            Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("indicator-updates").daemon().unstarted(r));

    public IndicatorUpdates(DurableProducer producer, IndicatorValues values, Catalog catalog) {
        this.producer = producer;
        this.values = values;
        this.catalog = catalog;
        sender.scheduleWithFixedDelay(this::drain, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Month values changed: the indicator for the unit and its ancestors. */
    void publish(List<ActivityApplier.Key> changed) {
        Set<String> seen = new HashSet<>();
        for (ActivityApplier.Key k : changed) {
            if (seen.add(k.indicator() + "|" + k.orgUnit() + "|" + k.year())) {
                queue(k.indicator(), k.orgUnit(), k.year());
            }
        }
    }

    /** Case counts changed: every target counted from that metric, for the unit and its ancestors. */
    void publishCases(List<CaseApplier.Key> changed) {
        Set<String> seen = new HashSet<>();
        for (CaseApplier.Key k : changed) {
            if (seen.add(k.metric() + "|" + k.orgUnit() + "|" + k.year())) {
                for (String indicator : catalog.caseMetricIndicators(k.year(), k.metric())) {
                    queue(indicator, k.orgUnit(), k.year());
                }
            }
        }
    }

    private void queue(String indicator, String orgUnit, int year) {
        pending.add(indicator + "|" + orgUnit + "|" + year);
        for (String a : catalog.ancestors(orgUnit)) {
            pending.add(indicator + "|" + a + "|" + year);
        }
    }

    /**
     * Sends what is pending, reading the values of each unit and year once for all its indicators (one query per
     * unit, not per indicator: under a month-end load a drain holds thousands of keys of a few dozen units).
     */
    private void drain() {
        Map<String, List<String>> byUnitAndYear = new LinkedHashMap<>();
        int taken = 0;
        for (Iterator<String> it = pending.iterator(); it.hasNext() && taken < MAX_PER_BATCH; taken++) {
            String[] p = it.next().split("\\|");
            it.remove();
            byUnitAndYear.computeIfAbsent(p[1] + "|" + p[2], k -> new ArrayList<>()).add(p[0]);
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(taken);
        byUnitAndYear.forEach((unitAndYear, indicators) -> {
            String[] p = unitAndYear.split("\\|");
            int year = Integer.parseInt(p[1]);
            try {
                for (IndicatorValue v : values.yearValues(indicators, p[0], year)) {
                    IndicatorUpdated data = new IndicatorUpdated(v.indicator(), v.orgUnit(), year, v.period(),
                            v.method(), v.target(), v.value(), v.percent());
                    String subject = v.orgUnit() + "|" + v.indicator();
                    sent.add(producer.send(Topics.INDICATOR_UPDATES, subject,
                            CloudEvent.of(UUID.randomUUID().toString(), producer.source(), EventTypes.INDICATOR_UPDATED, subject, data)));
                }
            } catch (Exception ex) {
                // a unit no longer in the catalog has no value to announce; indicators no longer in its plan are left out above
                LOG.debugf("No indicator-updated events for unit %s, year %s: %s", p[0], p[1], ex.getMessage());
            }
        });
        awaitAcks(sent);
    }

    /** Notifications are at most once, but a lost one is said in the log, not silently dropped. */
    private static void awaitAcks(List<Future<RecordMetadata>> sent) {
        int failed = 0;
        String reason = null;
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                reason = e.toString();
            }
        }
        if (failed > 0) {
            LOG.warnf("%d of %d indicator-updated events were not acknowledged by Kafka (webhooks miss them; the values are "
                    + "readable with GET): %s", failed, sent.size(), reason);
        }
    }

    void close(@Observes ShutdownEvent e) {
        sender.shutdownNow();
    }
}
