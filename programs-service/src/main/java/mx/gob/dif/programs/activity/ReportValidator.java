package mx.gob.dif.programs.activity;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks every report of a request against the catalog and the caller's reach and collects every
 * problem with the report's index, so the caller can fix the whole batch in one go (the API's 422
 * with one error per rejected item; Bean Validation would answer one 400 without the index). Plain
 * Java: no framework; the caller is the {@link Identity} the service read from {@code CurrentUser}.
 */
final class ReportValidator {
    static final int MAX_NOTE = 2000;
    /** The widths of the ledger's columns: longer codes cannot exist in the catalog. */
    static final int MAX_CODE = 64;
    static final int MAX_UNIT = 16;
    /** numeric(21,6) is plenty for counts, people and pesos, and keeps a typo like 1e400 out of the log. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_DECIMALS = 6;
    private static final int MAX_SHOWN = 60;
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
                    && quantity.compareTo(o.quantity) == 0 && Objects.equals(note, o.note);
        }
    }

    /** Returns the valid reports in request order; adds one error per problem found to {@code errors}. */
    List<Valid> validate(List<ReportInput> items, List<Problem.FieldError> errors) {
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

    private Valid validate(int i, ReportInput in, Set<UUID> ids, List<Problem.FieldError> errors) {
        ActivityReport r = in.report();
        if (r == null) {
            errors.add(error(i, null, "Cada reporte debe ser un objeto JSON con indicator, orgUnit, date y quantity."));
            return null;
        }
        Map<String, String> wrong = in.wrongType();
        int before = errors.size();
        boolean clientId = r.id() != null || wrong.containsKey("id");
        UUID id = clientId ? id(i, r.id(), wrong.get("id"), ids, errors) : null;
        String orgUnit = orgUnit(i, trimmed(r.orgUnit()), errors);
        String indicator = indicator(i, trimmed(r.indicator()), errors);
        LocalDate date = date(i, r.date(), wrong.get("date"), errors);
        BigDecimal quantity = quantity(i, r.quantity(), wrong.get("quantity"), errors);
        String note = note(i, r.note(), wrong.containsKey("note"), errors);
        CatalogLookup.ResolvedTarget target = orgUnit != null && indicator != null && date != null
                ? target(i, orgUnit, indicator, date.getYear(), errors) : null;

        if (errors.size() != before || target == null || quantity == null) {
            return null;
        }
        return new Valid(i, id == null ? newId.get() : id, clientId, indicator, orgUnit, target.planOrgUnit(), date.getYear(),
                date, quantity, note);
    }

    private static UUID id(int i, String text, String wrongType, Set<UUID> ids, List<Problem.FieldError> errors) {
        if (wrongType != null || !UUID_TEXT.matcher(text).matches()) {
            errors.add(error(i, "id", "El id debe ser un UUID (p. ej. 3f2b8c1e-5d4a-4c7b-9e21-0a1b2c3d4e5f); se recibió "
                    + (wrongType != null ? wrongType : quoted(text)) + ". Omítalo para que el sistema asigne uno."));
            return null;
        }
        UUID id = UUID.fromString(text);
        if (!ids.add(id)) {
            errors.add(error(i, "id", "El id " + id + " aparece más de una vez en la solicitud."));
        }
        return id;
    }

    /** The unit if it exists and the caller may report for it; null (with an error) otherwise. */
    private String orgUnit(int i, String unit, List<Problem.FieldError> errors) {
        if (unit == null) {
            errors.add(error(i, "orgUnit", "Falta la unidad que reporta (orgUnit, clave INEGI, p. ej. 10005)."));
        } else if (unit.length() > MAX_UNIT) {
            errors.add(error(i, "orgUnit", "La clave de la unidad tiene " + unit.length() + " caracteres; el máximo es " + MAX_UNIT + "."));
        } else if (catalog.orgUnit(unit).isEmpty()) {
            errors.add(error(i, "orgUnit", "La unidad '" + unit + "' no existe en el catálogo de unidades."));
        } else if (!reporter.covers(unit)) {
            // read from the codes (OrgUnitScope): string work, no lookup per report
            errors.add(error(i, "orgUnit", outOfReach(unit)));
        } else {
            return unit;
        }
        return null;
    }

    private static String indicator(int i, String indicator, List<Problem.FieldError> errors) {
        if (indicator == null) {
            errors.add(error(i, "indicator", "Falta la clave del indicador (indicator, p. ej. DIF-01-03)."));
            return null;
        }
        if (indicator.length() > MAX_CODE) {
            errors.add(error(i, "indicator", "La clave del indicador tiene " + indicator.length() + " caracteres; el máximo es "
                    + MAX_CODE + "."));
            return null;
        }
        return indicator;
    }

    private String outOfReach(String unit) {
        return reporter.orgUnit() == null
                ? "Su usuario no pertenece a ninguna unidad del DIF; no puede reportar actividades de la unidad " + unit + "."
                : "Su usuario pertenece a la unidad " + reporter.orgUnit() + " y no puede reportar actividades de la unidad "
                + unit + "; solo de su unidad y de las que dependen de ella.";
    }

    private LocalDate date(int i, String text, String wrongType, List<Problem.FieldError> errors) {
        if (text == null && wrongType == null) {
            errors.add(error(i, "date", "Falta la fecha de la actividad (date, AAAA-MM-DD)."));
            return null;
        }
        if (wrongType != null || !ISO_DATE.matcher(text).matches()) {
            errors.add(error(i, "date", "La fecha debe escribirse AAAA-MM-DD (p. ej. 2021-03-14); se recibió "
                    + (wrongType != null ? wrongType : quoted(text)) + "."));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error(i, "date", "La fecha " + text + " no existe en el calendario."));
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(error(i, "date", "La fecha " + date + " está en el futuro (hoy es " + today + "); solo se reporta lo ya realizado."));
            return null;
        }
        return date;
    }

