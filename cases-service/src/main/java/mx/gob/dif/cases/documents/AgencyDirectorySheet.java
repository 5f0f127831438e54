package mx.gob.dif.cases.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
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
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import mx.gob.dif.cases.documents.agency.Contact;
import mx.gob.dif.cases.documents.agency.Organization;
import mx.gob.dif.cases.documents.agency.OrganizationType;
import mx.gob.dif.cases.documents.agency.Service;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads and writes the agency directory ("Organismos y Dependencias afines a la Asistencia Social")
 * as an Excel workbook (.xlsx, first sheet) or a CSV file, one row per service of an organization,
 * modeled on the Open Referral HSDS standard.
 *
 * <p>Columns (Spanish headers, matched ignoring case, accents, extra blanks and underscores, in any
 * order): {@link #HEADERS}. Organización, Tipo and Servicio are required columns and values; the
 * others may be missing or empty. Lists (documents, INEGI municipality codes) are separated by ';'.
 * Dates are dd/mm/aaaa or aaaa-mm-dd (or a date cell in Excel).
 *
 * <p>Import is all-or-nothing: either every row is valid and {@link Parsed} holds the organizations
 * (in order of first appearance, services in row order) or {@link Rejected} lists every problem found,
 * with the row number as a spreadsheet shows it (header = row 1), the column and a Spanish message.
 * {@link #write} produces the same format, and {@code read(write(x)) == x} for every directory that
 * {@code write} accepts. Stateless and thread-safe.
 */
public final class AgencyDirectorySheet {

    /** File format. */
    public enum Format { XLSX, CSV }

    /** One problem of an import: spreadsheet row number (header = 1), column header (or null) and message. */
    public record RowError(int row, String column, String message) {
    }

    /** Outcome of {@link #read}. */
    public sealed interface Result permits Parsed, Rejected {
    }

    /** Every row was valid. */
    public record Parsed(List<Organization> organizations) implements Result {
        public Parsed {
            organizations = List.copyOf(organizations);
        }
    }

    /** At least one row was invalid; nothing was imported. */
    public record Rejected(List<RowError> errors) implements Result {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    /** The columns, in the order {@link #write} puts them. */
    public static final List<String> HEADERS = Arrays.stream(Column.values()).map(c -> c.header).toList();

    /** Largest number of data rows accepted in one file. */
    public static final int MAX_ROWS = 10_000;

    private static final String SHEET_NAME = "Directorio";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,3}");
    private static final Pattern INEGI_MUNICIPALITY = Pattern.compile("\\d{5}");
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private enum Column {
        ORGANIZATION("Organización", true),
        TYPE("Tipo", true),
        SERVICE("Servicio", true),
        DESCRIPTION("Descripción", false),
        ELIGIBILITY("Elegibilidad", false),
        MIN_AGE("Edad mínima", false),
        MAX_AGE("Edad máxima", false),
        COST("Costo", false),
        DOCUMENTS("Documentos requeridos", false),
        AREA("Área de servicio", false),
        PHONE("Teléfono", false),
        EMAIL("Correo", false, "correo electronico"),
        ADDRESS("Dirección", false),
        VERIFIED("Última verificación", false);

        final String header;
        final boolean required;
        final List<String> keys;

        Column(String header, boolean required, String... aliases) {
            this.header = header;
            this.required = required;
            List<String> all = new ArrayList<>();
            all.add(SpanishText.key(header));
            for (String alias : aliases) {
                all.add(SpanishText.key(alias));
            }
            this.keys = List.copyOf(all);
        }

        static Optional<Column> byHeader(String text) {
            String key = SpanishText.key(text);
            return Arrays.stream(values()).filter(c -> c.keys.contains(key)).findFirst();
        }
    }

    /** A data row as text, before validation. */
    private record RawRow(int number, Map<Column, String> values) {
        String get(Column column) {
            return SpanishText.clean(values.get(column));
        }
    }

    /** Header cells of a file, as text, with the data rows under them. */
    private record RawTable(List<String> header, List<Integer> rowNumbers, List<List<String>> rows) {
    }

    // ------------------------------------------------------------------ reading

    /** Reads a whole directory file. The stream is read to its end but not closed. */
    public Result read(InputStream in, Format format) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RowError> errors = new ArrayList<>();
        RawTable table = format == Format.XLSX ? readXlsx(bytes, errors) : readCsv(bytes, errors);
        if (table == null) {
            return new Rejected(errors);
        }
        return validate(table, errors);
    }

    private static RawTable readCsv(byte[] bytes, List<RowError> errors) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            errors.add(new RowError(1, null, "El archivo CSV no está en UTF-8. Guárdelo como \"CSV UTF-8\"."));
            return null;
        }
        List<Csv.Line> lines;
        try {
            lines = Csv.parse(text);
        } catch (Csv.FormatException e) {
            errors.add(new RowError(e.line(), null, e.getMessage()));
            return null;
        }
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            errors.add(new RowError(1, null, "El archivo está vacío: falta la fila de encabezados."));
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Csv.Line line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                numbers.add(line.number());
                rows.add(line.cells().stream().map(Csv::unguard).toList());
            }
        }
        return new RawTable(lines.getFirst().cells(), numbers, rows);
    }

    private static RawTable readXlsx(byte[] bytes, List<RowError> errors) {
        Workbook opened;
        try {
            opened = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a valid .xlsx (an old .xls, a CSV, a damaged zip) with
            // several runtime exception types
            errors.add(new RowError(1, null, "El archivo no es un libro de Excel (.xlsx) válido."));
            return null;
        }
        try (Workbook workbook = opened) {
            if (workbook.getNumberOfSheets() == 0) {
                errors.add(new RowError(1, null, "El libro de Excel no tiene hojas."));
                return null;
            }
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(0);
            if (headerRow == null || isBlank(headerRow)) {
                errors.add(new RowError(1, null, "El archivo está vacío: falta la fila de encabezados."));
                return null;
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                header.add(cellText(headerRow.getCell(c), false));
            }
            List<Column> columns = header.stream().map(h -> Column.byHeader(h).orElse(null)).toList();
            List<Integer> numbers = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                int width = Math.max(header.size(), row.getLastCellNum());
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.ERROR
                            || cell != null && cell.getCellType() == CellType.FORMULA
                                    && cell.getCachedFormulaResultType() == CellType.ERROR) {
                        String name = c < columns.size() && columns.get(c) != null ? columns.get(c).header : null;
                        errors.add(new RowError(r + 1, name, "La celda contiene un error de fórmula."));
                        cells.add("");
                        continue;
                    }
                    boolean area = c < columns.size() && columns.get(c) == Column.AREA;
                    cells.add(cellText(cell, area));
                }
                numbers.add(r + 1);
                rows.add(cells);
            }
            return new RawTable(header, numbers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(Row row) {
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.BLANK && !cellText(cell, false).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Text of a cell as a person sees it: whole numbers without ".0", date cells as aaaa-mm-dd. */
    private static String cellText(Cell cell, boolean municipalityCodes) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "VERDADERO" : "FALSO";
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double value = cell.getNumericCellValue();
                if (municipalityCodes && value == Math.rint(value) && value > 0 && value < 100_000) {
                    // a code typed as a number loses its leading zero: 1001 is 01001 (Aguascalientes)
                    yield "%05d".formatted((long) value);
                }
                yield BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            default -> "";
        };
    }

    private static Result validate(RawTable table, List<RowError> errors) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < table.header().size(); i++) {
            String text = table.header().get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            Optional<Column> column = Column.byHeader(text);
            if (column.isEmpty()) {
                errors.add(new RowError(1, text.strip(), "Columna desconocida. Las columnas válidas son: "
                        + String.join(", ", HEADERS) + "."));
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                errors.add(new RowError(1, column.get().header, "La columna está repetida."));
            }
        }
        for (Column column : Column.values()) {
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
        if (table.rows().size() > MAX_ROWS) {
            errors.add(new RowError(MAX_ROWS + 2, null, "El archivo tiene más de " + MAX_ROWS + " filas de datos."));
            return rejected(errors);
        }

        record Group(String name, OrganizationType type, int firstRow, List<Service> services) {
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Integer> seenServices = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> cells = table.rows().get(i);
            Map<Column, String> values = new EnumMap<>(Column.class);
            positions.forEach((column, position) -> values.put(column, position < cells.size() ? cells.get(position) : ""));
            RawRow row = new RawRow(table.rowNumbers().get(i), values);
            int before = errors.size();
            Service service = service(row, errors);
            String organization = required(row, Column.ORGANIZATION, errors);
            OrganizationType type = type(row, errors);
            if (errors.size() > before || organization == null || type == null || service == null) {
                continue;
            }
            String orgKey = SpanishText.key(organization);
            Group group = groups.computeIfAbsent(orgKey, k -> new Group(organization, type, row.number(), new ArrayList<>()));
            if (group.type() != type) {
                errors.add(new RowError(row.number(), Column.TYPE.header, "La organización \"" + group.name()
                        + "\" tiene tipo " + group.type().label() + " en la fila " + group.firstRow() + "."));
                continue;
            }
            Integer previous = seenServices.putIfAbsent(orgKey + "\u0000" + SpanishText.key(service.name()), row.number());
            if (previous != null) {
                errors.add(new RowError(row.number(), Column.SERVICE.header, "El servicio \"" + service.name()
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
        List<String> order = HEADERS;
        return new Rejected(errors.stream().sorted(Comparator.comparingInt(RowError::row)
                .thenComparingInt(e -> e.column() == null ? -1 : order.indexOf(e.column()) < 0 ? 99 : order.indexOf(e.column())))
                .toList());
    }

    private static Service service(RawRow row, List<RowError> errors) {
        String name = required(row, Column.SERVICE, errors);
        Integer minAge = age(row, Column.MIN_AGE, errors);
        Integer maxAge = age(row, Column.MAX_AGE, errors);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            errors.add(new RowError(row.number(), Column.MIN_AGE.header, "La edad mínima (" + minAge
                    + ") es mayor que la edad máxima (" + maxAge + ")."));
        }
        List<String> area = list(row.get(Column.AREA));
        for (String code : area) {
            if (!INEGI_MUNICIPALITY.matcher(code).matches()) {
                errors.add(new RowError(row.number(), Column.AREA.header, "\"" + code
                        + "\" no es una clave INEGI de municipio (5 dígitos, p. ej. 10005)."));
            }
        }
        String email = row.get(Column.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new RowError(row.number(), Column.EMAIL.header, "\"" + email
                    + "\" no es un correo electrónico válido."));
        }
        LocalDate verified = date(row, Column.VERIFIED, errors);
        if (name == null || errors.stream().anyMatch(e -> e.row() == row.number())) {
            return null;
        }
        return new Service(name, row.get(Column.DESCRIPTION), row.get(Column.ELIGIBILITY), minAge, maxAge,
                row.get(Column.COST), list(row.get(Column.DOCUMENTS)), area,
                new Contact(row.get(Column.PHONE), email, row.get(Column.ADDRESS)), verified);
    }

    private static String required(RawRow row, Column column, List<RowError> errors) {
        String value = row.get(column);
        if (value == null) {
            errors.add(new RowError(row.number(), column.header, "El dato es obligatorio."));
        }
        return value;
    }

    private static OrganizationType type(RawRow row, List<RowError> errors) {
        String value = required(row, Column.TYPE, errors);
        if (value == null) {
            return null;
        }
        Optional<OrganizationType> type = OrganizationType.fromLabel(value);
        if (type.isEmpty()) {
            errors.add(new RowError(row.number(), Column.TYPE.header, "\"" + value
                    + "\" no es un tipo válido; use PUBLICA o PRIVADA."));
        }
        return type.orElse(null);
    }

    private static Integer age(RawRow row, Column column, List<RowError> errors) {
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

    private static LocalDate date(RawRow row, Column column, List<RowError> errors) {
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

    // ------------------------------------------------------------------ writing

    /**
     * Writes the directory in the given format, one row per service.
     *
     * @throws IllegalArgumentException if the directory cannot be written losslessly: an organization
     *         without services, two organizations or two services of one organization whose names differ
     *         only in case or accents, or a list item that contains ';'
     */
    public byte[] write(List<Organization> organizations, Format format) {
        Objects.requireNonNull(organizations, "organizations");
        Objects.requireNonNull(format, "format");
        checkWritable(organizations);
        List<List<Object>> rows = new ArrayList<>();
        for (Organization organization : organizations) {
            for (Service service : organization.services()) {
                List<Object> row = new ArrayList<>();
                row.add(organization.name());
                row.add(organization.type().label());
                row.add(service.name());
                row.add(service.description());
                row.add(service.eligibility());
                row.add(service.minAge());
                row.add(service.maxAge());
                row.add(service.cost());
                row.add(service.requiredDocuments().isEmpty() ? null : String.join("; ", service.requiredDocuments()));
                row.add(service.serviceArea().isEmpty() ? null : String.join(";", service.serviceArea()));
                row.add(service.contact().phone());
                row.add(service.contact().email());
                row.add(service.contact().address());
                row.add(service.lastVerified());
                rows.add(row);
            }
        }
        return format == Format.XLSX ? writeXlsx(rows) : writeCsv(rows);
    }

    private static void checkWritable(List<Organization> organizations) {
        Map<String, String> names = new HashMap<>();
        for (Organization organization : organizations) {
            Objects.requireNonNull(organization, "organization");
            String previous = names.putIfAbsent(SpanishText.key(organization.name()), organization.name());
            if (previous != null) {
                throw new IllegalArgumentException("organizations '" + previous + "' and '" + organization.name()
                        + "' would be read back as one");
            }
            if (organization.services().isEmpty()) {
                throw new IllegalArgumentException("organization '" + organization.name() + "' has no services");
            }
            Map<String, String> services = new HashMap<>();
            for (Service service : organization.services()) {
                String seen = services.putIfAbsent(SpanishText.key(service.name()), service.name());
                if (seen != null) {
                    throw new IllegalArgumentException("services '" + seen + "' and '" + service.name()
                            + "' of '" + organization.name() + "' would be read back as one");
                }
                for (String document : service.requiredDocuments()) {
                    if (document.contains(";")) {
                        throw new IllegalArgumentException("required document contains ';': " + document);
                    }
                }
            }
        }
    }

    private static byte[] writeCsv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder().append(Csv.BOM);
        Csv.appendRecord(out, HEADERS);
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object value : row) {
                cells.add(value == null ? ""
                        : value instanceof LocalDate date ? SpanishText.shortDate(date)
                        : Csv.guard(value.toString()));
            }
            Csv.appendRecord(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] writeXlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headStyle = workbook.createCellStyle();
            headStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle textStyle = workbook.createCellStyle();
            textStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("@"));
            textStyle.setWrapText(true);

            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(headStyle);
                sheet.setColumnWidth(c, (c == Column.DESCRIPTION.ordinal() || c == Column.ELIGIBILITY.ordinal()
                        || c == Column.DOCUMENTS.ordinal() || c == Column.ADDRESS.ordinal() ? 40 : 18) * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Integer number) {
                        cell.setCellValue(number);
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(value.toString());
                        cell.setCellStyle(textStyle);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
