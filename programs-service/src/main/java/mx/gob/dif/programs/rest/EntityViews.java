package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.domain.PlanEdits;
import mx.gob.dif.programs.service.EditResult;

/**
 * How an entity of a plan is shown: as stored in the document, preceded by the read-only context
 * fields ({@link PlanEdits#CONTEXT_FIELDS}); and how a typed body becomes the JSON the document stores.
 */
final class EntityViews {
    private EntityViews() {
    }

    static ObjectNode program(EditResult r, String code) {
        return withContext(r, PlanEdits.program(r.document(), code));
    }

    static ObjectNode action(EditResult r, String code) {
        return withContext(r, PlanEdits.action(r.document(), code));
    }

    static ObjectNode target(EditResult r, String indicatorCode) {
        return withContext(r, PlanEdits.target(r.document(), indicatorCode));
    }

    static ObjectNode withContext(EditResult r, PlanEdits.Loc l) {
        ObjectNode out = EventJson.MAPPER.createObjectNode();
        out.put("planId", r.planId().toString());
        out.put("orgUnit", r.orgUnit());
        out.put("fiscalYear", r.fiscalYear());
        out.put("planStatus", r.status());
        out.put("planRevision", r.revision());
        if (l.action() >= 0) {
            out.put("programCode", PlanEdits.at(r.document(), new PlanEdits.Loc(l.program(), -1, -1)).path("code").asText());
        }
        if (l.target() >= 0) {
            out.put("actionCode", PlanEdits.at(r.document(), new PlanEdits.Loc(l.program(), l.action(), -1)).path("code").asText());
        }
        out.setAll(PlanEdits.at(r.document(), l));
        return out;
    }

    /** A typed body as the JSON entity of the plan document (absent fields stay absent). */
    static JsonNode json(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe un objeto JSON.");
        }
        return EventJson.MAPPER.valueToTree(body);
    }
}
