package mx.gob.dif.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** The service's own settings ({@code indicators.*} in application.properties). */
@ConfigMapping(prefix = "indicators")
public interface IndicatorsConfig {
    /**
     * This instance among the service's instances (the pod's name, a number given by the launcher): it names the
     * instance's own catalog group. Keep it stable across restarts of one instance.
     */
    String instanceId();

    /** Consumer groups; their offsets are stored in consumer_offset with the data. */
    Group group();

    /** The activity and case loop. */
    Loop activities();

    /** The catalog loop. */
    Loop catalog();

    /** Traffic light: GREEN at or above {@code green} % of what was expected by now, YELLOW at or above {@code yellow}. */
    Status status();

    /** The administrators' dead-letter API. */
    DeadLetters deadLetters();

    /** The reporting cycle: deadlines and overdue reminders. */
    Reporting reporting();

    interface Group {
        String activities();

        /** The prefix of each instance's own catalog group (every instance reads the whole catalog). */
        String catalog();

        /** The loop of the units' month statuses (dif.reporting.months). */
        String reporting();
    }

    interface Reporting {
        /** A month's reports are due by the end of this day of the next month (America/Mexico_City), 1 to 28. */
        @WithDefault("10")
        int deadlineDay();

        /** Months whose deadline passed at most this many months back are checked for reminders; older ones are history. */
        @WithDefault("2")
        int reminderLookbackMonths();

        /** How often the reminders look for units that missed a deadline (a Quarkus scheduler period, e.g. 5m). */
        @WithDefault("5m")
        String reminderInterval();
    }

    interface Loop {
        /** Records per poll, i.e. per database transaction. */
        int maxPollRecords();
    }

    interface DeadLetters {
        /** At most this many records of dif.dead-letter are read per list call (the newest). */
        int scanLimit();
    }

    interface Status {
        BigDecimal green();

        BigDecimal yellow();
    }
}
