package mx.gob.dif.programs.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.common.csv.CsvCells;
import mx.gob.dif.common.rest.ControlCharacters;
import mx.gob.dif.programs.catalog.CatalogLookup.OrgUnitRef;
import mx.gob.dif.programs.persistence.OrgUnit;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import mx.gob.dif.messaging.Outbox;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The org-unit hierarchy (INEGI codes): entity CRUD over {@link OrgUnit} (Panache), every change
 * announced as an OrgUnitChanged through the outbox in the same transaction. Small and read on every
 * report, so it is cached in memory.
 */
@ApplicationScoped
public class OrgUnitService {
    private static final Logger LOG = Logger.getLogger(OrgUnitService.class);
    private static final Pattern CODE = Pattern.compile("^([A-Z]{2}|\\d{2}|\\d{5})$");
    private static final int MAX_NAME = 200;
    private final Outbox outbox;
    private final Map<String, OrgUnitRef> cache = new ConcurrentHashMap<>();

    public OrgUnitService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Seeds Mexico, Durango and its 39 municipalities, and republishes the hierarchy (compacted topic). */
    @Transactional
    void seed(@Observes StartupEvent e) throws IOException {
        try (var in = getClass().getResourceAsStream("/org-units/durango.csv")) {
            List<OrgUnitRef> units = parseCsv(new InputStreamReader(in, StandardCharsets.UTF_8)).units();
            upsert(units);
        }
        reload();
        cache.values().forEach(this::publish);
        LOG.infof("Org units ready: %d", cache.size());
    }

    public Optional<OrgUnitRef> find(String code) {
        return Optional.ofNullable(code == null ? null : cache.get(code));
    }

    /** The unit's chain of ancestors, nearest first (without the unit itself). */
    public List<String> ancestors(String code) {
        List<String> chain = new ArrayList<>();
        OrgUnitRef u = cache.get(code);
        while (u != null && u.parent() != null && chain.size() < 10) {
            chain.add(u.parent());
            u = cache.get(u.parent());
        }
        return chain;
    }

    public List<OrgUnitRef> list(String parent, String level) {
        return cache.values().stream()
                .filter(u -> parent == null || parent.equals(u.parent()))
                .filter(u -> level == null || level.equalsIgnoreCase(u.level()))
                .sorted(java.util.Comparator.comparing(OrgUnitRef::code)).toList();
    }

