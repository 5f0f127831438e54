package mx.gob.dif.console.analyst;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.console.api.IndicatorsApi;
import mx.gob.dif.console.web.InvalidChoice;
import mx.gob.dif.console.web.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The state analyst's pages under {@code /analista} (console/README.md): the state's programs, an indicator by
 * municipality and month by month, who has reported a month, and the closing report as a file. Always the person's
 * own unit; what they may read is the API's decision. Pages refresh their figures live ({@code /js/live.js}).
 */
@Path("/analista")
@RolesAllowed(Roles.STATE_ANALYST)
@Produces(MediaType.TEXT_HTML)
public class AnalystResource {
    /** Indicator codes of the plans: letters, digits, dots, dashes and underscores. */
    private static final Pattern INDICATOR = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard view);

        static native TemplateInstance indicator(Breakdown breakdown, Trend trend, int year);

        static native TemplateInstance completeness(Completeness view, int year);
    }

    private final AnalystViews views;
    private final IndicatorsApi api;
    private final Viewer viewer;
    private final Clock clock;

    public AnalystResource(AnalystViews views, @RestClient IndicatorsApi api, Viewer viewer, Clock clock) {
        this.views = views;
        this.api = api;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("anio") String year, @QueryParam("periodo") String part) {
        int y = Periods.year(year, today().getYear());
        return Templates.dashboard(views.dashboard(viewer.requireOrgUnit(), y, Periods.period(y, part)));
    }

    /** The indicator by municipality over the chosen period (sorted by {@code orden}, {@code dir}) and month by month. */
    @GET
    @Path("indicadores/{code}")
    public TemplateInstance indicator(@PathParam("code") String code, @QueryParam("anio") String year,
                                      @QueryParam("periodo") String part, @QueryParam("orden") String sort,
                                      @QueryParam("dir") String direction) {
        String indicator = indicatorCode(code);
        int y = Periods.year(year, today().getYear());
        BreakdownTable.Column column = sort == null || sort.isBlank() ? BreakdownTable.Column.UNIDAD
                : BreakdownTable.Column.byKey(sort).orElseThrow(() -> new InvalidChoice(
                        "Ordene por una de las columnas de la tabla (unidad, meta, valor, avance, esperado, semaforo, reporto)."));
        String unit = viewer.requireOrgUnit();
        return Templates.indicator(views.breakdown(indicator, unit, Periods.period(y, part), column, "desc".equals(direction)),
                views.trend(indicator, unit, y), y);
    }

    @GET
    @Path("completitud")
    public TemplateInstance completeness(@QueryParam("mes") String month) {
        LocalDate today = today();
        String m = Periods.month(month, String.format("%d-%02d", today.getYear(), today.getMonthValue()));
        return Templates.completeness(views.completeness(viewer.requireOrgUnit(), m), Integer.parseInt(m.substring(0, 4)));
    }

    /** The closing report as the API writes it, CSV or XLSX, passed on to the browser as a download. */
    @GET
    @Path("cierre")
    @Produces({"text/csv", IndicatorsApi.XLSX})
    public Response closing(@QueryParam("anio") String year, @QueryParam("formato") String format) {
        int y = Periods.year(year, today().getYear());
        String unit = viewer.requireOrgUnit();
        Response upstream = switch (format == null ? "" : format) {
            case "csv" -> api.closingCsv(unit, y);
            case "xlsx" -> api.closingXlsx(unit, y);
            default -> throw new InvalidChoice("Elija el formato del reporte de cierre: csv o xlsx.");
        };
        String disposition = upstream.getHeaderString("Content-Disposition");
        return Response.ok(upstream.readEntity(InputStream.class), upstream.getMediaType())
                .header("Content-Disposition", disposition != null ? disposition
                        : "attachment; filename=\"cierre-" + unit + "-" + y + "." + format + "\"")
                .build();
    }

    private static String indicatorCode(String code) {
        if (code == null || !INDICATOR.matcher(code.trim()).matches()) {
            throw new InvalidChoice("Indique la clave del indicador como aparece en el tablero (p. ej. DIF-01-03): letras, "
                    + "cifras y guiones, hasta 40 caracteres.");
        }
        return code.trim();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
