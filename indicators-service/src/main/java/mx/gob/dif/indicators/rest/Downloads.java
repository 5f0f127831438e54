package mx.gob.dif.indicators.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/** One report as JSON, CSV or spreadsheet, chosen by {@code ?format=csv|xlsx} or else by the Accept header. */
final class Downloads {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    static Response of(Object json, Supplier<String> csv, Supplier<byte[]> xlsx, String file, String accept, String format) {
        String wanted = format != null ? format.toLowerCase() : accept == null ? "" : accept.toLowerCase();
        if (wanted.contains("csv")) {
            return Response.ok(csv.get(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
        }
        if (wanted.contains("spreadsheetml") || wanted.contains("xlsx")) {
            return Response.ok(xlsx.get(), XLSX).header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
