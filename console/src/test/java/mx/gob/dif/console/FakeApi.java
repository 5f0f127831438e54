package mx.gob.dif.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public API's indicator reads as the tests' console sees them (API.md shapes, written out as JSON), served by
 * the test application itself: the state {@code 10} in 2021 with two programs and three municipalities. It keeps the
 * last Authorization and Accept header of each path, so tests can check the console sent the person's token on.
 */
@Path("/api/v1")
@PermitAll
public class FakeApi {
    /** Last Authorization / Accept header per path, e.g. {@code "closing"}. */
    public static final Map<String, String> AUTHORIZATION = new ConcurrentHashMap<>();
    public static final Map<String, String> ACCEPT = new ConcurrentHashMap<>();
    /** The closing report's XLSX bytes as the fake writes them (a ZIP's signature and a marker). */
    public static final byte[] XLSX = "PK\u0003\u0004cierre-xlsx".getBytes(StandardCharsets.ISO_8859_1);
    public static final String CSV = "programa,indicador,valor\nP-01,P-01-01,90\n";

    private static final String INDICATOR = """
            {"indicator":"%s","orgUnit":"10","period":"%s","method":"SUM","unit":"Visita","target":%s,"value":%s,
             "percent":%s,"expected":%s,"status":%s,"asOf":"2021-12-31T00:00:00Z","programCode":"%s","programName":"%s",
             "actionCode":"%s","actionDescription":"Acción de %s","planOrgUnit":"10"%s}""";

    static String indicator(String code, String period, String target, String value, String percent, String status, String months) {
        String program = code.substring(0, 4);
        return INDICATOR.formatted(code, period, target, value, percent, target, status == null ? "null" : "\"" + status + "\"",
                program, "Programa " + program, code, code, months == null ? "" : ",\"months\":" + months);
    }

    @GET
    @Path("/reports/closing")
    public Response closing(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") int year,
                            @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String auth) {
        AUTHORIZATION.put("closing", auth == null ? "" : auth);
        ACCEPT.put("closing", accept == null ? "" : accept);
        if (accept != null && accept.contains("csv")) {
            return Response.ok(CSV, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"cierre-" + orgUnit + "-" + year + ".csv\"").build();
        }
        if (accept != null && accept.contains("spreadsheetml")) {
            return Response.ok(XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"cierre-" + orgUnit + "-" + year + ".xlsx\"").build();
        }
        if (year != 2021) {
            return Response.status(404).type("application/problem+json").entity("{\"type\":\"about:blank\",\"title\":\"No encontrado\","
                    + "\"status\":404,\"detail\":\"No hay plan " + year + " que aplique a la unidad " + orgUnit + ".\"}").build();
        }
        String rows = String.join(",",
                indicator("P-01-01", "2021", "100", "95", "95", "GREEN", null),
                indicator("P-01-02", "2021", "50", "20", "40", "RED", null),
                indicator("P-02-01", "2021", "10", "8", "80", "YELLOW", null));
        return json("""
                {"orgUnit":"%s","orgUnitName":"DIF Estatal Durango","fiscalYear":%d,"asOf":"2021-12-31T00:00:00Z",
                 "programs":[{"program":"P-01","programName":"Programa P-01","indicators":2,"globalIndicator":67.5},
                             {"program":"P-02","programName":"Programa P-02","indicators":1,"globalIndicator":80}],
                 "rows":[%s],"units":[]}""".formatted(orgUnit, year, rows));
    }

    @GET
    @Path("/programs/{code}/progress")
    public Response progress(@PathParam("code") String code, @QueryParam("period") String period,
                             @HeaderParam("Authorization") String auth) {
        AUTHORIZATION.put("progress", auth == null ? "" : auth);
        String rows = code.equals("P-01")
                ? indicator("P-01-01", period, "100", "30", "30", "YELLOW", null) + "," + indicator("P-01-02", period, "50", "5", "10", "YELLOW", null)
                : indicator("P-02-01", period, "10", "3", "30", "GREEN", null);
        return json("""
                {"program":"%s","programName":"Programa %s","orgUnit":"10","period":"%s","globalIndicator":%s,"indicators":[%s],
                 "outcomeGoals":[],"asOf":"2021-04-01T00:00:00Z"}""".formatted(code, code, period, code.equals("P-01") ? "20" : "30", rows));
    }

    @GET
    @Path("/indicators/{code}/breakdown")
    public Response breakdown(@PathParam("code") String code, @QueryParam("period") String period,
                              @HeaderParam("Authorization") String auth) {
        AUTHORIZATION.put("breakdown", auth == null ? "" : auth);
        return json("""
                {"indicator":"%s","orgUnit":"10","period":"%s","method":"SUM","total":%s,"rows":[
                 {"orgUnit":"10005","name":"Durango","target":60,"value":30,"percent":50,"expected":45,"status":"GREEN","reported":true},
                 {"orgUnit":"10007","name":"Gómez Palacio","target":30,"value":5,"percent":16.67,"expected":22.5,"status":"RED","reported":true},
                 {"orgUnit":"10012","name":"Lerdo","target":10,"value":0,"percent":0,"expected":7.5,"status":"RED","reported":false},
                 {"orgUnit":"10039","name":"Vicente Guerrero","target":null,"value":0,"percent":null,"expected":null,"status":null,"reported":false}]}"""
                .formatted(code, period, indicator(code, period, "100", "35", "35", "YELLOW", null)));
    }

    @GET
    @Path("/indicators/{code}")
    public Response indicator(@PathParam("code") String code, @QueryParam("period") String period,
                              @HeaderParam("Authorization") String auth) {
        AUTHORIZATION.put("indicator", auth == null ? "" : auth);
        return json(indicator(code, period, "120", "17", "14.17", "RED",
                "[{\"month\":1,\"value\":10,\"reports\":2},{\"month\":3,\"value\":7,\"reports\":1}]"));
    }

    @GET
    @Path("/reporting/completeness")
    public Response completeness(@QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period,
                                 @HeaderParam("Authorization") String auth) {
        AUTHORIZATION.put("completeness", auth == null ? "" : auth);
        return json("""
                {"orgUnit":"%s","period":"%s","deadline":"2021-04-10","due":6,"reported":3,"missing":3,"onTime":3,"rate":50,"units":[
                 {"orgUnit":"10005","name":"Durango","due":2,"reported":2,"missing":0,"onTime":2,"rate":100,"submission":"ACCEPTED"},
                 {"orgUnit":"10007","name":"Gómez Palacio","due":2,"reported":1,"missing":1,"onTime":1,"rate":50,"submission":"SUBMITTED"},
                 {"orgUnit":"10012","name":"Lerdo","due":2,"reported":0,"missing":2,"onTime":0,"rate":0,"submission":"NONE"},
                 {"orgUnit":"10039","name":"Vicente Guerrero","due":0,"reported":0,"missing":0,"onTime":0,"rate":null,"submission":"NONE"}]}"""
                .formatted(orgUnit, period));
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
