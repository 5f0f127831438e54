package mx.gob.dif.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.console.analyst.AnalystViews;
import mx.gob.dif.console.analyst.Breakdown;
import mx.gob.dif.console.analyst.BreakdownTable;
import mx.gob.dif.console.analyst.Completeness;
import mx.gob.dif.console.analyst.Dashboard;
import mx.gob.dif.console.analyst.InvalidChoice;
import mx.gob.dif.console.analyst.Periods;
import mx.gob.dif.console.analyst.Trend;
import mx.gob.dif.console.api.IndicatorsApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.time.ZoneId;
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
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    /** Indicator codes of the plans: letters, digits, dots, dashes and underscores. */
    private static final Pattern INDICATOR = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard view);

        static native TemplateInstance breakdown(Breakdown view, String year);

        static native TemplateInstance trend(Trend view, int year);

        static native TemplateInstance completeness(Completeness view, int year);
    }

    private final AnalystViews views;
    private final IndicatorsApi api;
    private final CurrentUser user;

    public AnalystResource(AnalystViews views, @RestClient IndicatorsApi api, CurrentUser user) {
        this.views = views;
        this.api = api;
        this.user = user;
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("anio") String year, @QueryParam("periodo") String part) {
        int y = Periods.year(year, thisYear());
        return Templates.dashboard(views.dashboard(unit(), y, Periods.period(y, part)));
    }

    @GET
    @Path("desglose")
    public TemplateInstance breakdown(@QueryParam("indicador") String indicator, @QueryParam("anio") String year,
                                      @QueryParam("periodo") String part, @QueryParam("orden") String sort,
                                      @QueryParam("dir") String direction) {
        int y = Periods.year(year, thisYear());
        BreakdownTable.Column column = sort == null || sort.isBlank() ? BreakdownTable.Column.UNIDAD
                : BreakdownTable.Column.byKey(sort).orElseThrow(() -> new InvalidChoice(
                        "Ordene por una de las columnas de la tabla (unidad, meta, valor, avance, esperado, semaforo, reporto)."));
        boolean descending = "desc".equals(direction);
        return Templates.breakdown(views.breakdown(indicator(indicator), unit(), Periods.period(y, part), column, descending),
                Integer.toString(y));
    }

    @GET
    @Path("tendencia")
    public TemplateInstance trend(@QueryParam("indicador") String indicator, @QueryParam("anio") String year) {
        int y = Periods.year(year, thisYear());
        return Templates.trend(views.trend(indicator(indicator), unit(), y), y);
    }

    @GET
    @Path("completitud")
    public TemplateInstance completeness(@QueryParam("anio") String year, @QueryParam("mes") String month) {
        LocalDate today = LocalDate.now(MEXICO);
        int y = Periods.year(year, today.getYear());
        String m = month == null || month.isBlank() ? String.format("%02d", today.getMonthValue()) : month.trim();
        return Templates.completeness(views.completeness(unit(), Periods.month(y, m)), y);
    }

    /** The closing report as the API writes it, CSV or XLSX, passed on to the browser as a download. */
    @GET
    @Path("cierre")
    @Produces({"text/csv", IndicatorsApi.XLSX})
    public Response closing(@QueryParam("anio") String year, @QueryParam("formato") String format) {
        int y = Periods.year(year, thisYear());
        Response upstream = switch (format == null ? "" : format) {
            case "csv" -> api.closingCsv(unit(), y);
            case "xlsx" -> api.closingXlsx(unit(), y);
            default -> throw new InvalidChoice("Elija el formato del reporte de cierre: csv o xlsx.");
        };
        String disposition = upstream.getHeaderString("Content-Disposition");
        return Response.ok(upstream.readEntity(java.io.InputStream.class), upstream.getMediaType())
                .header("Content-Disposition", disposition != null ? disposition
                        : "attachment; filename=\"cierre-" + unit() + "-" + y + "." + format + "\"")
                .build();
    }

    /** A choice that is not one of the offered ones: the page says which are. */
    @ServerExceptionMapper
    public Response invalid(InvalidChoice e) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPages.Templates.error("Dato no válido", e.getMessage())).build();
    }

    private String unit() {
        String unit = user.get().orgUnit();
        if (unit == null) {
            throw new InvalidChoice("Su usuario no pertenece a ninguna unidad del DIF; pida al administrador que le asigne la "
                    + "unidad del estado.");
        }
        return unit;
    }

    private static String indicator(String code) {
        if (code == null || !INDICATOR.matcher(code.trim()).matches()) {
            throw new InvalidChoice("Indique la clave del indicador como aparece en el tablero (p. ej. DIF-01-03): letras, "
                    + "cifras y guiones, hasta 40 caracteres.");
        }
        return code.trim();
    }

    private static int thisYear() {
        return LocalDate.now(MEXICO).getYear();
    }
}
