package mx.gob.dif.console.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock every page reads "today" from (the month being reported, the year of a plan or a dashboard): Mexico
 * City's day, whatever the server's zone, so a page opened at 19:00 in Durango does not already show tomorrow.
 */
public class Clocks {
    /** Where the console's people are: pages show dates and times as read there (the API answers in UTC). */
    public static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(MEXICO_CITY);
    }
}
