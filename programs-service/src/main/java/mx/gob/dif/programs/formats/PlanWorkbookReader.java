package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static mx.gob.dif.programs.formats.WorkbookLayout.*;

/**
 * Rebuilds a plan document from the officers' workbook ({@link WorkbookLayout}), one reader per
 * sheet. Every cell problem is reported with sheet, row and column, all of them in one answer;
 * a workbook with any problem yields nothing.
 */
public final class PlanWorkbookReader {

    private PlanWorkbookReader() {
    }

    /**
     * @param orgUnit    the unit asked for in the URL (null: the sheet's); a sheet naming another one is an error
     * @param fiscalYear the year asked for in the URL (null: the sheet's); likewise
     */
    public static ObjectNode read(byte[] xlsx, String orgUnit, Integer fiscalYear) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ObjectNode plan = Cells.fromWorkbook(xlsx, ". Expórtelo de nuevo desde la hoja de cálculo.", wb -> {
            ObjectNode read = Cells.NODES.objectNode();
            Sheet planSheet = required(wb, PLAN_SHEET, PLAN, errors);
            Sheet programSheet = required(wb, PROGRAMS_SHEET, PROGRAMS, errors);
            Sheet targetSheet = required(wb, TARGETS_SHEET, TARGETS.subList(0, TARGETS_REQUIRED), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("El archivo no tiene la forma esperada; no se guardó nada.", errors);
            }
            PlanSheetReader.read(planSheet, orgUnit, fiscalYear, read, errors);
            Map<String, ObjectNode> programs = ProgramsSheetReader.read(programSheet, errors);
            TargetsSheetReader.read(targetSheet, programs, errors);
            ProgramChildrenReader.goals(wb.getSheet(GOALS_SHEET), programs, errors);
            ProgramChildrenReader.sdg(wb.getSheet(SDG_SHEET), programs, errors);
            read.putArray("programs").addAll(programs.values());
            return read;
        });
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("La hoja de cálculo tiene " + errors.size() + " error(es); no se guardó nada.", errors);
        }
        return plan;
    }

    /** The sheet, with each expected header checked; null (reported) when the sheet is missing. */
    private static Sheet required(Workbook wb, String name, List<String> headers, List<Problem.FieldError> errors) {
        Sheet s = wb.getSheet(name);
        if (s == null) {
            errors.add(Cells.error(name, 1, "-", "Falta la hoja '" + name + "'."));
            return null;
        }
        Row h = s.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            String got = Cells.text(h, i);
            if (got == null || !got.equalsIgnoreCase(headers.get(i))) {
                errors.add(Cells.error(name, 1, Cells.columnLetter(i), "Falta la columna '" + headers.get(i) + "' (columna "
                        + Cells.columnLetter(i) + "); se encontró '" + (got == null ? "" : got) + "'."));
            }
        }
        return s;
    }
}
