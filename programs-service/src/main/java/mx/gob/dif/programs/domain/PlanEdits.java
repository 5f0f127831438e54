package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Single-entity changes (program, action, target) applied to a plan document, the same document an
 * import stores. Codes are unique in the whole plan (program codes among programs, action codes
 * among all actions, indicator codes among all targets), so an action or a target is addressed by
 * its code alone. Every method mutates the document in place and says what it did; the caller
 * validates the whole document and stores it through the versioned import path.
 *
 * <p>Bodies are the entity as it appears in the plan JSON. The read-only context fields a GET adds
 * ({@link #CONTEXT_FIELDS}) may be sent back unchanged and are dropped; a different value is an
 * error, because moving an entity is a delete plus a create. On replace (PUT) the children are kept
 * when the body has no children list ({@code actions} of a program, {@code targets} of an action);
 * when it has one, the children are replaced too.
 */
public final class PlanEdits {
    /** Fields a read adds around an entity; not part of the stored document. */
    public static final List<String> CONTEXT_FIELDS = List.of("planId", "orgUnit", "fiscalYear", "planStatus", "planRevision",
            "programCode", "actionCode");

    /** What a change did: a Spanish label for the revision history and the JSON path of the entity (null when deleted). */
    public record Outcome(String label, String scope) {
    }

    /** Position of an entity in the document; -1 for levels that do not apply. */
    public record Loc(int program, int action, int target) {
        public String path() {
            StringBuilder b = new StringBuilder("programs[").append(program).append(']');
            if (action >= 0) {
                b.append(".actions[").append(action).append(']');
            }
            if (target >= 0) {
                b.append(".targets[").append(target).append(']');
            }
            return b.toString();
        }
    }

    private PlanEdits() {
    }

    // ------------------------------------------------------------------ lookups

    public static ArrayNode programs(ObjectNode doc) {
        JsonNode p = doc.get("programs");
        if (p instanceof ArrayNode a) {
            return a;
        }
        return doc.putArray("programs");
    }

    public static Optional<Loc> findProgram(JsonNode doc, String code) {
        JsonNode ps = doc.path("programs");
        for (int p = 0; p < ps.size(); p++) {
            if (code.equals(ps.get(p).path("code").asText(null))) {
                return Optional.of(new Loc(p, -1, -1));
            }
        }
        return Optional.empty();
    }

    public static Optional<Loc> findAction(JsonNode doc, String code) {
        JsonNode ps = doc.path("programs");
        for (int p = 0; p < ps.size(); p++) {
            JsonNode as = ps.get(p).path("actions");
            for (int a = 0; a < as.size(); a++) {
                if (code.equals(as.get(a).path("code").asText(null))) {
                    return Optional.of(new Loc(p, a, -1));
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Loc> findTarget(JsonNode doc, String indicatorCode) {
        JsonNode ps = doc.path("programs");
        for (int p = 0; p < ps.size(); p++) {
            JsonNode as = ps.get(p).path("actions");
            for (int a = 0; a < as.size(); a++) {
                JsonNode ts = as.get(a).path("targets");
                for (int t = 0; t < ts.size(); t++) {
                    if (indicatorCode.equals(ts.get(t).path("indicatorCode").asText(null))) {
                        return Optional.of(new Loc(p, a, t));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public static ObjectNode at(JsonNode doc, Loc l) {
        JsonNode n = doc.path("programs").get(l.program());
        if (l.action() >= 0) {
            n = n.path("actions").get(l.action());
        }
        if (l.target() >= 0) {
            n = n.path("targets").get(l.target());
        }
        return (ObjectNode) n;
    }

    public static Loc program(JsonNode doc, String code) {
        return findProgram(doc, code).orElseThrow(() -> ProblemException.notFound(
                "El plan no tiene el programa '" + code + "'. Consulte la lista en /programs del plan."));
    }

    public static Loc action(JsonNode doc, String code) {
        return findAction(doc, code).orElseThrow(() -> ProblemException.notFound(
                "El plan no tiene la acción '" + code + "'."));
    }

    public static Loc target(JsonNode doc, String indicatorCode) {
        return findTarget(doc, indicatorCode).orElseThrow(() -> ProblemException.notFound(
                "El plan no tiene la meta (indicador) '" + indicatorCode + "'."));
    }

    // ------------------------------------------------------------------ programs

    public static Outcome addProgram(ObjectNode doc, JsonNode body) {
        ObjectNode p = entity(body, "code", null, Map.of());
        String code = p.get("code").asText();
        if (findProgram(doc, code).isPresent()) {
            throw ProblemException.conflict("Ya existe el programa '" + code + "' en este plan; use PUT para modificarlo.");
        }
        if (!p.has("actions")) {
            p.putArray("actions");
        }
        checkChildCodes(doc, null, p);
        programs(doc).add(p);
        return new Outcome("programa " + code + " creado", new Loc(programs(doc).size() - 1, -1, -1).path());
    }

    public static Outcome replaceProgram(ObjectNode doc, String code, JsonNode body) {
        Loc l = program(doc, code);
        ObjectNode old = at(doc, l);
        ObjectNode p = entity(body, "code", code, Map.of());
        if (!p.has("actions")) {
            p.set("actions", old.get("actions") == null ? p.arrayNode() : old.get("actions"));
        }
        checkChildCodes(doc, l, p);
        programs(doc).set(l.program(), p);
        return new Outcome("programa " + code + " modificado", l.path());
    }

    public static Outcome deleteProgram(ObjectNode doc, String code) {
        Loc l = program(doc, code);
        programs(doc).remove(l.program());
        return new Outcome("programa " + code + " eliminado (con sus acciones y metas)", null);
    }

    // ------------------------------------------------------------------ actions

    public static Outcome addAction(ObjectNode doc, String programCode, JsonNode body) {
        Loc pl = program(doc, programCode);
        ObjectNode a = entity(body, "code", null, Map.of("programCode", programCode));
        String code = a.get("code").asText();
        findAction(doc, code).ifPresent(l -> {
            throw ProblemException.conflict("Ya existe la acción '" + code + "' en el programa "
                    + at(doc, new Loc(l.program(), -1, -1)).path("code").asText() + " de este plan; las claves de acción son únicas en el plan.");
        });
        if (!a.has("targets")) {
            a.putArray("targets");
        }
        checkChildCodes(doc, null, a);
        ObjectNode program = at(doc, pl);
        ArrayNode actions = program.get("actions") instanceof ArrayNode x ? x : program.putArray("actions");
        actions.add(a);
        return new Outcome("acción " + code + " creada en " + programCode, new Loc(pl.program(), actions.size() - 1, -1).path());
    }

    public static Outcome replaceAction(ObjectNode doc, String code, JsonNode body) {
        Loc l = action(doc, code);
        String programCode = at(doc, new Loc(l.program(), -1, -1)).path("code").asText();
        ObjectNode old = at(doc, l);
        ObjectNode a = entity(body, "code", code, Map.of("programCode", programCode));
        if (!a.has("targets")) {
            a.set("targets", old.get("targets") == null ? a.arrayNode() : old.get("targets"));
        }
        checkChildCodes(doc, l, a);
        ((ArrayNode) at(doc, new Loc(l.program(), -1, -1)).get("actions")).set(l.action(), a);
        return new Outcome("acción " + code + " modificada", l.path());
    }

    public static Outcome deleteAction(ObjectNode doc, String code) {
        Loc l = action(doc, code);
        ((ArrayNode) at(doc, new Loc(l.program(), -1, -1)).get("actions")).remove(l.action());
        return new Outcome("acción " + code + " eliminada (con sus metas)", null);
    }

    // ------------------------------------------------------------------ targets

    public static Outcome addTarget(ObjectNode doc, String actionCode, JsonNode body) {
        Loc al = action(doc, actionCode);
        String programCode = at(doc, new Loc(al.program(), -1, -1)).path("code").asText();
        ObjectNode t = entity(body, "indicatorCode", null, Map.of("programCode", programCode, "actionCode", actionCode));
        String code = t.get("indicatorCode").asText();
        if (findTarget(doc, code).isPresent()) {
            throw ProblemException.conflict("Ya existe la meta con indicador '" + code + "' en este plan; las claves de indicador son únicas en el plan.");
        }
        ObjectNode action = at(doc, al);
        ArrayNode targets = action.get("targets") instanceof ArrayNode x ? x : action.putArray("targets");
        targets.add(t);
        return new Outcome("meta " + code + " creada en " + actionCode, new Loc(al.program(), al.action(), targets.size() - 1).path());
    }

    public static Outcome replaceTarget(ObjectNode doc, String indicatorCode, JsonNode body) {
        Loc l = target(doc, indicatorCode);
        String programCode = at(doc, new Loc(l.program(), -1, -1)).path("code").asText();
        String actionCode = at(doc, new Loc(l.program(), l.action(), -1)).path("code").asText();
        ObjectNode t = entity(body, "indicatorCode", indicatorCode, Map.of("programCode", programCode, "actionCode", actionCode));
        ((ArrayNode) at(doc, new Loc(l.program(), l.action(), -1)).get("targets")).set(l.target(), t);
        return new Outcome("meta " + indicatorCode + " modificada", l.path());
    }

    public static Outcome deleteTarget(ObjectNode doc, String indicatorCode) {
        Loc l = target(doc, indicatorCode);
        ((ArrayNode) at(doc, new Loc(l.program(), l.action(), -1)).get("targets")).remove(l.target());
        return new Outcome("meta " + indicatorCode + " eliminada", null);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The body as the stored entity: a JSON object, its code present (or, on replace, equal to the
     * path's), the read-only context fields dropped when they match.
     */
    static ObjectNode entity(JsonNode body, String codeField, String pathCode, Map<String, String> context) {
        if (!(body instanceof ObjectNode in)) {
            throw ProblemException.badRequest("El cuerpo debe ser un objeto JSON.");
        }
        ObjectNode e = in.deepCopy();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String f : CONTEXT_FIELDS) {
            JsonNode v = e.remove(f);
            String expected = context.get(f);
            if (v != null && !v.isNull() && expected != null && !expected.equals(v.asText())) {
                errors.add(Problem.FieldError.of(null, f, "'" + f + "' es de solo lectura (vale '" + expected
                        + "'); para mover el elemento elimínelo y créelo en su nuevo lugar."));
            }
        }
        JsonNode code = e.get(codeField);
        String given = code != null && code.isValueNode() && !code.isNull() ? code.asText().trim() : null;
        if (pathCode == null) {
            if (given == null || given.isEmpty()) {
                errors.add(Problem.FieldError.of(null, codeField, "Falta '" + codeField + "': la clave única en el plan."));
            } else if (!given.equals(code.asText())) {
                errors.add(Problem.FieldError.of(null, codeField, "La clave '" + code.asText() + "' tiene espacios al inicio o al final."));
            } else if (given.contains("/") || given.contains("?") || given.contains("#")) {
                errors.add(Problem.FieldError.of(null, codeField, "La clave '" + given + "' no puede llevar '/', '?' ni '#' "
                        + "(se usa en las direcciones de la API); use por ejemplo guiones: DIF-01-03."));
            }
        } else if (given == null) {
            e.put(codeField, pathCode);
        } else if (!pathCode.equals(code.asText())) {
            errors.add(Problem.FieldError.of(null, codeField, "La clave no se puede cambiar (la URL dice '" + pathCode + "' y el cuerpo '"
                    + code.asText() + "'); para renombrar elimine y cree de nuevo."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.get(0).message(), errors);
        }
        if (pathCode != null && !e.fieldNames().next().equals(codeField)) {
            // keep the code first, as in imported plans
            ObjectNode ordered = e.objectNode();
            ordered.set(codeField, e.get(codeField));
            ordered.setAll(e);
            e = ordered;
        }
        return e;
    }

    /** Action and indicator codes brought by a new or replaced subtree must not exist elsewhere in the plan: 409. */
    private static void checkChildCodes(JsonNode doc, Loc replaced, JsonNode subtree) {
        Set<String> actions = new HashSet<>();
        Set<String> indicators = new HashSet<>();
        JsonNode ps = doc.path("programs");
        for (int p = 0; p < ps.size(); p++) {
            if (replaced != null && replaced.action() < 0 && replaced.program() == p) {
                continue;
            }
            JsonNode as = ps.get(p).path("actions");
            for (int a = 0; a < as.size(); a++) {
                if (replaced != null && replaced.program() == p && replaced.action() == a) {
                    continue;
                }
                actions.add(as.get(a).path("code").asText());
                as.get(a).path("targets").forEach(t -> indicators.add(t.path("indicatorCode").asText()));
            }
        }
        Map<String, String> clashes = new LinkedHashMap<>();
        JsonNode newActions = subtree.has("targets") && !subtree.has("actions") ? null : subtree.path("actions");
        if (newActions != null) {
            newActions.forEach(a -> {
                if (actions.contains(a.path("code").asText())) {
                    clashes.put(a.path("code").asText(), "acción");
                }
                a.path("targets").forEach(t -> {
                    if (indicators.contains(t.path("indicatorCode").asText())) {
                        clashes.put(t.path("indicatorCode").asText(), "indicador");
                    }
                });
            });
        } else {
            subtree.path("targets").forEach(t -> {
                if (indicators.contains(t.path("indicatorCode").asText())) {
                    clashes.put(t.path("indicatorCode").asText(), "indicador");
                }
            });
        }
        if (!clashes.isEmpty()) {
            List<String> names = new ArrayList<>();
            clashes.forEach((c, kind) -> names.add(kind + " " + c));
            throw ProblemException.conflict("Estas claves ya existen en otra parte del plan: " + String.join(", ", names)
                    + ". Las claves de acción e indicador son únicas en el plan.");
        }
    }
}
