package mx.gob.dif.indicators.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.ReportingOverdue;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.persistence.ReportingTables;
import mx.gob.dif.indicators.service.ReportingCycle;
import mx.gob.dif.messaging.DurableProducer;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

/**
 * When a month's deadline has passed, each reporting unit that was due and has not submitted it gets one
 * {@code mx.gob.dif.reporting.overdue.v1} on {@code dif.reporting.overdue} (key {@code orgUnit|month}; aggregates only:
 * targets due and reported). Exactly one per unit and month, even across restarts: the reminder is recorded first
 * ({@code reporting_overdue}, one row per unit and month, with the event id it will carry), then sent with the
 * {@link DurableProducer} and marked sent once the broker acknowledged it; a reminder recorded but not acknowledged
 * (a crash, the broker away) is sent again later with the same event id. Only the months whose deadline passed within
 * {@code indicators.reporting.reminder-lookback-months} are looked at: older months are history, not reminders.
 */
@ApplicationScoped
public class OverdueReminders {
    private static final Logger LOG = Logger.getLogger(OverdueReminders.class);
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private final ReportingCycle cycle;
    private final ReportingTables tables;
    private final DurableProducer producer;
    private final int lookback;

    public OverdueReminders(ReportingCycle cycle, ReportingTables tables, DurableProducer producer, IndicatorsConfig config) {
        this.cycle = cycle;
        this.tables = tables;
        this.producer = producer;
        this.lookback = config.reporting().reminderLookbackMonths();
    }

    @Scheduled(every = "${indicators.reporting.reminder-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check(ZonedDateTime.now(MEXICO));
    }

    /** Records the reminders owed at {@code now} and sends every one not acknowledged yet; returns how many were sent. */
    public synchronized int check(ZonedDateTime now) {
        YearMonth current = YearMonth.from(now);
        for (int back = lookback; back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            if (!cycle.lateFrom(month).isAfter(now.toOffsetDateTime())) {
                int recorded = tables.record(cycle.overdue(month));
                if (recorded > 0) {
                    LOG.infof("Recorded %d overdue reminders for %s", recorded, month);
                }
            }
        }
        int sent = 0;
        for (ReportingTables.Overdue o : tables.unsent()) {
            if (!send(o)) {
                break; // the broker is away: the rest wait for the next run, in order
            }
            tables.markSent(o);
            sent++;
        }
        return sent;
    }

    private boolean send(ReportingTables.Overdue o) {
        ReportingOverdue payload = new ReportingOverdue(o.orgUnit(), YearMonth.of(o.year(), o.month()).toString(), o.deadline(),
                o.targetsDue(), o.targetsReported());
        CloudEvent<ReportingOverdue> event = new CloudEvent<>("1.0", o.eventId().toString(), producer.source(),
                EventTypes.REPORTING_OVERDUE, OffsetDateTime.now(), payload.key(), "application/json", payload);
        try {
            producer.send(Topics.REPORTING_OVERDUE, payload.key(), event).get(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Overdue reminder %s not acknowledged, kept for the next run: %s", payload.key(), e.toString());
            return false;
        }
    }
}
