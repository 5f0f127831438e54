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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import mx.gob.dif.cases.documents.AgencyDirectorySheet.RowError;

/**
 * The two file forms of the agency directory: a CSV file or an Excel workbook (first sheet), read
 * into rows of text under their header and written from rows of values (numbers and dates as such
 * in the workbook).
 */
final class DirectoryFiles {
    private static final String SHEET_NAME = "Directorio";

    private DirectoryFiles() {
    }

    /** Header cells of a file, as text, with the data rows under them. */
    record RawTable(List<String> header, List<Integer> rowNumbers, List<List<String>> rows) {
    }

    static RawTable readCsv(byte[] bytes, List<RowError> errors) {
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

    static RawTable readXlsx(byte[] bytes, List<RowError> errors) {
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
            List<DirectoryColumn> columns = header.stream().map(h -> DirectoryColumn.byHeader(h).orElse(null)).toList();
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
                    boolean area = c < columns.size() && columns.get(c) == DirectoryColumn.AREA;
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

    static byte[] writeCsv(List<List<Object>> rows) {
        // numbers stay numbers; dates as a person types them; every text guarded against formula injection
        return Csv.write(AgencyDirectorySheet.HEADERS, rows.stream().map(row -> row.stream().map(value -> value == null ? null
                : value instanceof LocalDate date ? SpanishText.shortDate(date)
                : value instanceof Integer ? value : (Object) Csv.guard(value.toString())).toList()).toList());
    }

    static byte[] writeXlsx(List<List<Object>> rows) {
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
            for (int c = 0; c < AgencyDirectorySheet.HEADERS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(AgencyDirectorySheet.HEADERS.get(c));
                cell.setCellStyle(headStyle);
                sheet.setColumnWidth(c, (c == DirectoryColumn.DESCRIPTION.ordinal() || c == DirectoryColumn.ELIGIBILITY.ordinal()
                        || c == DirectoryColumn.DOCUMENTS.ordinal() || c == DirectoryColumn.ADDRESS.ordinal() ? 40 : 18) * 256);
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