    @Transactional
    public OrgUnitRef create(OrgUnitRef unit) {
        List<Problem.FieldError> errors = check(unit, null);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("La unidad no es válida.", errors);
        }
        upsert(List.of(unit));
        reload();
        publish(unit);
        return cache.get(unit.code());
    }

    /** Imports units from a CSV (code,name,level,parent) all-or-nothing, with row-precise errors. */
    @Transactional
    public int importCsv(Reader csv) throws IOException {
        Parsed parsed = parseCsv(csv);
        if (!parsed.errors().isEmpty()) {
            throw ProblemException.unprocessable("El archivo de unidades tiene errores; no se guardó nada.", parsed.errors());
        }
        Map<String, OrgUnitRef> known = new LinkedHashMap<>(cache);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < parsed.units().size(); i++) {
            OrgUnitRef u = parsed.units().get(i);
            for (Problem.FieldError fe : check(u, known)) {
                errors.add(Problem.FieldError.atCell(i + 2, fe.field(), fe.message()));
            }
            known.put(u.code(), u);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El archivo de unidades tiene errores; no se guardó nada.", errors);
        }
        upsert(parsed.units());
        reload();
        parsed.units().forEach(this::publish);
        return parsed.units().size();
    }

    private List<Problem.FieldError> check(OrgUnitRef u, Map<String, OrgUnitRef> known) {
        Map<String, OrgUnitRef> units = known == null ? cache : known;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (u.code() == null || !CODE.matcher(u.code()).matches()) {
            errors.add(Problem.FieldError.of(null, "code", "La clave debe ser la clave INEGI: 2 dígitos (estado) o 5 dígitos (municipio)."));
        }
        if (u.name() == null || u.name().isBlank()) {
            errors.add(Problem.FieldError.of(null, "name", "Falta el nombre de la unidad."));
        } else if (u.name().length() > MAX_NAME || ControlCharacters.in(u.name())) {
            errors.add(Problem.FieldError.of(null, "name", "El nombre de la unidad admite hasta " + MAX_NAME
                    + " caracteres, sin caracteres de control."));
        }
        if (u.level() == null || !List.of("NATIONAL", "STATE", "MUNICIPAL").contains(u.level())) {
            errors.add(Problem.FieldError.of(null, "level", "El nivel debe ser NATIONAL, STATE o MUNICIPAL."));
        }
        if (!"NATIONAL".equals(u.level()) && (u.parent() == null || !units.containsKey(u.parent()))) {
            errors.add(Problem.FieldError.of(null, "parent", "La unidad superior '" + u.parent() + "' no existe."));
        }
        return errors;
    }

    private record Parsed(List<OrgUnitRef> units, List<Problem.FieldError> errors) {
    }

    /** The CSV code,name,level,parent (RFC 4180, the platform's one CSV dialect), with row-precise errors. */
    private static Parsed parseCsv(Reader reader) throws IOException {
        List<OrgUnitRef> units = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        try (CSVParser csv = CsvCells.FORMAT.parse(reader)) {
            Iterator<CSVRecord> rows = csv.iterator();
            if (!rows.hasNext() || !String.join(",", rows.next().values()).replace("\uFEFF", "").trim()
                    .equalsIgnoreCase("code,name,level,parent")) {
                errors.add(Problem.FieldError.atCell(1, "encabezado", "La primera fila debe ser: code,name,level,parent"));
                return new Parsed(units, errors);
            }
            while (rows.hasNext()) {
                CSVRecord r = rows.next();
                int row = (int) r.getRecordNumber();
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() != 4) {
                    errors.add(Problem.FieldError.atCell(row, "fila", "Se esperaban 4 columnas (code,name,level,parent) y hay " + r.size() + "."));
                    continue;
                }
                units.add(new OrgUnitRef(r.get(0).trim(), r.get(1).trim(), r.get(2).trim().toUpperCase(),
                        r.get(3).isBlank() ? null : r.get(3).trim()));
            }
        } catch (UncheckedIOException e) {
            errors.add(Problem.FieldError.of(null, "archivo", "El archivo no es un CSV válido: revise las comillas."));
        }
        return new Parsed(units, errors);
    }

    /** Inserts new units and updates known ones, parents first as given (the parent is a foreign key). */
    private void upsert(List<OrgUnitRef> units) {
        OffsetDateTime now = OffsetDateTime.now();
        for (OrgUnitRef u : units) {
            OrgUnit e = OrgUnit.findById(u.code());
            if (e == null) {
                e = new OrgUnit();
                e.code = u.code();
            }
            e.name = u.name();
            e.level = u.level();
            e.parentCode = u.parent();
            e.updatedAt = now;
            e.persist();
        }
        OrgUnit.flush();
    }

    /** The units as committed, by any replica (called once a replica's OrgUnitChanged events arrive). */
    @Transactional
    public void reloadCommitted() {
        reload();
    }

    private void reload() {
        Map<String, OrgUnitRef> fresh = new LinkedHashMap<>();
        for (OrgUnit e : OrgUnit.<OrgUnit>listAll()) {
            fresh.put(e.code, new OrgUnitRef(e.code, e.name, e.level, e.parentCode));
        }
        cache.putAll(fresh);
        cache.keySet().retainAll(fresh.keySet());
    }

    private void publish(OrgUnitRef u) {
        outbox.add(Topics.ORG_UNITS, u.code(), EventTypes.ORG_UNIT_CHANGED, u.code(),
                new OrgUnitChanged(u.code(), u.name(), u.level(), u.parent()));
    }
}
