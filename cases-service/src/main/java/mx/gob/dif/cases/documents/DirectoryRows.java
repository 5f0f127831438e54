package mx.gob.dif.cases.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.Parsed;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.Rejected;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.Result;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.RowError;
import mx.gob.dif.cases.documents.DirectoryFiles.RawTable;
import mx.gob.dif.cases.documents.agency.Contact;
import mx.gob.dif.cases.documents.agency.Organization;
import mx.gob.dif.cases.documents.agency.OrganizationType;
import mx.gob.dif.cases.documents.agency.Service;

/**
 * The rules of the directory's rows: required columns and values, types, ages, INEGI codes, emails
 * and dates, one organization per name with its services; every problem with its row and column.
 */
final class DirectoryRows {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,3}");
    private static final Pattern INEGI_MUNICIPALITY = Pattern.compile("\\d{5}");
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private DirectoryRows() {
    }

    /** A data row as text, before validation. */
    private record RawRow(int number, Map<DirectoryColumn, String> values) {
        String get(DirectoryColumn column) {
            return SpanishText.clean(values.get(column));
        }
    }

    static Result validate(RawTable table, List<RowError> errors) {
        Map<DirectoryColumn, Integer> positions = new EnumMap<>(DirectoryColumn.class);
        for (int i = 0; i < table.header().size(); i++) {
            String text = table.header().get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            Optional<DirectoryColumn> column = DirectoryColumn.byHeader(text);
            if (column.isEmpty()) {
                errors.add(new RowError(1, text.strip(), "Columna desconocida. Las columnas válidas son: "
                        + String.join(", ", AgencyDirectorySheet.HEADERS) + "."));
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                errors.add(new RowError(1, column.get().header, "La columna está repetida."));
            }
        }
        for (DirectoryColumn column : DirectoryColumn.values()) {
            if (column.required && !positions.containsKey(column)) {
                errors.add(new RowError(1, column.header, "Falta la columna obligatoria \"" + column.header + "\"."));
            }
        }
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        if (table.rows().isEmpty()) {
            errors.add(new RowError(2, null, "El archivo no contiene filas de datos."));
            return rejected(errors);
        }
        if (table.rows().size() > AgencyDirectorySheet.MAX_ROWS) {
            errors.add(new RowError(AgencyDirectorySheet.MAX_ROWS + 2, null, "El archivo tiene más de " + AgencyDirectorySheet.MAX_ROWS + " filas de datos."));
            return rejected(errors);
        }

        record Group(String name, OrganizationType type, int firstRow, List<Service> services) {
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Integer> seenServices = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> cells = table.rows().get(i);
            Map<DirectoryColumn, String> values = new EnumMap<>(DirectoryColumn.class);
            positions.forEach((column, position) -> values.put(column, position < cells.size() ? cells.get(position) : ""));
            RawRow row = new RawRow(table.rowNumbers().get(i), values);
            int before = errors.size();
            Service service = service(row, errors);
            String organization = required(row, DirectoryColumn.ORGANIZATION, errors);
            OrganizationType type = type(row, errors);
            if (errors.size() > before || organization == null || type == null || service == null) {
                continue;
            }
            String orgKey = SpanishText.key(organization);
            Group group = groups.computeIfAbsent(orgKey, k -> new Group(organization, type, row.number(), new ArrayList<>()));
            if (group.type() != type) {
                errors.add(new RowError(row.number(), DirectoryColumn.TYPE.header, "La organización \"" + group.name()
                        + "\" tiene tipo " + group.type().label() + " en la fila " + group.firstRow() + "."));
                continue;
            }
            Integer previous = seenServices.putIfAbsent(orgKey + "\u0000" + SpanishText.key(service.name()), row.number());
            if (previous != null) {
                errors.add(new RowError(row.number(), DirectoryColumn.SERVICE.header, "El servicio \"" + service.name()
                        + "\" de la organización \"" + organization + "\" ya aparece en la fila " + previous + "."));
                continue;
            }
            group.services().add(service);
        }
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        return new Parsed(groups.values().stream()
                .map(g -> new Organization(g.name(), g.type(), g.services())).toList());
    }

    private static Rejected rejected(List<RowError> errors) {
        List<String> order = AgencyDirectorySheet.HEADERS;
        return new Rejected(errors.stream().sorted(Comparator.comparingInt(RowError::row)
                .thenComparingInt(e -> e.column() == null ? -1 : order.indexOf(e.column()) < 0 ? 99 : order.indexOf(e.column())))
                .toList());
    }

    private static Service service(RawRow row, List<RowError> errors) {
        String name = required(row, DirectoryColumn.SERVICE, errors);
        Integer minAge = age(row, DirectoryColumn.MIN_AGE, errors);
        Integer maxAge = age(row, DirectoryColumn.MAX_AGE, errors);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            errors.add(new RowError(row.number(), DirectoryColumn.MIN_AGE.header, "La edad mínima (" + minAge
                    + ") es mayor que la edad máxima (" + maxAge + ")."));
        }
        List<String> area = list(row.get(DirectoryColumn.AREA));
        for (String code : area) {
            if (!INEGI_MUNICIPALITY.matcher(code).matches()) {
                errors.add(new RowError(row.number(), DirectoryColumn.AREA.header, "\"" + code
                        + "\" no es una clave INEGI de municipio (5 dígitos, p. ej. 10005)."));
            }
        }
        String email = row.get(DirectoryColumn.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new RowError(row.number(), DirectoryColumn.EMAIL.header, "\"" + email
                    + "\" no es un correo electrónico válido."));
        }
        LocalDate verified = date(row, DirectoryColumn.VERIFIED, errors);
        if (name == null || errors.stream().anyMatch(e -> e.row() == row.number())) {
            return null;
        }
        return new Service(name, row.get(DirectoryColumn.DESCRIPTION), row.get(DirectoryColumn.ELIGIBILITY), minAge, maxAge,
                row.get(DirectoryColumn.COST), list(row.get(DirectoryColumn.DOCUMENTS)), area,
                new Contact(row.get(DirectoryColumn.PHONE), email, row.get(DirectoryColumn.ADDRESS)), verified);
    }

    private static String required(RawRow row, DirectoryColumn column, List<RowError> errors) {
        String value = row.get(column);
        if (value == null) {
            errors.add(new RowError(row.number(), column.header, "El dato es obligatorio."));
        }
        return value;
    }

    private static OrganizationType type(RawRow row, List<RowError> errors) {
        String value = required(row, DirectoryColumn.TYPE, errors);
        if (value == null) {
            return null;
        }
        Optional<OrganizationType> type = OrganizationType.fromLabel(value);
        if (type.isEmpty()) {
            errors.add(new RowError(row.number(), DirectoryColumn.TYPE.header, "\"" + value
                    + "\" no es un tipo válido; use PUBLICA o PRIVADA."));
        }
        return type.orElse(null);
    }

    private static Integer age(RawRow row, DirectoryColumn column, List<RowError> errors) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches() || Integer.parseInt(value) > Service.MAX_AGE) {
            errors.add(new RowError(row.number(), column.header, "\"" + value
                    + "\" no es un número entero válido (años, de 0 a " + Service.MAX_AGE + ")."));
            return null;
        }
        return Integer.parseInt(value);
    }

    private static LocalDate date(RawRow row, DirectoryColumn column, List<RowError> errors) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row.number(), column.header, "\"" + value
                    + "\" no es una fecha válida; use dd/mm/aaaa o aaaa-mm-dd."));
            return null;
        }
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
