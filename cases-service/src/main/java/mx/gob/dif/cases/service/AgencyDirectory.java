package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.api.AgencyRequest;
import mx.gob.dif.cases.api.AgencyServiceRequest;
import mx.gob.dif.cases.api.ImportResult;
import mx.gob.dif.cases.documents.AgencyDirectorySheet;
import mx.gob.dif.cases.documents.SpanishText;
import mx.gob.dif.cases.documents.agency.Contact;
import mx.gob.dif.cases.documents.agency.Organization;
import mx.gob.dif.cases.documents.agency.OrganizationType;
import mx.gob.dif.cases.documents.agency.Service;
import mx.gob.dif.cases.domain.NameKey;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.entity.AgencyService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The directory of agencies (HSDS organizations and services) that cases can be referred to. */
@ApplicationScoped
public class AgencyDirectory {
    private static final Pattern ID = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,59}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public Page<Agency> list(String q, String municipality, Boolean onPlatform, int page, int size) {
        Page.check(page, size);
        Criteria c = new Criteria().eq("onPlatform", onPlatform);
        if (q != null && !q.isBlank()) {
            c.anyLike("%" + q.trim().toLowerCase(Locale.ROOT) + "%", "lower(name)", "lower(id)");
        }
        List<Agency> all = Agency.<Agency>list(c.where("name"), c.params());
        if (municipality != null && !municipality.isBlank()) {
            all = all.stream().filter(a -> a.services.isEmpty() || a.services.stream()
                    .anyMatch(s -> s.serviceArea.isEmpty() || s.serviceArea.contains(municipality))).toList();
        }
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    public Agency get(String id) {
        Agency a = Agency.findById(id);
        if (a == null) {
            throw ProblemException.notFound("No existe la dependencia " + id + " en el directorio.");
        }
        return a;
    }

    /** Creates one agency with its services (409 if its key is taken). */
    @Transactional
    public Agency create(AgencyRequest in) {
        return put(in, true);
    }

    /** Creates or replaces the agency of the path; a key in the body must be the same. */
    @Transactional
    public Agency replace(String id, AgencyRequest in) {
        if (in != null && in.id() != null && !in.id().equals(id)) {
            throw ProblemException.unprocessable("La clave del cuerpo (" + in.id() + ") no coincide con la de la ruta (" + id + ").", List.of());
        }
        return put(in == null ? null : in.withId(id), false);
    }

    private Agency put(AgencyRequest in, boolean mustBeNew) {
        validate(in, null);
        Agency a = Agency.findById(in.id().trim());
        if (a != null && mustBeNew) {
            throw ProblemException.conflict("Ya existe la dependencia " + in.id() + "; para cambiarla use PUT /api/v1/agencies/" + in.id() + ".");
        }
        boolean created = a == null;
        if (created) {
            a = new Agency();
            a.id = in.id().trim();
        }
        copy(in, a);
        if (created) {
            a.persist();
        }
        return a;
    }

    /** Replaces the directory rows named in a spreadsheet; all or nothing. */
    @Transactional
    public ImportResult importAll(List<AgencyRequest> agencies) {
        if (agencies == null || agencies.isEmpty()) {
            throw ProblemException.badRequest("Envíe una lista de dependencias.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            try {
                validate(agencies.get(i), i);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El directorio tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        for (AgencyRequest in : agencies) {
            Agency a = Agency.findById(in.id().trim());
            if (a == null) {
                a = new Agency();
                a.id = in.id().trim();
                copy(in, a);
                a.persist();
            } else {
                copy(in, a);
            }
        }
        return new ImportResult(agencies.size());
    }

    /**
     * Imports the directory as officers keep it (one row per service, HSDS columns in Spanish).
     * An organization already in the directory is matched by name and keeps its key; a new one
     * gets a key made from its name. All or nothing, with row and column of every problem.
     */
    @Transactional
    public ImportResult importSheet(InputStream in, AgencyDirectorySheet.Format format) {
        AgencyDirectorySheet.Result result = new AgencyDirectorySheet().read(in, format);
        if (result instanceof AgencyDirectorySheet.Rejected rejected) {
            List<Problem.FieldError> errors = rejected.errors().stream()
                    .map(e -> Problem.FieldError.atCell(e.row(), e.column(), e.message())).toList();
            throw ProblemException.unprocessable("El archivo del directorio tiene " + errors.size()
                    + " error(es); no se guardó nada. Primer error (fila " + errors.get(0).row() + "): " + errors.get(0).message(), errors);
        }
        Map<String, String> idsByName = new HashMap<>();
        for (Agency a : Agency.<Agency>listAll()) {
            idsByName.put(SpanishText.key(a.name), a.id);
        }
        List<AgencyRequest> inputs = new ArrayList<>();
        for (Organization o : ((AgencyDirectorySheet.Parsed) result).organizations()) {
            String id = idsByName.getOrDefault(SpanishText.key(o.name()), keyFor(o.name()));
            Agency existing = Agency.findById(id);
            Contact contact = o.services().stream().map(Service::contact).filter(c -> !Contact.NONE.equals(c)).findFirst().orElse(Contact.NONE);
            LocalDate verified = o.services().stream().map(Service::lastVerified).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
            inputs.add(new AgencyRequest(id, o.name(), o.type().name(), existing == null ? null : existing.description,
                    contact.phone(), contact.email(), contact.address(), existing != null && existing.onPlatform,
                    verified == null ? null : verified.toString(),
                    o.services().stream().map(sv -> new AgencyServiceRequest(sv.name(), sv.description(), sv.eligibility(), sv.minAge(),
                            sv.maxAge(), sv.cost(), sv.requiredDocuments(), sv.serviceArea())).toList()));
        }
        return importAll(inputs);
    }

    /** The whole directory in the same spreadsheet form it is imported from. */
    public byte[] exportSheet(AgencyDirectorySheet.Format format) {
        List<Organization> orgs = new ArrayList<>();
        for (Agency a : Agency.<Agency>list("order by name")) {
            if (a.services.isEmpty()) {
                continue; // the sheet has one row per service
            }
            Contact contact = new Contact(a.phone, a.email, a.address);
            orgs.add(new Organization(a.name, OrganizationType.valueOf(a.kind), a.services.stream()
                    .map(sv -> new Service(sv.name, sv.description, sv.eligibility, sv.minAge, sv.maxAge, sv.fees,
                            sv.requiredDocuments, sv.serviceArea, contact, a.lastVerified)).toList()));
        }
        return new AgencyDirectorySheet().write(orgs, format);
    }

    /** "Secretaría de Salud de Durango" → "SECRETARIA-DE-SALUD-DE-DURANGO" (at most 60 characters). */
    static String keyFor(String name) {
        String k = NameKey.of(name).replace(' ', '-');
        return k.length() > 60 ? k.substring(0, 60).replaceAll("-$", "") : k;
    }

    private void copy(AgencyRequest in, Agency a) {
        a.name = in.name().trim();
        a.kind = in.kind().trim().toUpperCase(Locale.ROOT);
        a.description = BeneficiaryService.blankToNull(in.description());
        a.phone = BeneficiaryService.blankToNull(in.phone());
        a.email = BeneficiaryService.blankToNull(in.email());
        a.address = BeneficiaryService.blankToNull(in.address());
        a.onPlatform = Boolean.TRUE.equals(in.onPlatform());
        a.lastVerified = in.lastVerified() == null || in.lastVerified().isBlank() ? null : LocalDate.parse(in.lastVerified().trim());
        a.updatedAt = OffsetDateTime.now();
        Map<String, AgencyService> existing = new HashMap<>();
        a.services.forEach(s -> existing.put(s.name, s));
        List<AgencyService> next = new ArrayList<>();
        for (AgencyServiceRequest si : in.services() == null ? List.<AgencyServiceRequest>of() : in.services()) {
            // keep a service's id across updates: referrals point to it
            AgencyService s = existing.getOrDefault(si.name().trim(), new AgencyService());
            if (s.id == null) {
                s.id = UUID.randomUUID();
            }
            s.agency = a;
            s.name = si.name().trim();
            s.description = BeneficiaryService.blankToNull(si.description());
            s.eligibility = BeneficiaryService.blankToNull(si.eligibility());
            s.minAge = si.minAge();
            s.maxAge = si.maxAge();
            s.fees = BeneficiaryService.blankToNull(si.fees());
            s.requiredDocuments = si.requiredDocuments() == null ? new ArrayList<>() : new ArrayList<>(si.requiredDocuments());
            s.serviceArea = si.serviceArea() == null ? new ArrayList<>() : new ArrayList<>(si.serviceArea());
            next.add(s);
        }
        a.services.clear();
        a.services.addAll(next);
    }

    private void validate(AgencyRequest in, Integer index) {
        if (in == null) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe la dependencia en JSON.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.id() == null || !ID.matcher(in.id().trim()).matches()) {
            errors.add(Problem.FieldError.of(index, "id", "La clave de la dependencia (id) es obligatoria: mayúsculas, dígitos y guiones, p. ej. SALUD-DGO."));
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add(Problem.FieldError.of(index, "name", "Falta el nombre de la dependencia."));
        }
        if (in.kind() == null || !Set.of("PUBLIC", "PRIVATE").contains(in.kind().trim().toUpperCase(Locale.ROOT))) {
            errors.add(Problem.FieldError.of(index, "kind", "El tipo debe ser PUBLIC (pública) o PRIVATE (privada)."));
        }
        if (in.email() != null && !in.email().isBlank() && !EMAIL.matcher(in.email().trim()).matches()) {
            errors.add(Problem.FieldError.of(index, "email", "El correo '" + in.email() + "' no es válido."));
        }
        if (in.lastVerified() != null && !in.lastVerified().isBlank()) {
            try {
                LocalDate d = LocalDate.parse(in.lastVerified().trim());
                if (d.isAfter(LocalDate.now())) {
                    errors.add(Problem.FieldError.of(index, "lastVerified", "La fecha de última verificación está en el futuro."));
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(Problem.FieldError.of(index, "lastVerified", "La fecha de última verificación debe ser AAAA-MM-DD."));
            }
        }
        Set<String> names = new HashSet<>();
        List<AgencyServiceRequest> services = in.services() == null ? List.of() : in.services();
        for (int i = 0; i < services.size(); i++) {
            AgencyServiceRequest s = services.get(i);
            String f = "services[" + i + "]";
            if (s.name() == null || s.name().isBlank()) {
                errors.add(Problem.FieldError.of(index, f + ".name", "Falta el nombre del servicio."));
            } else if (!names.add(s.name().trim())) {
                errors.add(Problem.FieldError.of(index, f + ".name", "El servicio '" + s.name() + "' está repetido."));
            }
            if (s.minAge() != null && s.minAge() < 0 || s.maxAge() != null && s.maxAge() < 0) {
                errors.add(Problem.FieldError.of(index, f, "Las edades no pueden ser negativas."));
            }
            if (s.minAge() != null && s.maxAge() != null && s.minAge() > s.maxAge()) {
                errors.add(Problem.FieldError.of(index, f, "La edad mínima (" + s.minAge() + ") es mayor que la máxima (" + s.maxAge() + ")."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("La dependencia tiene errores: " + errors.get(0).message(), errors);
        }
    }
}
