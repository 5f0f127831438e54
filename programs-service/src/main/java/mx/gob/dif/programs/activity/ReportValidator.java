package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.programs.catalog.CatalogLookup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks each report of a request against the catalog; collects every problem with its index. */
final class ReportValidator {
    private final CatalogLookup catalog;
    private final LocalDate today;

    ReportValidator(CatalogLookup catalog, LocalDate today) {
        this.catalog = catalog;
        this.today = today;
    }

    record Valid(UUID id, boolean clientId, String indicator, String orgUnit, String planOrgUnit, int fiscalYear,
                 LocalDate date, BigDecimal quantity, String note) {
    }

    List<Valid> validate(List<JsonNode> items, List<Problem.FieldError> errors) {
        List<Valid> valid = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            int before = errors.size();
            if (!r.isObject()) {
                errors.add(Problem.FieldError.of(i, null, "Cada reporte debe ser un objeto JSON."));
                continue;
            }
            UUID id = null;
            boolean clientId = r.hasNonNull("id");
            if (clientId) {
                try {
                    id = UUID.fromString(r.get("id").asText());
                    if (!ids.add(id)) {
                        errors.add(Problem.FieldError.of(i, "id", "El id " + id + " aparece más de una vez en la solicitud."));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.FieldError.of(i, "id", "El id debe ser un UUID; se recibió '" + r.get("id").asText() + "'."));
                }
            }
            String orgUnit = text(r, "orgUnit");
            if (orgUnit == null) {
                errors.add(Problem.FieldError.of(i, "orgUnit", "Falta la unidad (orgUnit, clave INEGI)."));
            } else if (catalog.orgUnit(orgUnit).isEmpty()) {
                errors.add(Problem.FieldError.of(i, "orgUnit", "La unidad '" + orgUnit + "' no existe."));
                orgUnit = null;
            }
            String indicator = text(r, "indicator");
            if (indicator == null) {
                errors.add(Problem.FieldError.of(i, "indicator", "Falta la clave del indicador (indicator), p. ej. DIF-01-03."));
            }
            LocalDate date = null;
            JsonNode d = r.get("date");
            if (d == null || d.isNull()) {
                errors.add(Problem.FieldError.of(i, "date", "Falta la fecha (date) en formato AAAA-MM-DD."));
            } else {
                try {
                    date = LocalDate.parse(d.asText());
                    if (date.isAfter(today)) {
                        errors.add(Problem.FieldError.of(i, "date", "La fecha " + date + " está en el futuro; solo se reporta lo ya realizado."));
                        date = null;
                    }
                } catch (DateTimeParseException e) {
                    errors.add(Problem.FieldError.of(i, "date", "La fecha '" + d.asText() + "' no es una fecha válida (AAAA-MM-DD)."));
                }
            }
            BigDecimal quantity = null;
            JsonNode q = r.get("quantity");
            if (q == null || q.isNull()) {
                errors.add(Problem.FieldError.of(i, "quantity", "Falta la cantidad (quantity)."));
            } else if (!q.isNumber()) {
                errors.add(Problem.FieldError.of(i, "quantity", "La cantidad debe ser un número; se recibió '" + q.asText() + "'."));
            } else if (q.decimalValue().signum() < 0) {
                errors.add(Problem.FieldError.of(i, "quantity", "La cantidad no puede ser negativa (" + q.decimalValue().toPlainString() + ")."));
            } else {
                quantity = q.decimalValue();
            }
            JsonNode noteNode = r.get("note");
            String note = noteNode == null || noteNode.isNull() ? null : noteNode.asText();
            if (note != null && note.length() > 2000) {
                errors.add(Problem.FieldError.of(i, "note", "La nota excede 2000 caracteres."));
            }
            CatalogLookup.ResolvedTarget target = null;
            if (orgUnit != null && indicator != null && date != null) {
                if (!catalog.hasPlan(orgUnit, date.getYear())) {
                    errors.add(Problem.FieldError.of(i, "date", "No hay plan de trabajo " + date.getYear() + " para la unidad " + orgUnit
                            + " ni para sus unidades superiores."));
                } else {
                    target = catalog.resolve(orgUnit, date.getYear(), indicator).orElse(null);
                    if (target == null) {
                        errors.add(Problem.FieldError.of(i, "indicator", "El indicador '" + indicator + "' no existe en el plan " + date.getYear()
                                + " de la unidad " + orgUnit + " ni de sus unidades superiores."));
                    }
                }
            }
            if (errors.size() == before && target != null) {
                valid.add(new Valid(id == null ? UUID.randomUUID() : id, clientId, indicator, orgUnit, target.planOrgUnit(),
                        date.getYear(), date, quantity, note));
            }
        }
        return valid;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
