package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static mx.gob.dif.programs.formats.WorkbookLayout.*;

/**
 * Writes a plan document as the officers' workbook ({@link WorkbookLayout}); {@link PlanWorkbookReader}
 * reads it back to the same plan. Cells are typed (numbers as numbers, text as text), so nothing in
 * it is evaluated as a formula.
 */
public final class PlanWorkbookWriter {

    private PlanWorkbookWriter() {
    }

    public static byte[] write(JsonNode plan) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = sheet(wb, PLAN_SHEET, PLAN);
            int r = 1;
            for (String f : PLAN_FIELDS) {
                row(s, r++, f, plan.get(f));
            }
            for (String f : BUDGET_FIELDS) {
                row(s, r++, BUDGET_PREFIX + f, plan.path("budget").get(f));
            }
            boolean schedules = ScheduleColumns.inPlan(plan);
            List<String> targetHeaders = new ArrayList<>(TARGETS);
            if (schedules) {
                targetHeaders.addAll(ScheduleColumns.HEADERS);
            }
            Sheets sheets = new Sheets(sheet(wb, PROGRAMS_SHEET, PROGRAMS), sheet(wb, TARGETS_SHEET, targetHeaders),
                    sheet(wb, GOALS_SHEET, GOALS), sheet(wb, SDG_SHEET, SDG), schedules);
            for (JsonNode p : plan.path("programs")) {
                sheets.program(p);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The per-program sheets and the next free row of each. */
    private static final class Sheets {
        private final Sheet programs;
        private final Sheet targets;
        private final Sheet goals;
        private final Sheet sdg;
        private final boolean schedules;
        private int pr = 1;
        private int tr = 1;
        private int gr = 1;
        private int sr = 1;

        Sheets(Sheet programs, Sheet targets, Sheet goals, Sheet sdg, boolean schedules) {
            this.programs = programs;
            this.schedules = schedules;
            this.targets = targets;
            this.goals = goals;
            this.sdg = sdg;
        }

        void program(JsonNode p) {
            String code = p.path("code").asText();
            JsonNode alignment = p.path("alignment");
            JsonNode investment = p.path("investment");
            String months = String.join(",", p.path("calendarMonths").valueStream().map(JsonNode::asText).toList());
            row(programs, pr++, code, p.get("name"), p.get("objective"), p.get("description"), alignment.get("axis"),
                    alignment.get("planObjective"), alignment.get("strategy"), months,
                    investment.get("total"), investment.get("municipal"), investment.get("otherSources"));
            for (JsonNode a : p.path("actions")) {
                for (JsonNode t : a.path("targets")) {
                    List<String> comps = t.path("components").valueStream().map(JsonNode::asText).toList();
                    List<Object> cells = new ArrayList<>(Arrays.asList(code, a.get("code"), a.get("description"), t.get("indicatorCode"),
                            t.get("unit"), t.get("target"), t.get("method"), comps.isEmpty() ? null : String.join(",", comps),
                            t.get("formula"), t.get("caseMetric")));
                    if (schedules) {
                        cells.addAll(ScheduleColumns.cells(t));
                    }
                    row(targets, tr++, cells.toArray());
                }
            }
            for (JsonNode g : p.path("interventionGoals")) {
                row(goals, gr++, code, g.get("component"), g.get("goal"), g.get("indicator"), g.get("verificationSource"),
                        g.get("assumptions"), g.get("code"), g.path("numerator").get("indicator"), g.path("numerator").get("caseMetric"),
                        g.path("denominator").get("indicator"), g.path("denominator").get("caseMetric"), g.get("targetPercent"));
            }
            for (JsonNode g : p.path("sdg")) {
                row(sdg, sr++, code, g.get("goal"), g.get("target"), g.get("indicator"));
            }
        }
    }

    private static Sheet sheet(Workbook wb, String name, List<String> headers) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            h.createCell(i).setCellValue(headers.get(i));
        }
        return s;
    }

    /** One row; values are JSON nodes (numbers stay numbers, null or missing leave the cell empty) or plain text. */
    private static void row(Sheet s, int r, Object... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof JsonNode n) {
                if (n.isNull() || n.isMissingNode()) {
                    continue;
                }
                if (n.isNumber()) {
                    row.createCell(i).setCellValue(n.decimalValue().doubleValue());
                    continue;
                }
                v = n.asText();
            }
            if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }
}
