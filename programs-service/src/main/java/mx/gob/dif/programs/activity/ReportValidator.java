package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.programs.catalog.CatalogLookup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks every report of a request against the catalog and the caller's reach and collects every
 * problem with the report's index, so the caller can fix the whole batch in one go. Plain Java: no
 * framework; the caller is the token's {@link Identity}, read by the resource.
 */
final class ReportValidator {
    static final int MAX_NOTE = 2000;
    /** numeric(21,6) is plenty for counts, people and pesos, and keeps a typo like 1e400 out of the log. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_DECIMALS = 6;
    private static final Pattern UUID_TEXT = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final CatalogLookup catalog;
    /** Who sends the reports: a report counts only for a unit the caller {@linkplain Identity#covers covers}. */
    private final Identity reporter;
    private final LocalDate today;
    private final Supplier<UUID> newId;
    /** One catalog answer per (unit, year, indicator) per request: a batch usually repeats a few. */
    private final Map<String, Optional<CatalogLookup.ResolvedTarget>> resolved = new HashMap<>();
    private final Map<String, Boolean> planned = new HashMap<>();

    ReportValidator(CatalogLookup catalog, Identity reporter, LocalDate today, Supplier<UUID> newId) {
        this.catalog = catalog;
        this.reporter = reporter;
        this.today = today;
        this.newId = newId;
    }

    /** A report that passed every check; {@code clientId} says whether the caller chose the id. */
    record Valid(int index, UUID id, boolean clientId, String indicator, String orgUnit, String planOrgUnit, int fiscalYear,
                 LocalDate date, BigDecimal quantity, String note) {

        /** Same report as far as a resend is concerned: everything the caller sent. */
        boolean sameAs(Valid o) {
            return indicator.equals(o.indicator) && orgUnit.equals(o.orgUnit) && date.equals(o.date)
                    && quantity.compareTo(o.quantity) == 0 && java.util.Objects.equals(note, o.note);
        }
    }

