package mx.gob.dif.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import mx.gob.dif.cases.domain.FollowUpSchedule;

@ConfigMapping(prefix = "cases")
public interface CasesConfig {
    FollowUp followUp();

    MonthlyReport monthlyReport();

    String pseudonymKey();

    interface FollowUp {
        int minDays();

        int maxDays();

        int defaultDays();

        int upcomingDays();
    }

    interface MonthlyReport {
        @WithName("due-day")
        int dueDay();
    }

    default FollowUpSchedule followUpSchedule() {
        return new FollowUpSchedule(followUp().minDays(), followUp().maxDays(), followUp().defaultDays(), followUp().upcomingDays());
    }
}
