package mx.gob.dif.indicators.config;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;

/** The service's own settings ({@code indicators.*} in application.properties). */
@ConfigMapping(prefix = "indicators")
public interface IndicatorsConfig {
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

    interface Group {
        String activities();

        String catalog();
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
