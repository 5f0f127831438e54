package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.api.EnrollmentRequest;
import mx.gob.dif.cases.domain.CaseStatus;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.CaseEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Enrollments: a case enters a program of its unit's work plan (or of a unit above it). */
@ApplicationScoped
public class EnrollmentService {
    private final EntityManager em;
    private final CaseService cases;
    private final CaseEvents events;
    private final CaseScope scope;

    public EnrollmentService(EntityManager em, CaseService cases, CaseEvents events, CaseScope scope) {
        this.em = em;
        this.cases = cases;
        this.events = events;
        this.scope = scope;
    }

    /** Es competencia de DIF: the case enters a program of its unit's work plan (known from catalog events). */
    @Transactional
    public Enrollment enroll(UUID id, EnrollmentRequest in) {
        SupportCase c = cases.get(id);
        String actor = scope.actor();
        Checks checks = new Checks();
        String program = checks.required("programCode", in == null ? null : in.programCode(), "el programa (programCode)");
        LocalDate on = checks.date("enrolledOn", in == null ? null : in.enrolledOn(), false, true);
        checks.orThrow("La incorporación tiene errores");
        LocalDate date = on == null ? LocalDate.now() : on;
        int year = in.fiscalYear() == null ? date.getYear() : in.fiscalYear();
        String planUnit = planUnitWithProgram(c.orgUnit, year, program);
        if (planUnit == null) {
            throw ProblemException.unprocessable("El programa " + program + " no está en el programa anual de trabajo " + year
                    + " de la unidad " + c.orgUnit + " (ni de sus unidades superiores). Revise la clave del programa.",
                    List.of(Problem.FieldError.of(null, "programCode", "Programa desconocido para " + year + ".")));
        }
        if (Enrollment.count("caseId = ?1 and fiscalYear = ?2 and programCode = ?3", id, year, program) > 0) {
            throw ProblemException.conflict("El caso ya está incorporado al programa " + program + " en " + year + ".");
        }
        if (c.status != CaseStatus.ENROLLED) {
            cases.move(c, CaseStatus.ENROLLED, null, actor);
        }
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.caseId = id;
        e.orgUnit = c.orgUnit;
        e.fiscalYear = year;
        e.programCode = program;
        e.enrolledOn = date;
        e.actor = actor;
        e.persist();
        events.publish(c, Beneficiary.findById(c.beneficiaryId), CaseEvent.Change.ENROLLED, date, CaseEvents.Extra.program(program));
        return e;
    }

    /**
     * The unit itself or its nearest ancestor whose plan of that year has the program. Native SQL on
     * purpose: program_catalog and org_unit are read models the catalog consumer keeps as plain rows.
     */
    private String planUnitWithProgram(String orgUnit, int year, String program) {
        String unit = orgUnit;
        for (int depth = 0; unit != null && depth < 5; depth++) {
            long n = ((Number) em.createNativeQuery("select count(*) from program_catalog where org_unit = ?1 and fiscal_year = ?2 and code = ?3 and not deleted")
                    .setParameter(1, unit).setParameter(2, year).setParameter(3, program).getSingleResult()).longValue();
            if (n > 0) {
                return unit;
            }
            @SuppressWarnings("unchecked")
            List<String> parent = em.createNativeQuery("select parent from org_unit where code = ?1").setParameter(1, unit).getResultList();
            unit = parent.isEmpty() ? (unit.length() == 5 ? unit.substring(0, 2) : null) : parent.get(0);
        }
        return null;
    }
}
