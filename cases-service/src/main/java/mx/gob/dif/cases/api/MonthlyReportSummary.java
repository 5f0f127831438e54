package mx.gob.dif.cases.api;

import mx.gob.dif.cases.documents.MonthlyReport;

import java.util.List;
import java.util.Map;

/** The Informe Mensual as JSON: its rows, totals per category and status, and its delivery. */
public record MonthlyReportSummary(String orgUnit, String month, int total, Map<String, Long> byCategory,
                                   Map<String, Long> byStatus, List<MonthlyReport.Row> rows, MonthlyDelivery delivery) {
}
