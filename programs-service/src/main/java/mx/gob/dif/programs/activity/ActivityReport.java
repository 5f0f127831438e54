package mx.gob.dif.programs.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * One activity report as the API takes it ({@code POST /api/v1/activities}: one, or a list of up to
 * 10,000). The limits are documented here and checked by {@link ReportValidator}, not by Bean
 * Validation: the API answers a batch with 422 and one error per rejected item with its index, where
 * Bean Validation would answer 400 (see {@link ActivityJson} for why fields of the wrong JSON type do
 * not fail the whole request either).
 */
@Schema(description = "Un reporte de actividad")
public record ActivityReport(
        @Schema(format = "uuid", description = "Opcional; reenviar un reporte con el mismo id y el mismo contenido no tiene efecto")
        String id,
        @Schema(maxLength = ReportValidator.MAX_CODE, example = "DIF-01-03") String indicator,
        @Schema(maxLength = ReportValidator.MAX_UNIT, example = "10005") String orgUnit,
        @Schema(format = "date", example = "2021-03-14") String date,
        @Schema(minimum = "0", example = "80") BigDecimal quantity,
        @Schema(maxLength = ReportValidator.MAX_NOTE, description = "Texto libre; se guarda en este servicio y nunca se publica")
        String note) {
}
