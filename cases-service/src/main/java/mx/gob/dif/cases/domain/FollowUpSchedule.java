package mx.gob.dif.cases.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Follow-up reports are due 10 to 20 days after the office's petition (PDG-02, activity 9).
 * A task is upcoming when due within {@code upcomingDays}, overdue once its due date has passed.
 */
public record FollowUpSchedule(int minDays, int maxDays, int defaultDays, int upcomingDays) {

    public FollowUpSchedule {
        if (minDays < 0 || maxDays < minDays || defaultDays < minDays || defaultDays > maxDays || upcomingDays < 0) {
            throw new IllegalArgumentException("follow-up days must satisfy 0 <= min <= default <= max");
        }
    }

    /** Due date of a petition received on {@code requestedOn}; {@code days} null means the default. */
    public LocalDate dueDate(LocalDate requestedOn, Integer days) {
        int d = days == null ? defaultDays : days;
        if (d < minDays || d > maxDays) {
            throw new IllegalArgumentException("El plazo del informe de seguimiento debe estar entre " + minDays + " y "
                    + maxDays + " días; se pidió " + d + ".");
        }
        return requestedOn.plusDays(d);
    }

    public enum Urgency { OVERDUE, UPCOMING, LATER }

    public Urgency urgency(LocalDate dueDate, LocalDate today) {
        if (today.isAfter(dueDate)) {
            return Urgency.OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, dueDate) <= upcomingDays ? Urgency.UPCOMING : Urgency.LATER;
    }

    public static boolean onTime(LocalDate dueDate, LocalDate deliveredOn) {
        return !deliveredOn.isAfter(dueDate);
    }
}
