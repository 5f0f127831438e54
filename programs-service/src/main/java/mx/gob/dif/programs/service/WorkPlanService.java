package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OutcomeGoalChanged;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.programs.domain.CalendarMonth;
import mx.gob.dif.programs.domain.OutcomeGoalDef;
import mx.gob.dif.programs.domain.PlanEdits;
import mx.gob.dif.programs.domain.PlanTargetDef;
import mx.gob.dif.programs.domain.PlanValidation;
import mx.gob.dif.messaging.Outbox;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Importing, reading and approving annual work plans; every change publishes catalog events. */
@ApplicationScoped
public class WorkPlanService {
    private static final Logger LOG = Logger.getLogger(WorkPlanService.class);
    private final AgroalDataSource ds;
    private final OrgUnitService orgUnits;
    private final Outbox outbox;
    private final PlanCache planCache;

    public WorkPlanService(AgroalDataSource ds, OrgUnitService orgUnits, Outbox outbox, PlanCache planCache) {
        this.ds = ds;
        this.orgUnits = orgUnits;
        this.outbox = outbox;
        this.planCache = planCache;
    }

    public record ImportResult(UUID id, String orgUnit, int fiscalYear, boolean created, boolean changed, boolean dryRun,
                               String status, int revision, int programs, int actions, int targets, int outcomeGoals) {
    }

    public record PlanSummary(UUID id, String orgUnit, int fiscalYear, String status, int revision, String unitName,
                              int programs, int actions, int targets, int outcomeGoals, String updatedAt, String updatedBy) {
    }

    /**
     * The caller's right over a plan's org unit: throws (403) when the unit is out of reach. Called
     * once the plan (or, for a new plan, its unit) is known to exist, so an unknown id stays 404 and
     * an unknown unit stays a 422 field error.
     */
    @FunctionalInterface
    public interface UnitGuard {
        void check(String orgUnit);
    }

