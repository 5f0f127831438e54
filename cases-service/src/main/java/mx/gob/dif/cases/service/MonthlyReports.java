package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.api.MonthlyDelivery;
import mx.gob.dif.cases.api.MonthlyDeliveryRequest;
import mx.gob.dif.cases.api.MonthlyReportSummary;
import mx.gob.dif.cases.config.CasesConfig;
import mx.gob.dif.cases.domain.AgeBand;
import mx.gob.dif.cases.documents.MonthlyReport;
import mx.gob.dif.cases.documents.MonthlyReport.Row;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.MonthlyReportDelivery;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.common.rest.ProblemException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Informe Mensual of a unit: every case received (attended) or referred in the month, with
 * the decision taken; no names or CURP, it goes to other offices.
 */
@ApplicationScoped
public class MonthlyReports {
    private final EntityManager em;
    private final CaseEvents events;
    private final int dueDay;
    private final OrgUnits orgUnits;
    private final CaseScope scope;

    public MonthlyReports(EntityManager em, CaseEvents events, CasesConfig config, OrgUnits orgUnits, CaseScope scope) {
        this.em = em;
        this.events = events;
        this.dueDay = config.monthlyReport().dueDay();
        this.orgUnits = orgUnits;
        this.scope = scope;
    }

    /**
     * The month asked for, once the caller may read the unit's report (403 first: the report lists
     * cases one by one); 400 for a month that is not AAAA-MM.
     */
    public YearMonth month(String orgUnit, String raw) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            scope.requireUnit(orgUnit);
        }
        return month(raw);
    }

    private static YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("Indique el mes del informe en 'month' (AAAA-MM).");
        }
        try {
            return YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("El mes '" + raw + "' no es válido: use AAAA-MM, p. ej. 2021-03.");
        }
    }

    /**
     * Native SQL on purpose: the month's cases are the union of two set-based selections (received
     * in the month, referred in the month); the rows are then loaded through Panache.
     */
    @SuppressWarnings("unchecked")
    private List<Row> rows(String orgUnit, YearMonth month) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.badRequest("Indique la unidad (orgUnit) del informe mensual.");
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<UUID> ids = em.createNativeQuery("""
                        select id from support_case where org_unit = ?1 and received_on between ?2 and ?3
                        union
                        select case_id from referral where org_unit = ?1 and status <> 'AWAITING_APPROVAL' and status <> 'CANCELLED'
                          and cast(created_at as date) between ?2 and ?3""", UUID.class)
                .setParameter(1, orgUnit).setParameter(2, from).setParameter(3, to).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SupportCase> cases = SupportCase.list("id in ?1 order by receivedOn, folio", ids);
        // one query per kind of record for the whole month, not per case
        Map<UUID, Beneficiary> people = Beneficiary.<Beneficiary>list("id in ?1", cases.stream().map(c -> c.beneficiaryId).toList())
                .stream().collect(Collectors.toMap(b -> b.id, b -> b));
        Map<UUID, List<Enrollment>> enrollments = Enrollment.<Enrollment>list("caseId in ?1 order by enrolledOn", ids).stream()
                .collect(Collectors.groupingBy(e -> e.caseId));
        List<Referral> allReferrals = Referral.list("caseId in ?1 order by createdAt", ids);
        Map<UUID, List<Referral>> referrals = allReferrals.stream().collect(Collectors.groupingBy(r -> r.caseId));
        Map<String, String> agencyNames = Agency.<Agency>list("id in ?1", allReferrals.stream().map(r -> r.agencyId).distinct().toList())
                .stream().collect(Collectors.toMap(a -> a.id, a -> a.name));
        List<Row> rows = new ArrayList<>();
        for (SupportCase c : cases) {
            Beneficiary b = people.get(c.beneficiaryId);
            Set<String> decisions = new LinkedHashSet<>();
            enrollments.getOrDefault(c.id, List.of()).forEach(e -> decisions.add("Programa " + e.programCode));
            referrals.getOrDefault(c.id, List.of())
                    .forEach(r -> decisions.add("Canalizado a " + agencyNames.getOrDefault(r.agencyId, r.agencyId)));
            rows.add(new Row(c.folio, c.receivedOn, c.origin.label(), c.category.label(), c.status.label(),
                    decisions.isEmpty() ? "Pendiente" : String.join("; ", decisions),
                    ageLabel(b == null ? "UNKNOWN" : AgeBand.of(b.birthDate, c.receivedOn)), sexLabel(b == null ? null : b.sex),
                    c.assignedWorker));
        }
        return rows;
    }

    /** The report as a document (PDF, CSV) with the unit's name. */
    public MonthlyReport document(String orgUnit, String month) {
        YearMonth m = month(orgUnit, month);
        String title = orgUnits.unitTitle(orgUnit);
        return new MonthlyReport(title, m, rows(orgUnit, m));
    }

    static String ageLabel(String band) {
        return switch (band) {
            case "UNKNOWN" -> "Sin dato";
            case "60+" -> "60 años o más";
            default -> band.replace("-", " a ") + " años";
        };
    }

    static String sexLabel(String sex) {
        return sex == null ? null : sex.equals("H") ? "Hombre" : sex.equals("M") ? "Mujer" : sex;
    }

    /** The report as JSON: its rows, totals per category and status, and its delivery. */
    public MonthlyReportSummary summary(String orgUnit, String month) {
        YearMonth m = month(orgUnit, month);
        List<Row> rows = rows(orgUnit, m);
        return new MonthlyReportSummary(orgUnit, m.toString(), rows.size(),
                rows.stream().collect(Collectors.groupingBy(Row::category, LinkedHashMap::new, Collectors.counting())),
                rows.stream().collect(Collectors.groupingBy(Row::status, LinkedHashMap::new, Collectors.counting())),
                rows, delivery(orgUnit, m));
    }

    /** The day the report of {@code month} is due: {@code due-day} of the next month. */
    public LocalDate dueDate(YearMonth month) {
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.min(dueDay, next.lengthOfMonth()));
    }

    private MonthlyDelivery delivery(String orgUnit, YearMonth month) {
        MonthlyReportDelivery d = MonthlyReportDelivery.find("orgUnit = ?1 and month = ?2", orgUnit, month.toString()).firstResult();
        return d == null ? new MonthlyDelivery(dueDate(month), null, null, null)
                : new MonthlyDelivery(dueDate(month), d.deliveredOn, d.onTime, d.actor);
    }

    /** Records that the month's report was delivered to the Governor's office (once), on time or not. */
    @Transactional
    public MonthlyDelivery deliver(MonthlyDeliveryRequest in) {
        if (in == null) {
            throw ProblemException.badRequest("Envíe orgUnit, month (AAAA-MM) y, si no es hoy, deliveredOn.");
        }
        scope.requireUnitInBody(in.orgUnit());
        LocalDate deliveredOn;
        try {
            deliveredOn = in.deliveredOn() == null || in.deliveredOn().isBlank() ? null : LocalDate.parse(in.deliveredOn().trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'deliveredOn' debe ser una fecha AAAA-MM-DD.");
        }
        YearMonth month = month(in.month());
        String orgUnit = in.orgUnit();
        Checks checks = new Checks();
        checks.orgUnit("orgUnit", orgUnit, "la unidad (orgUnit)", true);
        checks.orThrow("La entrega del informe mensual tiene errores");
        LocalDate on = deliveredOn == null ? LocalDate.now() : deliveredOn;
        if (on.isAfter(LocalDate.now())) {
            throw ProblemException.unprocessable("La fecha de entrega está en el futuro.", List.of());
        }
        if (!on.isAfter(month.atEndOfMonth())) {
            throw ProblemException.unprocessable("El informe mensual de " + month + " solo puede entregarse después de que termine el mes.", List.of());
        }
        LocalDate due = dueDate(month);
        boolean onTime = !on.isAfter(due);
        // one statement on purpose: "insert unless already delivered" must hold under concurrent deliveries
        int inserted = em.createNativeQuery("""
                        insert into monthly_report_delivery(org_unit, month, delivered_on, on_time, actor) values (?1, ?2, ?3, ?4, ?5)
                        on conflict do nothing""")
                .setParameter(1, orgUnit).setParameter(2, month.toString()).setParameter(3, on).setParameter(4, onTime)
                .setParameter(5, scope.actor()).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("El informe mensual de " + month + " de la unidad " + orgUnit + " ya se registró como entregado.");
        }
        events.monthlyReportDelivered(orgUnit, month.atDay(1), due, onTime);
        return delivery(orgUnit, month);
    }
}