    /** Returns the valid reports in request order; adds one error per problem found to {@code errors}. */
    List<Valid> validate(List<JsonNode> items, List<Problem.FieldError> errors) {
        List<Valid> valid = new ArrayList<>(items.size());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Valid v = validate(i, items.get(i), ids, errors);
            if (v != null) {
                valid.add(v);
            }
        }
        return valid;
    }

    private Valid validate(int i, JsonNode r, Set<UUID> ids, List<Problem.FieldError> errors) {
        if (r == null || !r.isObject()) {
            errors.add(error(i, null, "Cada reporte debe ser un objeto JSON con indicator, orgUnit, date y quantity."));
            return null;
        }
        int before = errors.size();

        UUID id = null;
        JsonNode idNode = r.get("id");
        boolean clientId = idNode != null && !idNode.isNull();
        if (clientId) {
            if (!idNode.isTextual() || !UUID_TEXT.matcher(idNode.asText()).matches()) {
                errors.add(error(i, "id", "El id debe ser un UUID (p. ej. 3f2b8c1e-5d4a-4c7b-9e21-0a1b2c3d4e5f); se recibió "
                        + shown(idNode) + ". Omítalo para que el sistema asigne uno."));
            } else {
                id = UUID.fromString(idNode.asText());
                if (!ids.add(id)) {
                    errors.add(error(i, "id", "El id " + id + " aparece más de una vez en la solicitud."));
                }
            }
        }

        String orgUnit = text(r, "orgUnit");
        if (orgUnit == null) {
            errors.add(error(i, "orgUnit", "Falta la unidad que reporta (orgUnit, clave INEGI, p. ej. 10005)."));
        } else if (catalog.orgUnit(orgUnit).isEmpty()) {
            errors.add(error(i, "orgUnit", "La unidad '" + orgUnit + "' no existe en el catálogo de unidades."));
            orgUnit = null;
        } else if (!reporter.covers(orgUnit)) {
            // read from the codes (OrgUnitScope): string work, no lookup per report
            errors.add(error(i, "orgUnit", outOfReach(orgUnit)));
            orgUnit = null;
        }

        String indicator = text(r, "indicator");
        if (indicator == null) {
            errors.add(error(i, "indicator", "Falta la clave del indicador (indicator, p. ej. DIF-01-03)."));
        }

        LocalDate date = date(i, r.get("date"), errors);
        BigDecimal quantity = quantity(i, r.get("quantity"), errors);

        String note = null;
        JsonNode noteNode = r.get("note");
        if (noteNode != null && !noteNode.isNull()) {
            if (!noteNode.isTextual()) {
                errors.add(error(i, "note", "La nota (note) debe ser texto."));
            } else if (noteNode.asText().length() > MAX_NOTE) {
                errors.add(error(i, "note", "La nota tiene " + noteNode.asText().length() + " caracteres; el máximo es " + MAX_NOTE + "."));
            } else {
                note = noteNode.asText();
            }
        }

        CatalogLookup.ResolvedTarget target = null;
        if (orgUnit != null && indicator != null && date != null) {
            int year = date.getYear();
            String unit = orgUnit;
            if (!planned.computeIfAbsent(unit + "|" + year, k -> catalog.hasPlan(unit, year))) {
                errors.add(error(i, "date", "No hay plan de trabajo (programa anual) " + year + " para la unidad " + unit
                        + " ni para sus unidades superiores; importe el plan antes de reportar."));
            } else {
                target = resolved.computeIfAbsent(unit + "|" + year + "|" + indicator, k -> catalog.resolve(unit, year, indicator))
                        .orElse(null);
                if (target == null) {
                    errors.add(error(i, "indicator", "El indicador '" + indicator + "' no existe en el programa anual " + year
                            + " de la unidad " + unit + " ni en el de sus unidades superiores."));
                } else if (target.caseMetric() != null) {
                    // counted from the cases themselves: a report would be counted by nobody and mislead the sender
                    errors.add(error(i, "indicator", "El indicador '" + indicator + "' se calcula con los casos registrados ("
                            + target.caseMetric() + "); no recibe reportes de actividad. Registre los casos en el módulo de casos."));
                    target = null;
                }
            }
        }

        if (errors.size() != before || target == null || quantity == null) {
            return null;
        }
        return new Valid(i, id == null ? newId.get() : id, clientId, indicator, orgUnit, target.planOrgUnit(), date.getYear(),
                date, quantity, note);
    }

    private String outOfReach(String unit) {
        return reporter.orgUnit() == null
                ? "Su usuario no pertenece a ninguna unidad del DIF; no puede reportar actividades de la unidad " + unit + "."
                : "Su usuario pertenece a la unidad " + reporter.orgUnit() + " y no puede reportar actividades de la unidad "
                + unit + "; solo de su unidad y de las que dependen de ella.";
    }

    private LocalDate date(int i, JsonNode d, List<Problem.FieldError> errors) {
        if (d == null || d.isNull()) {
            errors.add(error(i, "date", "Falta la fecha de la actividad (date, AAAA-MM-DD)."));
            return null;
        }
        if (!d.isTextual() || !ISO_DATE.matcher(d.asText()).matches()) {
            errors.add(error(i, "date", "La fecha debe escribirse AAAA-MM-DD (p. ej. 2021-03-14); se recibió " + shown(d) + "."));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(d.asText());
        } catch (DateTimeParseException e) {
            errors.add(error(i, "date", "La fecha " + d.asText() + " no existe en el calendario."));
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(error(i, "date", "La fecha " + date + " está en el futuro (hoy es " + today + "); solo se reporta lo ya realizado."));
            return null;
        }
        return date;
    }

    private static BigDecimal quantity(int i, JsonNode q, List<Problem.FieldError> errors) {
        if (q == null || q.isNull()) {
            errors.add(error(i, "quantity", "Falta la cantidad (quantity)."));
            return null;
        }
        if (!q.isNumber()) {
            errors.add(error(i, "quantity", "La cantidad debe ser un número sin comillas (p. ej. 80); se recibió " + shown(q) + "."));
            return null;
        }
        BigDecimal v = q.decimalValue();
        if (v.signum() < 0) {
            errors.add(error(i, "quantity", "La cantidad no puede ser negativa (" + v.toPlainString() + "); "
                    + "para corregir un reporte, retírelo y envíe uno nuevo."));
            return null;
        }
        // canonical scale: 80, 80.0 and 8E+1 are the same quantity
        v = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        if (v.scale() > MAX_DECIMALS || v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            errors.add(error(i, "quantity", "La cantidad " + q.asText() + " excede lo admitido (hasta " + MAX_INTEGER_DIGITS
                    + " dígitos enteros y " + MAX_DECIMALS + " decimales)."));
            return null;
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** A value as the caller sent it, cut short: error messages must stay readable. */
    private static String shown(JsonNode n) {
        String s = n.isTextual() ? "'" + n.asText() + "'" : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    private static Problem.FieldError error(int index, String field, String message) {
        return Problem.FieldError.of(index, field, message);
    }
}