    @Transactional
    public ImportResult importPlan(ObjectNode plan, boolean dryRun, String user, UnitGuard mayChange) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String orgUnit = plan.path("orgUnit").isValueNode() ? plan.path("orgUnit").asText().trim() : null;
        if (orgUnit == null || orgUnit.isEmpty()) {
            errors.add(Problem.FieldError.of(null, "orgUnit", "Falta 'orgUnit': la clave INEGI de la unidad dueña del plan (p. ej. 10005)."));
        } else if (orgUnits.find(orgUnit).isEmpty()) {
            errors.add(Problem.FieldError.of(null, "orgUnit", "La unidad '" + orgUnit + "' no existe. Consulte /api/v1/org-units."));
        } else {
            mayChange.check(orgUnit);
        }
        JsonNode fy = plan.get("fiscalYear");
        int year = 0;
        if (fy == null || !fy.canConvertToInt() || !fy.isIntegralNumber()) {
            errors.add(Problem.FieldError.of(null, "fiscalYear", "Falta 'fiscalYear' o no es un año entero (p. ej. 2021)."));
        } else if (fy.asInt() < 2000 || fy.asInt() > 2100) {
            errors.add(Problem.FieldError.of(null, "fiscalYear", "El año fiscal " + fy.asInt() + " está fuera de rango (2000–2100)."));
        } else {
            year = fy.asInt();
        }
        PlanValidation.Result result = PlanValidation.validate(plan);
        result.problems().forEach(p -> errors.add(Problem.FieldError.of(null, p.field(), p.message())));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El plan tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        // the same plan whatever the spelling of its numbers (80, 80.0): a spreadsheet round trip is no change
        String sha = sha256(json(canonical(plan)));
        int planYear = year;
        Optional<Stored> existing = query("where org_unit = ? and fiscal_year = ? for update", ps -> {
            ps.setString(1, orgUnit);
            ps.setInt(2, planYear);
        });
        if (dryRun) {
            return new ImportResult(existing.map(Stored::id).orElse(null), orgUnit, year, existing.isEmpty(),
                    existing.map(s -> !sameContent(s, plan, sha)).orElse(true), true,
                    existing.map(Stored::status).orElse("DRAFT"), existing.map(Stored::revision).orElse(0),
                    result.programs(), result.actions(), result.targets().size(), result.outcomeGoals());
        }
        if (existing.isPresent() && sameContent(existing.get(), plan, sha)) {
            Stored s = existing.get();
            return new ImportResult(s.id(), orgUnit, year, false, false, false, s.status(), s.revision(),
                    result.programs(), result.actions(), result.targets().size(), result.outcomeGoals());
        }
        Written w = write(existing, orgUnit, year, plan, sha, result.targets(), user, "Reimportación");
        return new ImportResult(w.id(), orgUnit, year, existing.isEmpty(), true, false, w.status(), w.revision(),
                result.programs(), result.actions(), result.targets().size(), result.outcomeGoals());
    }

    record Written(UUID id, int revision, String status) {
    }

    /**
     * The one versioned write path of a plan, for imports and single-entity edits alike: stores the
     * document, records a revision with the previous content (who, when, what changed) when the plan
     * already existed, re-indexes its targets and writes the catalog events to the outbox.
     */
    private Written write(Optional<Stored> existing, String orgUnit, int year, ObjectNode plan, String sha,
                          List<PlanTargetDef> newTargets, String user, String changeLabel) {
        String content = json(plan);
        UUID id;
        int revision;
        String status;
        Map<String, PlanTargetDef> before = Map.of();
        Set<String> programsBefore = new java.util.LinkedHashSet<>();
        existing.ifPresent(s -> parse(s.content()).path("programs").forEach(p -> programsBefore.add(p.path("code").asText())));
        List<OutcomeGoalDef> goalsBefore = existing.map(s -> PlanValidation.validate(parse(s.content()), true).goals()).orElse(List.of());
        List<OutcomeGoalDef> goalsNow = PlanValidation.validate(plan, true).goals();
        try (Connection c = ds.getConnection()) {
            if (existing.isEmpty()) {
                id = UUID.randomUUID();
                revision = 1;
                status = "DRAFT";
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into work_plan(id, org_unit, fiscal_year, unit_name, content, content_sha, created_by, updated_by)
                        values (?,?,?,?,?,?,?,?)""")) {
                    ps.setObject(1, id);
                    ps.setString(2, orgUnit);
                    ps.setInt(3, year);
                    ps.setString(4, plan.path("unit").asText(null));
                    ps.setString(5, content);
                    ps.setString(6, sha);
                    ps.setString(7, user);
                    ps.setString(8, user);
                    ps.executeUpdate();
                }
            } else {
                Stored s = existing.get();
                id = s.id();
                revision = s.revision() + 1;
                status = s.status();
                before = targets(c, id);
                String summary = describeChange(changeLabel, before, newTargets);
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into work_plan_revision(plan_id, revision, changed_by, summary, previous, status_after)
                        select id, ?, ?, ?, content, status from work_plan where id = ?""")) {
                    ps.setInt(1, revision);
                    ps.setString(2, user);
                    ps.setString(3, summary);
                    ps.setObject(4, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        update work_plan set content = ?, content_sha = ?, unit_name = ?, revision = ?, updated_at = now(), updated_by = ?
                        where id = ?""")) {
                    ps.setString(1, content);
                    ps.setString(2, sha);
                    ps.setString(3, plan.path("unit").asText(null));
                    ps.setInt(4, revision);
                    ps.setString(5, user);
                    ps.setObject(6, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("delete from plan_target where plan_id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into plan_target(plan_id, indicator_code, program_code, program_name, action_code, action_desc,
                      unit, annual_target, method, components, calendar, case_metric) values (?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                for (PlanTargetDef t : newTargets) {
                    ps.setObject(1, id);
                    ps.setString(2, t.indicatorCode());
                    ps.setString(3, t.programCode());
                    ps.setString(4, t.programName());
                    ps.setString(5, t.actionCode());
                    ps.setString(6, t.actionDescription());
                    ps.setString(7, t.unit());
                    ps.setBigDecimal(8, t.annualTarget());
                    ps.setString(9, t.method());
                    ps.setString(10, String.join(",", t.components()));
                    ps.setString(11, String.join(",", t.calendarMonths()));
                    ps.setString(12, t.caseMetric());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        publish(orgUnit, year, plan, newTargets, before, programsBefore);
        publishGoals(orgUnit, year, goalsNow, goalsBefore);
        planCache.invalidate(orgUnit, year);
        LOG.infof("Work plan %s/%d %s (revision %d, %d targets)", orgUnit, year, existing.isEmpty() ? "created" : "updated",
                revision, newTargets.size());
        return new Written(id, revision, status);
    }

    @Transactional
    public PlanSummary approve(UUID id, String user, UnitGuard mayChange) {
        Stored s = findStored(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        mayChange.check(s.orgUnit());
        if ("APPROVED".equals(s.status())) {
            throw ProblemException.conflict("El plan ya está aprobado.");
        }
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into work_plan_revision(plan_id, revision, changed_by, summary, previous, status_after)
                    values (?, ?, ?, 'Plan aprobado (DRAFT → APPROVED)', null, 'APPROVED')""")) {
                ps.setObject(1, id);
                ps.setInt(2, s.revision());
                ps.setString(3, user);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update work_plan set status = 'APPROVED', updated_at = now(), updated_by = ? where id = ?")) {
                ps.setString(1, user);
                ps.setObject(2, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return summary(id);
    }

    /** Plans by org unit and year; {@code visible} narrows the list to the units the caller may read. */
    public Page<PlanSummary> list(String orgUnit, Integer year, VisibleUnits visible, int page, int size) {
        Page.check(page, size);
        List<Object> scope = new ArrayList<>();
        String where = " where (?::text is null or org_unit = ?) and (?::int is null or fiscal_year = ?) and "
                + visible.sql("org_unit", scope);
        try (Connection c = ds.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from work_plan" + where)) {
                bindFilter(ps, orgUnit, year);
                VisibleUnits.bind(ps, 5, scope);
                ResultSet rs = ps.executeQuery();
                rs.next();
                total = rs.getLong(1);
            }
            List<PlanSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from work_plan" + where
                    + " order by fiscal_year desc, org_unit limit ? offset ?")) {
                bindFilter(ps, orgUnit, year);
                int next = VisibleUnits.bind(ps, 5, scope);
                ps.setInt(next, size);
                ps.setInt(next + 1, page * size);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    items.add(summary(rs.getObject(1, UUID.class)));
                }
            }
            return new Page<>(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan exactly as imported, with its id, status and revision. */
    public ObjectNode get(UUID id, UnitGuard mayRead) {
        Stored s = findStored(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        mayRead.check(s.orgUnit());
        ObjectNode doc = parse(s.content());
        ObjectNode out = EventJson.MAPPER.createObjectNode();
        out.put("id", s.id().toString());
        out.put("status", s.status());
        out.put("revision", s.revision());
        out.setAll(doc);
        return out;
    }

    public PlanSummary summary(UUID id) {
        Stored s = findStored(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        ObjectNode doc = parse(s.content());
        PlanValidation.Result r = PlanValidation.validate(doc);
        return new PlanSummary(s.id(), s.orgUnit(), s.fiscalYear(), s.status(), s.revision(), doc.path("unit").asText(null),
                r.programs(), r.actions(), r.targets().size(), r.outcomeGoals(), s.updatedAt(), s.updatedBy());
    }

    /** "Cuadros Resumen": counts and investment by source. */
    public Map<String, Object> summaryTables(UUID id, UnitGuard mayRead) {
        ObjectNode doc = get(id, mayRead);
        PlanSummary s = summary(id);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal municipal = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        List<Map<String, Object>> perProgram = new ArrayList<>();
        for (JsonNode p : doc.path("programs")) {
            JsonNode inv = p.path("investment");
            total = total.add(inv.path("total").decimalValue());
            municipal = municipal.add(inv.path("municipal").decimalValue());
            other = other.add(inv.path("otherSources").decimalValue());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("program", p.path("code").asText());
            row.put("name", p.path("name").asText());
            row.put("actions", p.path("actions").size());
            int targets = 0;
            for (JsonNode a : p.path("actions")) {
                targets += a.path("targets").size();
            }
            row.put("targets", targets);
            row.put("outcomeGoals", p.path("interventionGoals").size());
            row.put("investmentTotal", inv.path("total").decimalValue());
            perProgram.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("planId", id);
        out.put("orgUnit", s.orgUnit());
        out.put("fiscalYear", s.fiscalYear());
        out.put("programs", s.programs());
        out.put("actions", s.actions());
        out.put("outcomeGoals", s.outcomeGoals());
        out.put("indicators", s.targets());
        out.put("investment", Map.of("total", total, "municipal", municipal, "otherSources", other));
        if (doc.has("budget")) {
            out.put("budget", doc.get("budget"));
        }
        out.put("byProgram", perProgram);
        return out;
    }

    public List<Map<String, Object>> revisions(UUID id, UnitGuard mayRead) {
        Stored s = findStored(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        mayRead.check(s.orgUnit());
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select revision, changed_at, changed_by, summary, status_after from work_plan_revision
                     where plan_id = ? order by id""")) {
            ps.setObject(1, id);
            ResultSet rs = ps.executeQuery();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("revision", rs.getInt(1));
                r.put("changedAt", rs.getObject(2, java.time.OffsetDateTime.class).toString());
                r.put("changedBy", rs.getString(3));
                r.put("summary", rs.getString(4));
                r.put("status", rs.getString(5));
                out.add(r);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One program of the plan of (orgUnit, year), complete as imported. */
    public ObjectNode program(String code, String orgUnit, int year) {
        Stored s = findStored(orgUnit, year).orElseThrow(() -> ProblemException.notFound(
                "La unidad " + orgUnit + " no tiene plan de trabajo para " + year + "."));
        for (JsonNode p : parse(s.content()).path("programs")) {
            if (code.equals(p.path("code").asText())) {
                ObjectNode out = EventJson.MAPPER.createObjectNode();
                out.put("planId", s.id().toString());
                out.put("orgUnit", orgUnit);
                out.put("fiscalYear", year);
                out.setAll((ObjectNode) p);
                return out;
            }
        }
        throw ProblemException.notFound("El plan " + year + " de la unidad " + orgUnit + " no tiene el programa '" + code + "'.");
    }

    // ------------------------------------------------------------------ single-entity changes

    /** Result of a single-entity change: the plan after it and whether anything changed. */
    public record EditResult(UUID planId, String orgUnit, int fiscalYear, String status, int revision, boolean changed,
                             ObjectNode document) {
    }

    /** One change of a plan document; returns what it did (see {@link PlanEdits}). */
    @FunctionalInterface
    public interface PlanEdit {
        PlanEdits.Outcome apply(ObjectNode document);
    }

    /** Creates an empty DRAFT plan for (orgUnit, fiscalYear) to be filled program by program. */
    @Transactional
    public PlanSummary createEmpty(JsonNode body, String user, UnitGuard mayChange) {
        if (!(body instanceof ObjectNode in)) {
            throw ProblemException.badRequest("El cuerpo debe ser un objeto JSON con orgUnit y fiscalYear, p. ej. {\"orgUnit\":\"10005\",\"fiscalYear\":2022}.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String orgUnit = in.path("orgUnit").isValueNode() && !in.path("orgUnit").isNull() ? in.path("orgUnit").asText().trim() : null;
        if (orgUnit == null || orgUnit.isEmpty()) {
            errors.add(Problem.FieldError.of(null, "orgUnit", "Falta 'orgUnit': la clave INEGI de la unidad dueña del plan (p. ej. 10005)."));
        } else if (orgUnits.find(orgUnit).isEmpty()) {
            errors.add(Problem.FieldError.of(null, "orgUnit", "La unidad '" + orgUnit + "' no existe. Consulte /api/v1/org-units."));
        } else {
            mayChange.check(orgUnit);
        }
        JsonNode fy = in.get("fiscalYear");
        if (fy == null || !fy.isIntegralNumber() || !fy.canConvertToInt()) {
            errors.add(Problem.FieldError.of(null, "fiscalYear", "Falta 'fiscalYear' o no es un año entero (p. ej. 2022)."));
        } else if (fy.asInt() < 2000 || fy.asInt() > 2100) {
            errors.add(Problem.FieldError.of(null, "fiscalYear", "El año fiscal " + fy.asInt() + " está fuera de rango (2000–2100)."));
        }
        JsonNode unitName = in.get("unit");
        if (unitName != null && !unitName.isNull() && !unitName.isTextual()) {
            errors.add(Problem.FieldError.of(null, "unit", "'unit' debe ser texto: el nombre de la unidad como aparece en el plan."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El plan tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        int year = fy.asInt();
        Optional<Stored> existing = findStored(orgUnit, year);
        if (existing.isPresent()) {
            throw ProblemException.conflict("La unidad " + orgUnit + " ya tiene plan de trabajo para " + year + " (id "
                    + existing.get().id() + "); modifíquelo en /api/v1/work-plans/" + existing.get().id() + ".");
        }
        ObjectNode plan = EventJson.MAPPER.createObjectNode();
        plan.put("orgUnit", orgUnit);
        plan.put("fiscalYear", year);
        if (unitName != null && unitName.isTextual() && !unitName.asText().isBlank()) {
            plan.put("unit", unitName.asText().trim());
        }
        plan.putArray("programs");
        Written w = write(Optional.empty(), orgUnit, year, plan, sha256(json(canonical(plan))), List.of(), user, "Creación");
        return summary(w.id());
    }

    /**
     * Applies one change to the plan's document and stores it through the same path as an import:
     * the whole document is validated (422 with field names relative to the entity changed), an
     * identical result changes nothing, otherwise a revision is recorded and catalog events are
     * written to the outbox. The plan row is locked for the transaction: concurrent edits queue.
     */
    @Transactional
    public EditResult edit(UUID id, String user, UnitGuard mayChange, PlanEdit change) {
        return edit(id, null, user, mayChange, change);
    }

    /**
     * @param expectedRevision when not null (from {@code If-Match}), the change is refused with 412
     *                         if the plan has another revision: someone changed it since it was read
     */
    @Transactional
    public EditResult edit(UUID id, Integer expectedRevision, String user, UnitGuard mayChange, PlanEdit change) {
        Stored s = query("where id = ? for update", ps -> ps.setObject(1, id))
                .orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        mayChange.check(s.orgUnit());
        if (expectedRevision != null && expectedRevision != s.revision()) {
            throw new ProblemException(412, "El plan cambió", "El plan está en la revisión " + s.revision() + " y usted lo leyó en la "
                    + expectedRevision + ": alguien lo modificó mientras tanto. Vuelva a leerlo, revise los cambios y reintente.");
        }
        ObjectNode doc = parse(s.content());
        PlanEdits.Outcome outcome = change.apply(doc);
        PlanValidation.Result result = PlanValidation.validate(doc, true);
        if (!result.ok()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            String scope = outcome.scope() == null ? null : outcome.scope() + ".";
            for (PlanValidation.Problem p : result.problems()) {
                String field = scope != null && p.field().startsWith(scope) ? p.field().substring(scope.length()) : p.field();
                errors.add(Problem.FieldError.of(null, field, p.message()));
            }
            throw ProblemException.unprocessable(errors.size() == 1 ? errors.get(0).message()
                    : "El cambio deja " + errors.size() + " error(es) en el plan; no se guardó nada.", errors);
        }
        String sha = sha256(json(canonical(doc)));
        if (sameContent(s, doc, sha)) {
            return new EditResult(s.id(), s.orgUnit(), s.fiscalYear(), s.status(), s.revision(), false, doc);
        }
        Written w = write(Optional.of(s), s.orgUnit(), s.fiscalYear(), doc, sha, result.targets(), user,
                "Edición (" + outcome.label() + ")");
        return new EditResult(s.id(), s.orgUnit(), s.fiscalYear(), w.status(), w.revision(), true, doc);
    }

    /** The stored document of a plan, for single-entity reads. */
    public EditResult read(UUID id, UnitGuard mayRead) {
        Stored s = findStored(id).orElseThrow(() -> ProblemException.notFound("No existe el plan " + id + "."));
        mayRead.check(s.orgUnit());
        return new EditResult(s.id(), s.orgUnit(), s.fiscalYear(), s.status(), s.revision(), false, parse(s.content()));
    }

    /** The plan of (orgUnit, year), or 404 with a Spanish message. */
    public UUID planId(String orgUnit, int year) {
        return findStored(orgUnit, year).map(Stored::id).orElseThrow(() -> ProblemException.notFound(
                "La unidad " + orgUnit + " no tiene plan de trabajo para " + year + "."));
    }

    /** One target of a search across plans. */
    public record TargetRow(UUID planId, String orgUnit, int fiscalYear, String planStatus, String programCode, String programName,
                            String actionCode, String actionDescription, String indicatorCode, String unit, BigDecimal annualTarget,
                            String method, List<String> components, List<String> calendarMonths, String caseMetric) {
    }

    private static final Map<String, String> TARGET_SORT = Map.of(
            "indicatorCode", "t.indicator_code", "programCode", "t.program_code", "actionCode", "t.action_code",
            "annualTarget", "t.annual_target", "fiscalYear", "w.fiscal_year", "orgUnit", "w.org_unit", "method", "t.method");

    /**
     * Targets of every plan, filtered by org unit, year, program, action and case metric; sorted and
     * paged; {@code visible} narrows the search to the plans of the units the caller may read.
     */
    public Page<TargetRow> searchTargets(String orgUnit, Integer year, String program, String action, String caseMetric,
                                         VisibleUnits visible, String sort, int page, int size) {
        Page.check(page, size);
        StringBuilder order = new StringBuilder(" order by ");
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String key = part.trim();
                boolean desc = key.startsWith("-");
                String column = TARGET_SORT.get(desc ? key.substring(1) : key);
                if (column == null) {
                    throw ProblemException.badRequest("No se puede ordenar por '" + key + "'. Use " + String.join(", ",
                            new java.util.TreeSet<>(TARGET_SORT.keySet())) + " (con '-' delante para orden descendente).");
                }
                order.append(column).append(desc ? " desc, " : ", ");
            }
        }
        order.append("w.fiscal_year desc, w.org_unit, t.program_code, t.indicator_code");
        String where = " " + """
                 from plan_target t join work_plan w on w.id = t.plan_id
                 where (?::text is null or w.org_unit = ?) and (?::int is null or w.fiscal_year = ?)
                   and (?::text is null or t.program_code = ?) and (?::text is null or t.action_code = ?)
                   and (?::text is null or t.case_metric = ?)""";
        List<Object> scope = new ArrayList<>();
        where += " and " + visible.sql("w.org_unit", scope);
        Binder filter = ps -> {
            bindFilter(ps, orgUnit, year);
            ps.setString(5, program);
            ps.setString(6, program);
            ps.setString(7, action);
            ps.setString(8, action);
            ps.setString(9, caseMetric);
            ps.setString(10, caseMetric);
            VisibleUnits.bind(ps, 11, scope);
        };
        try (Connection c = ds.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
                filter.bind(ps);
                ResultSet rs = ps.executeQuery();
                rs.next();
                total = rs.getLong(1);
            }
            List<TargetRow> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select w.id, w.org_unit, w.fiscal_year, w.status, t.program_code, t.program_name, t.action_code, t.action_desc,
                      t.indicator_code, t.unit, t.annual_target, t.method, t.components, t.calendar, t.case_metric"""
                    + where + order + " limit ? offset ?")) {
                filter.bind(ps);
                ps.setInt(11 + scope.size(), size);
                ps.setLong(12 + scope.size(), (long) page * size);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    items.add(new TargetRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBigDecimal(11),
                            rs.getString(12), split(rs.getString(13)), split(rs.getString(14)), rs.getString(15)));
                }
            }
            return new Page<>(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ internals

    /**
     * Catalog events of a stored change. A program is announced deleted only when it left the plan
     * (not when it merely has no targets left, as happens when its last target is deleted).
     */
    private void publish(String orgUnit, int year, ObjectNode plan, List<PlanTargetDef> targets, Map<String, PlanTargetDef> before,
                         Set<String> programsBefore) {
        Map<String, List<String>> indicatorsByProgram = new LinkedHashMap<>();
        targets.forEach(t -> indicatorsByProgram.computeIfAbsent(t.programCode(), k -> new ArrayList<>()).add(t.indicatorCode()));
        Set<String> programsNow = new java.util.HashSet<>();
        plan.path("programs").forEach(p -> programsNow.add(p.path("code").asText()));
        for (JsonNode p : plan.path("programs")) {
            String code = p.path("code").asText();
            List<String> months = new ArrayList<>();
            p.path("calendarMonths").forEach(m -> months.add(m.asText().trim().toUpperCase()));
            outbox.add(Topics.CATALOG_PROGRAMS, orgUnit + "|" + year + "|" + code, EventTypes.PROGRAM_CHANGED, code,
                    new ProgramChanged(orgUnit, year, code, p.path("name").asText(), months,
                            indicatorsByProgram.getOrDefault(code, List.of()), false));
        }
        java.util.stream.Stream.concat(programsBefore.stream(), before.values().stream().map(PlanTargetDef::programCode))
                .distinct().filter(pc -> !programsNow.contains(pc))
                .forEach(pc -> outbox.add(Topics.CATALOG_PROGRAMS, orgUnit + "|" + year + "|" + pc, EventTypes.PROGRAM_CHANGED, pc,
                        new ProgramChanged(orgUnit, year, pc, "", List.of(), List.of(), true)));
        Map<String, PlanTargetDef> now = new LinkedHashMap<>();
        for (PlanTargetDef t : targets) {
            now.put(t.indicatorCode(), t);
            if (!t.equals(before.get(t.indicatorCode()))) {
                TargetChanged e = toEvent(orgUnit, year, t, false);
                outbox.add(Topics.CATALOG_TARGETS, e.key(), EventTypes.TARGET_CHANGED, t.indicatorCode(), e);
            }
        }
        before.values().stream().filter(t -> !now.containsKey(t.indicatorCode())).forEach(t -> {
            TargetChanged e = toEvent(orgUnit, year, t, true);
            outbox.add(Topics.CATALOG_TARGETS, e.key(), EventTypes.TARGET_CHANGED, t.indicatorCode(), e);
        });
    }

    /** An OutcomeGoalChanged for every goal that is new or differs, and a deleted one for every goal that left the plan. */
    private void publishGoals(String orgUnit, int year, List<OutcomeGoalDef> now, List<OutcomeGoalDef> before) {
        Map<String, OutcomeGoalDef> old = new LinkedHashMap<>();
        before.forEach(g -> old.put(g.code(), g));
        Set<String> seen = new java.util.HashSet<>();
        for (OutcomeGoalDef g : now) {
            seen.add(g.code());
            if (!g.equals(old.get(g.code()))) {
                OutcomeGoalChanged e = toEvent(orgUnit, year, g, false);
                outbox.add(Topics.CATALOG_OUTCOME_GOALS, e.key(), EventTypes.OUTCOME_GOAL_CHANGED, g.code(), e);
            }
        }
        old.values().stream().filter(g -> !seen.contains(g.code())).forEach(g -> {
            OutcomeGoalChanged e = toEvent(orgUnit, year, g, true);
            outbox.add(Topics.CATALOG_OUTCOME_GOALS, e.key(), EventTypes.OUTCOME_GOAL_CHANGED, g.code(), e);
        });
    }

    static OutcomeGoalChanged toEvent(String orgUnit, int year, OutcomeGoalDef g, boolean deleted) {
        return new OutcomeGoalChanged(orgUnit, year, g.programCode(), g.code(), g.component(), g.goal(), ref(g.numerator()),
                ref(g.denominator()), g.targetPercent(), deleted);
    }

    private static OutcomeGoalChanged.Ref ref(OutcomeGoalDef.Side s) {
        return s == null ? null : new OutcomeGoalChanged.Ref(s.indicator(), s.caseMetric());
    }

    private static TargetChanged toEvent(String orgUnit, int year, PlanTargetDef t, boolean deleted) {
        List<Integer> months = t.calendarMonths().stream().map(CalendarMonth::number).toList();
        return new TargetChanged(orgUnit, year, t.programCode(), t.programName(), t.actionCode(), t.actionDescription(),
                t.indicatorCode(), t.unit(), t.annualTarget(), t.method(), t.components().isEmpty() ? null : t.components(),
                months.isEmpty() ? List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) : months, deleted, t.caseMetric());
    }

    private static String describeChange(String label, Map<String, PlanTargetDef> before, List<PlanTargetDef> after) {
        int added = 0;
        int changed = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (PlanTargetDef t : after) {
            seen.add(t.indicatorCode());
            PlanTargetDef old = before.get(t.indicatorCode());
            if (old == null) {
                added++;
            } else if (!old.equals(t)) {
                changed++;
            }
        }
        long removed = before.keySet().stream().filter(k -> !seen.contains(k)).count();
        return label + ": " + added + " meta(s) nueva(s), " + changed + " modificada(s), " + removed
                + " eliminada(s); el contenido anterior se conserva en esta revisión.";
    }

    private Map<String, PlanTargetDef> targets(Connection c, UUID planId) throws SQLException {
        Map<String, PlanTargetDef> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select program_code, program_name, action_code, action_desc, indicator_code, unit, annual_target, method,
                  components, calendar, case_metric from plan_target where plan_id = ?""")) {
            ps.setObject(1, planId);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(5), new PlanTargetDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), split(rs.getString(9)),
                        split(rs.getString(10)), rs.getString(11)));
            }
        }
        return out;
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    record Stored(UUID id, String orgUnit, int fiscalYear, String status, int revision, String content, String sha,
                  String updatedAt, String updatedBy) {
    }

    private Optional<Stored> findStored(String orgUnit, int year) {
        return query("where org_unit = ? and fiscal_year = ?", ps -> {
            ps.setString(1, orgUnit);
            ps.setInt(2, year);
        });
    }

    private Optional<Stored> findStored(UUID id) {
        return query("where id = ?", ps -> ps.setObject(1, id));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Stored> query(String where, Binder binder) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, org_unit, fiscal_year, status, revision, content, content_sha, "
                     + "updated_at, updated_by from work_plan " + where)) {
            binder.bind(ps);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toString(), rs.getString(9)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bindFilter(PreparedStatement ps, String orgUnit, Integer year) throws SQLException {
        ps.setString(1, orgUnit);
        ps.setString(2, orgUnit);
        ps.setObject(3, year, java.sql.Types.INTEGER);
        ps.setObject(4, year, java.sql.Types.INTEGER);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) EventJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode canonical(JsonNode n) {
        return canonical(n, true);
    }

    /**
     * The form the content hash is taken of: numbers without trailing zeros, keys sorted and, with
     * {@code dropEmptyLists}, an empty list counted as no list (a spreadsheet or CSV round trip
     * writes some lists always). Plans stored before that rule keep the older hash; see {@link #sameContent}.
     */
    static JsonNode canonical(JsonNode n, boolean dropEmptyLists) {
        if (n.isNumber()) {
            return EventJson.MAPPER.getNodeFactory().numberNode(n.decimalValue().stripTrailingZeros());
        }
        if (n.isObject()) {
            ObjectNode o = EventJson.MAPPER.createObjectNode();
            new java.util.TreeMap<String, JsonNode>(toMap((ObjectNode) n)).forEach((k, v) -> {
                if (!(dropEmptyLists && v.isArray() && v.isEmpty())) {
                    o.set(k, canonical(v, dropEmptyLists));
                }
            });
            return o;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = EventJson.MAPPER.createArrayNode();
            n.forEach(x -> a.add(canonical(x, dropEmptyLists)));
            return a;
        }
        return n;
    }

    /** Whether {@code doc} (hashed {@code sha}) is what is stored, also under the hash rule of plans stored earlier. */
    private static boolean sameContent(Stored s, ObjectNode doc, String sha) {
        return s.sha().equals(sha) || s.sha().equals(sha256(json(canonical(doc, false))));
    }

    private static Map<String, JsonNode> toMap(ObjectNode o) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    public static String json(Object node) {
        try {
            return EventJson.MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
