package mx.gob.dif.cases.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.Format;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.Parsed;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.Rejected;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.RowError;
import mx.gob.dif.cases.documents.agency.Contact;
import mx.gob.dif.cases.documents.agency.Organization;
import mx.gob.dif.cases.documents.agency.OrganizationType;
import mx.gob.dif.cases.documents.agency.Service;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AgencyDirectorySheetTest {

    private static final String HEADER = String.join(",", AgencyDirectorySheet.HEADERS);

    private final AgencyDirectorySheet sheet = new AgencyDirectorySheet();

    static List<Organization> directory() {
        Service orthopedics = new Service("Consulta de ortopedia pediátrica",
                "Valoración y seguimiento ortopédico.\nIncluye radiografías, \"si se requieren\".",
                "Niñas, niños y adolescentes sin seguridad social", 0, 17, "Cuota de recuperación; exención con estudio socioeconómico",
                List.of("Acta de nacimiento", "CURP", "Comprobante de domicilio, reciente"), List.of("10005", "10007"),
                new Contact("+52 618 123 4567", "trabajo.social@hospital.example.mx", "Av. Ficticia 123, Zona Centro, Durango, Dgo."),
                LocalDate.of(2021, 2, 26));
        Service emergencies = new Service("Urgencias", null, null, null, null, "Gratuito", List.of(), List.of(),
                Contact.NONE, null);
        Service shelter = new Service("Albergue temporal", "=Estancia de hasta 30 días", "'Mujeres' y sus hijas e hijos",
                18, null, "-", List.of("Identificación oficial"), List.of("01001"),
                new Contact(null, "albergue@ejemplo.org", null), LocalDate.of(2020, 12, 31));
        return List.of(
                new Organization("Hospital General de Durango", OrganizationType.PUBLIC, List.of(orthopedics, emergencies)),
                new Organization("Casa de Asistencia Ficticia, A.C.", OrganizationType.PRIVATE, List.of(shelter)));
    }

    private Object read(String csv) {
        return sheet.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Format.CSV);
    }

    private List<RowError> errorsOf(String csv) {
        return assertInstanceOf(Rejected.class, read(csv)).errors();
    }

    /** A CSV file: the header, then these rows, each ended by a line break. */
    private static String table(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    private static String row(String... cells) {
        String[] all = new String[AgencyDirectorySheet.HEADERS.size()];
        java.util.Arrays.fill(all, "");
        System.arraycopy(cells, 0, all, 0, cells.length);
        return String.join(",", all);
    }

    // ------------------------------------------------------------------ round trip

    @ParameterizedTest
    @EnumSource(Format.class)
    void roundTripIsLossless(Format format) {
        List<Organization> directory = directory();

        byte[] file = sheet.write(directory, format);
        Parsed parsed = assertInstanceOf(Parsed.class, sheet.read(new ByteArrayInputStream(file), format));

        assertEquals(directory, parsed.organizations());
        // and exporting what was imported gives the same file again
        if (format == Format.CSV) {
            assertArrayEquals(file, sheet.write(parsed.organizations(), Format.CSV));
        } else {
            Parsed again = assertInstanceOf(Parsed.class,
                    sheet.read(new ByteArrayInputStream(sheet.write(parsed.organizations(), format)), format));
            assertEquals(directory, again.organizations());
        }
    }

    @Test
    void csvExportHasBomSpanishHeaderQuotingAndFormulaGuard() {
        String csv = new String(sheet.write(directory(), Format.CSV), StandardCharsets.UTF_8);

        assertTrue(csv.startsWith("\uFEFF" + HEADER + "\r\n"), csv);
        assertEquals("Organización,Tipo,Servicio,Descripción,Elegibilidad,Edad mínima,Edad máxima,Costo,"
                + "Documentos requeridos,Área de servicio,Teléfono,Correo,Dirección,Última verificación", HEADER);
        assertTrue(csv.contains("\r\nHospital General de Durango,PUBLICA,Urgencias,,,,,Gratuito,,,,,,\r\n"), csv);
        assertTrue(csv.contains(",\"Valoración y seguimiento ortopédico.\nIncluye radiografías, \"\"si se requieren\"\".\","), csv);
        assertTrue(csv.contains(",0,17,"), csv);
        // a ';' needs no quotes in a comma-separated file (RFC 4180, as Commons CSV writes it)
        assertTrue(csv.contains(",\"Acta de nacimiento; CURP; Comprobante de domicilio, reciente\",10005;10007,'+52 618 123 4567,"), csv);
        assertTrue(csv.contains(",26/02/2021\r\n"), csv);
        assertTrue(csv.contains("\"Casa de Asistencia Ficticia, A.C.\",PRIVADA,Albergue temporal,'=Estancia de hasta 30 días,"
                + "''Mujeres' y sus hijas e hijos,18,,'-,"), csv);
    }

    @Test
    void xlsxExportUsesNumberAndDateCells() throws IOException {
        byte[] file = sheet.write(directory(), Format.XLSX);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet first = workbook.getSheetAt(0);
            assertEquals("Directorio", first.getSheetName());
            assertEquals("Organización", first.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Última verificación", first.getRow(0).getCell(13).getStringCellValue());
            assertEquals(17.0, first.getRow(1).getCell(6).getNumericCellValue());
            assertEquals(LocalDate.of(2021, 2, 26), first.getRow(1).getCell(13).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("+52 618 123 4567", first.getRow(1).getCell(10).getStringCellValue());
            assertEquals(4, first.getLastRowNum() + 1);
        }
    }

    // ------------------------------------------------------------------ lenient input

    @Test
    void headersMatchIgnoringCaseAccentsAndOrderAndSemicolonCsvIsAccepted() {
        String csv = "ORGANIZACION; servicio ;Tipo;edad_minima;EDAD MAXIMA;area de servicio;correo electrónico;ultima verificacion\n"
                + "Cruz Roja Ficticia;Traslado en ambulancia;Pública;;12;10005;contacto@cruz.example;2021-03-01\n"
                + "\n"
                + "cruz roja ficticia;Curso de primeros auxilios;publica;15;99;;;1/3/2021\n";

        Parsed parsed = assertInstanceOf(Parsed.class, read(csv));

        assertEquals(1, parsed.organizations().size());
        Organization organization = parsed.organizations().getFirst();
        assertEquals("Cruz Roja Ficticia", organization.name());
        assertEquals(OrganizationType.PUBLIC, organization.type());
        assertEquals(List.of("Traslado en ambulancia", "Curso de primeros auxilios"),
                organization.services().stream().map(Service::name).toList());
        Service first = organization.services().get(0);
        assertEquals(null, first.minAge());
        assertEquals(12, first.maxAge());
        assertEquals(List.of("10005"), first.serviceArea());
        assertEquals("contacto@cruz.example", first.contact().email());
        assertEquals(LocalDate.of(2021, 3, 1), first.lastVerified());
        assertEquals(LocalDate.of(2021, 3, 1), organization.services().get(1).lastVerified());
        assertEquals(List.of(), organization.services().get(1).requiredDocuments());
    }

    @Test
    void xlsxWithNumericAndDateCellsTypedByAPersonIsRead() throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = workbook.createSheet("Hoja1");
            Row head = s.createRow(0);
            String[] headers = {"Servicio", "organización", "TIPO", "Edad Mínima", "Edad máxima", "Área de Servicio",
                "Teléfono", "Última Verificación"};
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            Row data = s.createRow(2); // row 2 left empty on purpose
            data.createCell(0).setCellValue("Becas escolares");
            data.createCell(1).setCellValue("Secretaría de Educación Ficticia");
            data.createCell(2).setCellValue("PUBLICA");
            data.createCell(3).setCellValue(6);
            data.createCell(4).setCellValue(15.0);
            data.createCell(5).setCellValue(1001);
            data.createCell(6).setCellValue(6181234567L);
            Cell date = data.createCell(7);
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellValue(LocalDate.of(2021, 1, 15));
            date.setCellStyle(style);
            workbook.write(out);
            file = out.toByteArray();
        }

        Parsed parsed = assertInstanceOf(Parsed.class, sheet.read(new ByteArrayInputStream(file), Format.XLSX));

        Service service = parsed.organizations().getFirst().services().getFirst();
        assertEquals("Becas escolares", service.name());
        assertEquals(6, service.minAge());
        assertEquals(15, service.maxAge());
        assertEquals(List.of("01001"), service.serviceArea());
        assertEquals("6181234567", service.contact().phone());
        assertEquals(LocalDate.of(2021, 1, 15), service.lastVerified());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void missingRequiredColumnsAreReportedOnTheHeaderRow() {
        List<RowError> errors = errorsOf("Organización,Descripción\nDIF,Algo\n");

        assertEquals(List.of(
                new RowError(1, "Tipo", "Falta la columna obligatoria \"Tipo\"."),
                new RowError(1, "Servicio", "Falta la columna obligatoria \"Servicio\".")), errors);
    }

    @Test
    void unknownAndRepeatedColumnsAreRejected() {
        List<RowError> errors = errorsOf("Organización,Tipo,Servicio,Edad min,TIPO\nDIF,PUBLICA,Apoyo,3,PUBLICA\n");

        assertEquals(2, errors.size(), errors.toString());
        assertEquals(new RowError(1, "Tipo", "La columna está repetida."), errors.get(0));
        assertEquals(1, errors.get(1).row());
        assertEquals("Edad min", errors.get(1).column());
        assertTrue(errors.get(1).message().startsWith("Columna desconocida."), errors.get(1).message());
    }

    @Test
    void minimumAgeAboveMaximumIsRejected() {
        assertEquals(List.of(new RowError(2, "Edad mínima", "La edad mínima (18) es mayor que la edad máxima (12).")),
                errorsOf(table(row("DIF", "PUBLICA", "Apoyo", "", "", "18", "12"))));
    }

    /** One value in a checked column of an otherwise valid row: the error it gets, or none (an empty message). */
    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            5  | Edad mínima         | doce                   | "doce" no es un número entero válido (años, de 0 a 120).
            6  | Edad máxima         | 12.5                   | "12.5" no es un número entero válido (años, de 0 a 120).
            5  | Edad mínima         | -1                     | "-1" no es un número entero válido (años, de 0 a 120).
            6  | Edad máxima         | 121                    | "121" no es un número entero válido (años, de 0 a 120).
            13 | Última verificación | 31/02/2021             | "31/02/2021" no es una fecha válida; use dd/mm/aaaa o aaaa-mm-dd.
            13 | Última verificación | 2021-13-01             | "2021-13-01" no es una fecha válida; use dd/mm/aaaa o aaaa-mm-dd.
            13 | Última verificación | marzo 2021             | "marzo 2021" no es una fecha válida; use dd/mm/aaaa o aaaa-mm-dd.
            11 | Correo              | contacto@              | "contacto@" no es un correo electrónico válido.
            11 | Correo              | con espacio@dif.gob.mx | "con espacio@dif.gob.mx" no es un correo electrónico válido.
            11 | Correo              | ok@dif.gob.mx          |
            """)
    void badNumbersDatesAndEmailsAreRejectedInTheirColumn(int position, String column, String value, String message) {
        String[] cells = new String[position + 1];
        java.util.Arrays.fill(cells, "");
        cells[0] = "DIF";
        cells[1] = "PUBLICA";
        cells[2] = "Apoyo";
        cells[position] = value;
        String csv = table(row(cells));
        if (message == null) {
            assertInstanceOf(Parsed.class, read(csv));
        } else {
            assertEquals(List.of(new RowError(2, column, message)), errorsOf(csv));
        }
    }

    @Test
    void duplicateOrganizationAndServiceIsRejectedIgnoringCaseAndAccents() {
        List<RowError> errors = errorsOf(table(row("Secretaría de Salud", "PUBLICA", "Vacunación"),
                row("Secretaría de Salud", "PUBLICA", "Nutrición"),
                row("SECRETARIA DE SALUD", "PUBLICA", "vacunacion"),
                row("Otra Dependencia", "PUBLICA", "Vacunación")));

        assertEquals(List.of(new RowError(4, "Servicio",
                "El servicio \"vacunacion\" de la organización \"SECRETARIA DE SALUD\" ya aparece en la fila 2.")), errors);
    }

    @Test
    void missingValuesBadTypeAndContradictoryTypeAreRejected() {
        List<RowError> errors = errorsOf(table(row("", "", "") + ",extra",
                row("DIF", "MIXTA", "Apoyo"),
                row("Fundación Ficticia", "PRIVADA", "Becas"),
                row("Fundación Ficticia", "PUBLICA", "Despensas")));

        assertEquals(List.of(
                new RowError(2, "Organización", "El dato es obligatorio."),
                new RowError(2, "Tipo", "El dato es obligatorio."),
                new RowError(2, "Servicio", "El dato es obligatorio."),
                new RowError(3, "Tipo", "\"MIXTA\" no es un tipo válido; use PUBLICA o PRIVADA."),
                new RowError(5, "Tipo", "La organización \"Fundación Ficticia\" tiene tipo PRIVADA en la fila 4.")), errors);
    }

    @Test
    void badMunicipalityCodesAreRejected() {
        assertEquals(List.of(new RowError(2, "Área de servicio",
                        "\"1005\" no es una clave INEGI de municipio (5 dígitos, p. ej. 10005).")),
                errorsOf(table(row("DIF", "PUBLICA", "Apoyo", "", "", "", "", "", "", "10005; 1005"))));
    }

    @Test
    void importIsAllOrNothing() {
        Object result = read(table(row("DIF", "PUBLICA", "Apoyo válido"),
                row("DIF", "PUBLICA", "Apoyo inválido", "", "", "x")));

        Rejected rejected = assertInstanceOf(Rejected.class, result);
        assertEquals(1, rejected.errors().size());
        assertEquals(3, rejected.errors().getFirst().row());
    }

    @Test
    void rowNumbersCountRecordsNotPhysicalLinesAfterMultiLineCells() {
        List<RowError> errors = errorsOf(table(row("DIF", "PUBLICA", "Apoyo", "\"línea uno\nlínea dos\""),
                row("DIF", "PUBLICA", "Otro", "", "", "x")));

        assertEquals(3, errors.getFirst().row());
    }

    @Test
    void emptyFilesHeaderOnlyBrokenCsvAndNonExcelFilesAreRejected() {
        assertEquals(List.of(new RowError(1, null, "El archivo está vacío: falta la fila de encabezados.")), errorsOf(""));
        assertEquals(List.of(new RowError(2, null, "El archivo no contiene filas de datos.")), errorsOf(HEADER + "\r\n"));
        assertEquals(List.of(new RowError(2, null, "Hay un campo entre comillas que no se cierra.")),
                errorsOf(HEADER + "\n\"DIF,PUBLICA,Apoyo\n"));
        assertEquals(List.of(new RowError(1, null, "El archivo no es un libro de Excel (.xlsx) válido.")),
                assertInstanceOf(Rejected.class, sheet.read(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)),
                        Format.XLSX)).errors());
        assertEquals(List.of(new RowError(1, null, "El archivo CSV no está en UTF-8. Guárdelo como \"CSV UTF-8\".")),
                assertInstanceOf(Rejected.class, sheet.read(new ByteArrayInputStream(
                        "Organización,Tipo,Servicio\nDIF,PÚBLICA,Atención\n".getBytes(StandardCharsets.ISO_8859_1)),
                        Format.CSV)).errors());
    }

    @Test
    void writeRefusesDirectoriesThatWouldNotReadBackTheSame() {
        Service service = new Service("Apoyo", null, null, null, null, null, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> sheet.write(List.of(
                new Organization("Fundación", OrganizationType.PRIVATE, List.of(service)),
                new Organization("FUNDACIÓN", OrganizationType.PRIVATE, List.of(service))), Format.CSV));
        assertThrows(IllegalArgumentException.class, () -> sheet.write(List.of(
                new Organization("Fundación", OrganizationType.PRIVATE, List.of())), Format.XLSX));
        assertThrows(IllegalArgumentException.class, () -> sheet.write(List.of(
                new Organization("Fundación", OrganizationType.PRIVATE, List.of(service, service))), Format.CSV));
        Service semicolon = new Service("Apoyo", null, null, null, null, null, List.of("Acta; copia"), null, null, null);
        assertThrows(IllegalArgumentException.class, () -> sheet.write(List.of(
                new Organization("Fundación", OrganizationType.PRIVATE, List.of(semicolon))), Format.CSV));
    }

    @Test
    void recordsRejectInvalidValuesDirectly() {
        assertThrows(IllegalArgumentException.class,
                () -> new Service("Apoyo", null, null, 18, 12, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Service("Apoyo", null, null, null, null, null, null, List.of("1005"), null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Service(" ", null, null, null, null, null, null, null, null, null));
        assertEquals(java.util.Optional.of(OrganizationType.PUBLIC), OrganizationType.fromLabel(" Pública "));
        assertEquals(java.util.Optional.empty(), OrganizationType.fromLabel("Mixta"));
    }
}
