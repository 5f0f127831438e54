package mx.gob.dif.cases.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mx.gob.dif.cases.documents.agency.Organization;
import mx.gob.dif.cases.documents.agency.Service;

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
 * {@code write} accepts. Stateless and thread-safe. The file forms are {@link DirectoryFiles}, the
 * rules of the rows {@link DirectoryRows}.
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
    public static final List<String> HEADERS = Arrays.stream(DirectoryColumn.values()).map(c -> c.header).toList();

    /** Largest number of data rows accepted in one file. */
    public static final int MAX_ROWS = 10_000;

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
        DirectoryFiles.RawTable table = format == Format.XLSX ? DirectoryFiles.readXlsx(bytes, errors) : DirectoryFiles.readCsv(bytes, errors);
        if (table == null) {
            return new Rejected(errors);
        }
        return DirectoryRows.validate(table, errors);
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
        return format == Format.XLSX ? DirectoryFiles.writeXlsx(rows) : DirectoryFiles.writeCsv(rows);
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
}
