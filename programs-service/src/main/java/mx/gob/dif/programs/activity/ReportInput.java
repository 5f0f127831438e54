package mx.gob.dif.programs.activity;

import java.util.Map;

/**
 * One item of a request as read from its JSON: the report with every field of the expected JSON
 * type, and the fields sent with another type (field name → the value as sent, for the message),
 * which {@link ReportValidator} reports at the item's index. {@code report} is null when the item is
 * not a JSON object at all.
 */
record ReportInput(ActivityReport report, Map<String, String> wrongType) {
    static final ReportInput NOT_AN_OBJECT = new ReportInput(null, Map.of());

    ReportInput {
        wrongType = Map.copyOf(wrongType);
    }

    static ReportInput of(ActivityReport report) {
        return new ReportInput(report, Map.of());
    }
}
