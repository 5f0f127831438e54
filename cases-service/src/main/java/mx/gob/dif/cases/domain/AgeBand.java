package mx.gob.dif.cases.domain;

import java.time.LocalDate;
import java.time.Period;

/** The only trace of a person's age that leaves cases-service: a band, never the birth date. */
public final class AgeBand {
    private AgeBand() {
    }

    public static String of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || on == null || birthDate.isAfter(on)) {
            return "UNKNOWN";
        }
        int age = Period.between(birthDate, on).getYears();
        if (age <= 5) {
            return "0-5";
        }
        if (age <= 11) {
            return "6-11";
        }
        if (age <= 17) {
            return "12-17";
        }
        if (age <= 29) {
            return "18-29";
        }
        return age <= 59 ? "30-59" : "60+";
    }

    public static Integer years(LocalDate birthDate, LocalDate on) {
        return birthDate == null || on == null ? null : Period.between(birthDate, on).getYears();
    }
}