    private static BigDecimal quantity(int i, BigDecimal sent, String wrongType, List<Problem.FieldError> errors) {
        if (wrongType != null) {
            errors.add(error(i, "quantity", "La cantidad debe ser un número sin comillas ni separador de miles (p. ej. 80 o 12.5); se recibió " + wrongType + "."));
            return null;
        }
        if (sent == null) {
            errors.add(error(i, "quantity", "Falta la cantidad (quantity)."));
            return null;
        }
        if (sent.signum() < 0) {
            errors.add(error(i, "quantity", "La cantidad no puede ser negativa (" + sent.toPlainString() + "); "
                    + "para corregir un reporte, retírelo y envíe uno nuevo."));
            return null;
        }
        // canonical scale: 80, 80.0 and 8E+1 are the same quantity
        BigDecimal v = sent.signum() == 0 ? BigDecimal.ZERO : sent.stripTrailingZeros();
        if (v.scale() > MAX_DECIMALS || v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            errors.add(error(i, "quantity", "La cantidad " + shown(sent.toString()) + " excede lo admitido (hasta " + MAX_INTEGER_DIGITS
                    + " dígitos enteros y " + MAX_DECIMALS + " decimales)."));
            return null;
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String note(int i, String note, boolean wrongType, List<Problem.FieldError> errors) {
        if (wrongType) {
            errors.add(error(i, "note", "La nota (note) debe ser texto."));
            return null;
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(error(i, "note", "La nota tiene " + note.length() + " caracteres; el máximo es " + MAX_NOTE + "."));
            return null;
        }
        return note;
    }

    /** The target the report counts for, from the unit's plan of that year or its nearest ancestor's. */
    private CatalogLookup.ResolvedTarget target(int i, String unit, String indicator, int year, List<Problem.FieldError> errors) {
        if (!planned.computeIfAbsent(unit + "|" + year, k -> catalog.hasPlan(unit, year))) {
            errors.add(error(i, "date", "No hay plan de trabajo (programa anual) " + year + " para la unidad " + unit
                    + " ni para sus unidades superiores; importe el plan antes de reportar."));
            return null;
        }
        CatalogLookup.ResolvedTarget target = resolved.computeIfAbsent(unit + "|" + year + "|" + indicator,
                k -> catalog.resolve(unit, year, indicator)).orElse(null);
        if (target == null) {
            errors.add(error(i, "indicator", "El indicador '" + indicator + "' no existe en el programa anual " + year
                    + " de la unidad " + unit + " ni en el de sus unidades superiores."));
            return null;
        }
        if (target.caseMetric() != null) {
            // counted from the cases themselves: a report would be counted by nobody and mislead the sender
            errors.add(error(i, "indicator", "El indicador '" + indicator + "' se calcula con los casos registrados ("
                    + target.caseMetric() + "); no recibe reportes de actividad. Registre los casos en el módulo de casos."));
            return null;
        }
        return target;
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /** Text as the caller sent it, in quotes and cut short: error messages must stay readable. */
    static String quoted(String text) {
        return shown("'" + text + "'");
    }

    /** A value as the caller sent it, cut short. */
    static String shown(String s) {
        return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN - 3) + "…" : s;
    }

    private static Problem.FieldError error(int index, String field, String message) {
        return Problem.FieldError.of(index, field, message);
    }
}
