package mx.gob.dif.programs.activity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI name of a file of activity reports (never instantiated): the CSV or XLSX body of
 * {@code POST /api/v1/activities} and the template {@code GET /api/v1/activities/template} answers.
 */
@Schema(name = "ActivityReportFile", type = SchemaType.STRING, format = "binary",
        description = "Archivo de reportes de actividad, CSV (separado por comas, UTF-8) o XLSX (hoja Reportes): encabezado en la "
                + "fila 1 con las columnas id (opcional, UUID), indicador, clave_unidad, fecha (AAAA-MM-DD), cantidad y nota "
                + "(opcional), en cualquier orden; un reporte por fila, hasta 10000 filas.")
final class ActivityReportFile {
    private ActivityReportFile() {
    }
}
