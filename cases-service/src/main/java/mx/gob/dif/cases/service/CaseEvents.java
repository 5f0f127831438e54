package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.cases.config.CasesConfig;
import mx.gob.dif.cases.domain.AgeBand;
import mx.gob.dif.cases.domain.Pseudonym;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.cases.messaging.CaseOutbox;
import mx.gob.dif.events.CaseEvent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Turns what happened to a case into a {@link CaseEvent}: pseudonymous refs, age band and sex,
 * never a name, CURP, address or free text. The one place that decides what leaves the service.
 */
@ApplicationScoped
public class CaseEvents {
    private final CaseOutbox outbox;
    private final Pseudonym pseudonym;

    public CaseEvents(CaseOutbox outbox, CasesConfig config) {
        this.outbox = outbox;
        this.pseudonym = new Pseudonym(config.pseudonymKey());
    }

    public String caseRef(UUID caseId) {
        return pseudonym.of("case", caseId);
    }

    public String referralRef(UUID referralId) {
        return pseudonym.of("referral", referralId);
    }

    public void publish(SupportCase c, Beneficiary b, CaseEvent.Change change, LocalDate date, Extra extra) {
        LocalDate on = date == null ? LocalDate.now() : date;
        outbox.publish(new CaseEvent(c.ref, c.orgUnit, change.name(), c.status.name(), c.category.name(), c.origin.name(),
                extra.programCode(), extra.agencyId(), extra.referralRef(),
                b == null ? "UNKNOWN" : AgeBand.of(b.birthDate, c.receivedOn),
                b == null || b.sex == null ? null : b.sex, on, extra.dueDate(), extra.onTime(), extra.outcome()));
    }

    public void publish(SupportCase c, Beneficiary b, CaseEvent.Change change, LocalDate date) {
        publish(c, b, change, date, Extra.NONE);
    }

    /** A unit-level event with no case: the monthly report was delivered. */
    public void monthlyReportDelivered(String orgUnit, LocalDate firstOfMonth, LocalDate dueDate, boolean onTime) {
        outbox.publish(new CaseEvent(null, orgUnit, CaseEvent.Change.MONTHLY_REPORT_DELIVERED.name(), null, null, null,
                null, null, null, null, null, firstOfMonth, dueDate, onTime, null));
    }

    /** The optional parts of an event. */
    public record Extra(String programCode, String agencyId, String referralRef, LocalDate dueDate, Boolean onTime, String outcome) {
        public static final Extra NONE = new Extra(null, null, null, null, null, null);

        public static Extra program(String code) {
            return new Extra(code, null, null, null, null, null);
        }

        public static Extra referral(String agencyId, String referralRef, String outcome) {
            return new Extra(null, agencyId, referralRef, null, null, outcome);
        }

        public static Extra due(LocalDate dueDate, Boolean onTime) {
            return new Extra(null, null, null, dueDate, onTime, null);
        }
    }
}
