package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.domain.Curp;
import mx.gob.dif.cases.domain.NameKey;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.api.BeneficiaryRequest;
import mx.gob.dif.cases.api.DuplicatePair;
import mx.gob.dif.cases.api.MergeRequest;
import mx.gob.dif.cases.entity.BeneficiaryHistory;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Beneficiaries: validated CURP, duplicates found by CURP and by name + birth date, merges with history. */
@ApplicationScoped
public class BeneficiaryService {
    /** The sensitive categories a beneficiary record may carry; they are tagged as such in every answer. */
    public static final Set<String> SENSITIVE = Set.of("health", "pregnancy", "substanceUse", "delinquency", "violence");

    private final EntityManager em;
    private final CaseScope scope;

    public BeneficiaryService(EntityManager em, CaseScope scope) {
        this.em = em;
        this.scope = scope;
    }

    /**
     * The beneficiary a request body points to (a guardian, the person of a case), or null when the
     * id is missing, malformed or unknown: the body's own validation reports those.
     */
    static Beneficiary referenced(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Beneficiary.findById(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A guardian named in the body must be within reach too: the referral letter carries the guardian's name. */
    private void requireGuardianInReach(BeneficiaryRequest in) {
        Beneficiary guardian = in == null ? null : referenced(in.guardianId());
        if (guardian != null) {
            scope.requireUnit(guardian.orgUnit);
        }
    }

    /** Registers a person in the caller's unit (or one below it). */
    @Transactional
    public Beneficiary create(BeneficiaryRequest in) {
        if (in != null) {
            scope.requireUnitInBody(in.orgUnit());
        }
        requireGuardianInReach(in);
        String actor = scope.actor();
        Beneficiary b = new Beneficiary();
        b.id = UUID.randomUUID();
        apply(b, in, true);
        Beneficiary sameCurp = b.curp == null ? null : findActiveByCurp(b.curp);
        if (sameCurp != null) {
            throw new ProblemException(409, "Beneficiario duplicado", "Ya existe un beneficiario con esa CURP (id "
                    + sameCurp.id + "). Use el registro existente.");
        }
        if (!Boolean.TRUE.equals(in.confirmNotDuplicate())) {
            List<Beneficiary> same = sameNameAndBirth(b.nameKey, b.birthDate, null);
            if (!same.isEmpty()) {
                throw new ProblemException(409, "Posible beneficiario duplicado", "Ya existe(n) " + same.size()
                        + " beneficiario(s) con el mismo nombre y fecha de nacimiento (id " + same.get(0).id
                        + "). Si es otra persona, envíe de nuevo con \"confirmNotDuplicate\": true.");
            }
        }
        b.createdAt = OffsetDateTime.now();
        b.updatedAt = b.createdAt;
        b.createdBy = actor;
        b.persist();
        history(b.id, actor, "CREATED", null);
        return b;
    }

    @Transactional
    public Beneficiary update(UUID id, BeneficiaryRequest in) {
        Beneficiary b = get(id);
        requireGuardianInReach(in);
        requireActive(b);
        String actor = scope.actor();
        String oldCurp = b.curp;
        apply(b, in, false);
        if (b.curp != null && !b.curp.equals(oldCurp)) {
            Beneficiary other = findActiveByCurp(b.curp);
            if (other != null && !other.id.equals(b.id)) {
                throw new ProblemException(409, "Beneficiario duplicado", "Otro beneficiario ya tiene esa CURP (id " + other.id + ").");
            }
        }
        b.updatedAt = OffsetDateTime.now();
        history(b.id, actor, "UPDATED", null);
        return b;
    }

    /** The beneficiary, if it exists (404) and is registered in the caller's unit or one below it (403). */
    public Beneficiary get(UUID id) {
        Beneficiary b = Beneficiary.findById(id);
        if (b == null) {
            throw ProblemException.notFound("No existe el beneficiario " + id + ".");
        }
        scope.requireUnit(b.orgUnit);
        return b;
    }

    /** 409 for a beneficiary merged into another one. */
    private static void requireActive(Beneficiary b) {
        if (b.mergedInto != null) {
            throw ProblemException.conflict("El beneficiario " + b.id + " fue fusionado con " + b.mergedInto + "; use ese registro.");
        }
    }

    public Page<Beneficiary> search(String orgUnit, String q, String curp, int page, int size) {
        Reach reach = scope.reach();
        orgUnit = scope.filter(orgUnit);
        Page.check(page, size);
        Criteria c = new Criteria().and("mergedInto is null").within("orgUnit", reach.unit()).eq("orgUnit", orgUnit).eq("curp", Curp.normalize(curp))
                .compare("nameKey", "like", q == null || q.isBlank() ? null : "%" + NameKey.of(q) + "%");
        return Criteria.page(Beneficiary.find(c.where("lastName, firstName, id"), c.params()), page, size);
    }

    /**
     * Pairs of active beneficiaries of a unit that look like the same person (same name and birth
     * date). Native SQL on purpose: a self-join over the whole unit is one set-based query.
     */
    @SuppressWarnings("unchecked")
    public List<DuplicatePair> duplicates(String orgUnit) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.badRequest("Indique la unidad (orgUnit) en la que buscar duplicados.");
        }
        orgUnit = scope.filter(orgUnit);
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, b.id from beneficiary a join beneficiary b
                          on a.name_key = b.name_key and a.birth_date = b.birth_date and a.id < b.id
                        where a.merged_into is null and b.merged_into is null and a.org_unit = ?1 and b.org_unit = ?1
                        order by a.name_key""")
                .setParameter(1, orgUnit).getResultList();
        return rows.stream().map(r -> new DuplicatePair((UUID) r[0], (UUID) r[1], DuplicatePair.SAME_NAME_AND_BIRTH_DATE)).toList();
    }

    /**
     * Merges {@code duplicateId} into {@code survivorId}: its cases and consents move to the
     * survivor, empty fields of the survivor are filled from it, and it stays (marked merged) so
     * history can always be followed.
     */
    @Transactional
    public Beneficiary merge(UUID survivorId, MergeRequest in) {
        if (in == null || in.duplicateId() == null) {
            throw ProblemException.badRequest("Indique en 'duplicateId' el registro duplicado que se fusionará en este.");
        }
        UUID duplicateId;
        try {
            duplicateId = UUID.fromString(in.duplicateId().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'duplicateId' no es un id válido (UUID).");
        }
        // both must be within reach, checked before anything else is said about them
        Beneficiary survivor = get(survivorId);
        Beneficiary dup = get(duplicateId);
        String reason = in.reason();
        String actor = scope.actor();
        if (reason == null || reason.isBlank()) {
            throw ProblemException.unprocessable("Indique el motivo de la fusión.", List.of(Problem.FieldError.of(null, "reason", "Falta el motivo.")));
        }
        if (survivorId.equals(duplicateId)) {
            throw ProblemException.unprocessable("No se puede fusionar un beneficiario consigo mismo.", List.of());
        }
        requireActive(survivor);
        requireActive(dup);
        if (survivor.curp != null && dup.curp != null && !survivor.curp.equals(dup.curp)) {
            throw ProblemException.conflict("Los dos registros tienen CURP distintas: no son la misma persona.");
        }
        if (survivor.curp == null && dup.curp != null) {
            String curp = dup.curp;
            dup.curp = null; // the unique index allows one active holder of a CURP
            em.flush();
            survivor.curp = curp;
        }
        survivor.secondLastName = survivor.secondLastName == null ? dup.secondLastName : survivor.secondLastName;
        survivor.locality = survivor.locality == null ? dup.locality : survivor.locality;
        survivor.municipality = survivor.municipality == null ? dup.municipality : survivor.municipality;
        survivor.address = survivor.address == null ? dup.address : survivor.address;
        survivor.phone = survivor.phone == null ? dup.phone : survivor.phone;
        survivor.guardianId = survivor.guardianId == null ? dup.guardianId : survivor.guardianId;
        dup.sensitive.forEach(survivor.sensitive::putIfAbsent);
        dup.mergedInto = survivor.id;
        survivor.updatedAt = OffsetDateTime.now();
        // set-based on purpose: every case and ward of the duplicate moves in one statement each
        em.createNativeQuery("update support_case set beneficiary_id = ?1 where beneficiary_id = ?2")
                .setParameter(1, survivor.id).setParameter(2, dup.id).executeUpdate();
        em.createNativeQuery("update beneficiary set guardian_id = ?1 where guardian_id = ?2")
                .setParameter(1, survivor.id).setParameter(2, dup.id).executeUpdate();
        history(survivor.id, actor, "MERGED", "Absorbió el registro " + dup.id + ". Motivo: " + reason.trim());
        history(dup.id, actor, "MERGED_INTO", "Fusionado en " + survivor.id + ". Motivo: " + reason.trim());
        return survivor;
    }

    public List<BeneficiaryHistory> history(UUID id) {
        get(id);
        return BeneficiaryHistory.list("beneficiaryId = ?1 order by id", id);
    }

    private static void history(UUID id, String actor, String action, String detail) {
        BeneficiaryHistory h = new BeneficiaryHistory();
        h.beneficiaryId = id;
        h.at = OffsetDateTime.now();
        h.actor = actor;
        h.action = action;
        h.detail = detail;
        h.persist();
    }

    private Beneficiary findActiveByCurp(String curp) {
        return Beneficiary.<Beneficiary>find("curp = ?1 and mergedInto is null", curp).firstResult();
    }

    private List<Beneficiary> sameNameAndBirth(String nameKey, LocalDate birth, UUID except) {
        if (birth == null) {
            return List.of();
        }
        return Beneficiary.<Beneficiary>find("nameKey = ?1 and birthDate = ?2 and mergedInto is null", nameKey, birth).list()
                .stream().filter(x -> !x.id.equals(except)).toList();
    }

    /** Validates the whole input (every problem at once) and copies it onto the entity. */
    private void apply(Beneficiary b, BeneficiaryRequest in, boolean creating) {
        if (in == null) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe los datos del beneficiario en JSON.");
        }
        Checks checks = new Checks();
        String orgUnit = creating ? checks.orgUnit("orgUnit", in.orgUnit(), "la unidad (orgUnit, clave INEGI)", true) : b.orgUnit;
        String municipality = checks.orgUnit("municipality", in.municipality(), "el municipio", false);
        String first = checks.required("firstName", in.firstName(), "el nombre (firstName)");
        String last = checks.required("lastName", in.lastName(), "el primer apellido (lastName)");
        LocalDate birth = checks.date("birthDate", in.birthDate(), false, true);
        String sex = null;
        if (in.sex() != null && !in.sex().isBlank()) {
            sex = in.sex().trim().toUpperCase(Locale.ROOT);
            if (!sex.equals("H") && !sex.equals("M")) {
                checks.fail("sex", "El sexo debe ser H (hombre) o M (mujer), como en la CURP.");
                sex = null;
            }
        }
        String curp = null;
        if (in.curp() != null && !in.curp().isBlank()) {
            List<String> problems = Curp.problems(in.curp());
            problems.forEach(p -> checks.fail("curp", p));
            if (problems.isEmpty()) {
                Curp c = Curp.parse(in.curp()).orElseThrow();
                curp = c.value();
                if (birth != null && !birth.equals(c.birthDate())) {
                    checks.fail("birthDate", "La fecha de nacimiento " + birth + " no coincide con la de la CURP (" + c.birthDate() + ").");
                }
                if (sex != null && sex.charAt(0) != c.sex()) {
                    checks.fail("sex", "El sexo " + sex + " no coincide con el de la CURP (" + c.sex() + ").");
                }
                birth = birth == null ? c.birthDate() : birth;
                sex = sex == null ? String.valueOf(c.sex()) : sex;
            }
        }
        UUID guardian = null;
        if (in.guardianId() != null && !in.guardianId().isBlank()) {
            try {
                guardian = UUID.fromString(in.guardianId().trim());
                Beneficiary g = Beneficiary.findById(guardian);
                if (g == null || g.mergedInto != null) {
                    checks.fail("guardianId", "No existe el tutor " + guardian + ".");
                } else if (guardian.equals(b.id)) {
                    checks.fail("guardianId", "Una persona no puede ser su propio tutor.");
                }
            } catch (IllegalArgumentException e) {
                checks.fail("guardianId", "El id del tutor no es un UUID válido.");
            }
        }
        if (in.sensitive() != null) {
            for (String k : in.sensitive().keySet()) {
                if (!SENSITIVE.contains(k)) {
                    checks.fail("sensitive." + k, "Categoría sensible desconocida '" + k + "'. Use: " + String.join(", ", SENSITIVE.stream().sorted().toList()) + ".");
                }
            }
        }
        if (birth != null && guardian == null && birth.plusYears(18).isAfter(LocalDate.now()) && creating && in.guardianId() == null) {
            // minors are registered with their guardian; allowed without one only when explicitly unknown
            checks.fail("guardianId", "Es menor de edad: registre primero a su madre, padre o tutor e indique su id en guardianId.");
        }
        checks.orThrow("Los datos del beneficiario tienen errores");
        b.orgUnit = orgUnit;
        b.curp = curp;
        b.firstName = first;
        b.lastName = last;
        b.secondLastName = blankToNull(in.secondLastName());
        b.nameKey = NameKey.of(first, last, in.secondLastName());
        b.birthDate = birth;
        b.sex = sex;
        b.locality = blankToNull(in.locality());
        b.municipality = municipality;
        b.address = blankToNull(in.address());
        b.phone = blankToNull(in.phone());
        b.guardianId = guardian;
        b.household = blankToNull(in.household());
        b.sensitive = in.sensitive() == null ? new HashMap<>() : new HashMap<>(in.sensitive());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
