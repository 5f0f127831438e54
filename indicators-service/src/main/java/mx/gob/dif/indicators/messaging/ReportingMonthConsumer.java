package mx.gob.dif.indicators.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.ReportingMonthChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.config.IndicatorsConfig;
import mx.gob.dif.indicators.persistence.ReportingTables;
import mx.gob.dif.indicators.service.DataVersion;
import mx.gob.dif.messaging.BatchHandler;
import mx.gob.dif.messaging.EventLoop;
import mx.gob.dif.messaging.EventLoops;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The loop {@code reporting}: each unit's month status from the compacted {@code dif.reporting.months}
 * (programs-service's submission and acceptance workflow) into {@code reporting_month}, last event wins. Refused
 * (dead-lettered): a unit code missing or longer than its column, a month that is not YYYY-MM, an unknown status.
 */
@ApplicationScoped
public class ReportingMonthConsumer implements BatchHandler {
    private static final Logger LOG = Logger.getLogger(ReportingMonthConsumer.class);
    private final AgroalDataSource ds;
    private final ReportingTables tables;
    private final DataVersion dataVersion;
    private final EventLoops loops;
    private final IndicatorsConfig config;

    public ReportingMonthConsumer(AgroalDataSource ds, ReportingTables tables, DataVersion dataVersion, EventLoops loops,
                                  IndicatorsConfig config) {
        this.ds = ds;
        this.tables = tables;
        this.dataVersion = dataVersion;
        this.loops = loops;
        this.config = config;
    }

    void start(@Observes StartupEvent e) {
        loops.start(new EventLoop.Spec("reporting", config.group().reporting(), List.of(Topics.REPORTING_MONTHS),
                config.catalog().maxPollRecords()), this);
    }

    @Override
    public void apply(Batch batch) throws Exception {
        try (Connection c = ds.getConnection()) {
            for (Received r : batch.events()) {
                if (!EventTypes.REPORTING_MONTH_CHANGED.equals(r.type())) {
                    LOG.debugf("Ignoring reporting event type %s", r.type());
                    continue;
                }
                try {
                    ReportingMonthChanged d = r.data(ReportingMonthChanged.class);
                    YearMonth month = month(d.month());
                    tables.persistMonth(c, Refused.required("orgUnit", d.orgUnit(), 16), month.getYear(), month.getMonthValue(),
                            status(d.status()), d.at());
                } catch (Refused e) {
                    batch.deadLetter(r, e.getMessage());
                }
            }
        }
    }

    @Override
    public void afterCommit(Batch batch) {
        dataVersion.changed(); // the closing report says which months are accepted
    }

    private static YearMonth month(String month) throws Refused {
        Refused.required("month", month, 7);
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new Refused("month is not YYYY-MM");
        }
    }

    private static String status(String status) throws Refused {
        if (!ReportingMonthChanged.STATUSES.contains(status)) {
            throw new Refused("unknown status");
        }
        return status;
    }
}
