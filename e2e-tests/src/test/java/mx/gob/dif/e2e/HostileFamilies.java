package mx.gob.dif.e2e;

import mx.gob.dif.e2e.HostileCorpus.Case;
import mx.gob.dif.e2e.HostileCorpus.Family;
import mx.gob.dif.e2e.HostileCorpus.Field;
import mx.gob.dif.e2e.HostileCorpus.Store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static mx.gob.dif.e2e.HostileCorpus.bytes;
import static mx.gob.dif.e2e.HostileCorpus.code;
import static mx.gob.dif.e2e.HostileCorpus.contentTypeCases;
import static mx.gob.dif.e2e.HostileCorpus.date;
import static mx.gob.dif.e2e.HostileCorpus.enumeration;
import static mx.gob.dif.e2e.HostileCorpus.json;
import static mx.gob.dif.e2e.HostileCorpus.jsonCases;
import static mx.gob.dif.e2e.HostileCorpus.number;
import static mx.gob.dif.e2e.HostileCorpus.path;
import static mx.gob.dif.e2e.HostileCorpus.queryCases;
import static mx.gob.dif.e2e.HostileCorpus.text;
import static mx.gob.dif.e2e.HostileCorpus.uuid;
import static mx.gob.dif.e2e.HostileCorpus.year;
import static mx.gob.dif.e2e.HostilePayloads.CURP;
import static mx.gob.dif.e2e.HostilePayloads.FORMULA;
import static mx.gob.dif.e2e.HostilePayloads.MARKER;
import static mx.gob.dif.e2e.HostilePayloads.ONE_MB;
import static mx.gob.dif.e2e.HostilePayloads.SQL;
import static mx.gob.dif.e2e.HostilePayloads.repeat;
import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.ANALYST;
import static mx.gob.dif.e2e.Tokens.CASE_WORKER;
import static mx.gob.dif.e2e.Tokens.DIRECTOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.SALUD;

/** The endpoint families of the corpus: one working request each, and the cases made from it ({@link #all()}). */
final class HostileFamilies {
    static final int YEAR = HostileFixtures.YEAR;
    static final String UNIT = HostileFixtures.UNIT;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String Q_PLAN = "?orgUnit=" + UNIT + "&fiscalYear=" + YEAR;
    static final String Q_PERIOD = "?orgUnit=" + UNIT + "&period=" + YEAR;

    private HostileFamilies() {
    }

    static final String PLAN = "{\"orgUnit\":\"" + UNIT + "\",\"fiscalYear\":" + YEAR + ",\"unit\":\"SMDIF corpus hostil\","
            + "\"programs\":[{\"code\":\"HC-02\",\"name\":\"Programa hostil\",\"calendarMonths\":[\"ENE\"],\"actions\":[{\"code\":\"HC-02-01\","
            + "\"description\":\"Acción hostil\",\"targets\":[{\"indicatorCode\":\"HC-02-01\",\"unit\":\"Visita\",\"target\":10,\"method\":\"SUM\"}]}]}]}";
    static final String CSV_HEADER = "programa,nombre_programa,calendario,inversion_total,inversion_municipal,inversion_otras,accion,"
            + "descripcion_accion,indicador,unidad,meta,metodo,componentes,formula\n";
    static final String CSV_ROW = "HC-03,Programa hostil,ENE,,,,HC-03-01,Acción hostil,HC-03-01,Visita,10,SUM,,\n";
    static final String PERSON = "{\"orgUnit\":\"" + UNIT + "\",\"curp\":\"" + CURP + "\",\"firstName\":\"Hostil\",\"lastName\":\"" + MARKER
            + "\",\"birthDate\":\"1999-12-31\",\"sex\":\"H\",\"municipality\":\"" + UNIT + "\",\"confirmNotDuplicate\":true}";

    static List<Family> jsonFamilies() {
        return List.of(
                new Family("Planes: importación JSON", ADMIN, "POST", "/work-plans/import", PLAN, Store.PLANS,
                        List.of(code("orgUnit"), year("fiscalYear"), text("unit"), code("code"), text("name"), code("indicatorCode"),
                                number("target"), enumeration("method"))),
                new Family("Planes: plan nuevo", ADMIN, "POST", "/work-plans",
                        "{\"orgUnit\":\"" + UNIT + "\",\"fiscalYear\":" + (YEAR - 1) + ",\"unit\":\"SMDIF corpus hostil\"}", Store.PLANS,
                        List.of(code("orgUnit"), year("fiscalYear"), text("unit"))),
                new Family("Planes: programa nuevo", ADMIN, "POST", "/work-plans/{plan}/programs",
                        "{\"code\":\"HC-05\",\"name\":\"Programa hostil\",\"calendarMonths\":[\"ENE\"]}", Store.PLANS,
                        List.of(code("code"), text("name"), enumeration("calendarMonths"))),
                new Family("Planes: editar meta", ADMIN, "PUT", "/work-plans/{plan}/targets/HC-01-01",
                        "{\"indicatorCode\":\"HC-01-01\",\"unit\":\"Visita\",\"target\":250,\"method\":\"SUM\"}", Store.PLANS,
                        List.of(text("unit"), number("target"), enumeration("method"))),
                new Family("Planes: acción nueva", ADMIN, "POST", "/work-plans/{plan}/programs/HC-01/actions",
                        "{\"code\":\"HC-01-09\",\"description\":\"Acción hostil\",\"targets\":[]}", Store.PLANS,
                        List.of(code("code"), text("description"))),
                new Family("Unidades: alta", ADMIN, "POST", "/org-units",
                        "{\"code\":\"10998\",\"name\":\"Municipio corpus hostil\",\"level\":\"MUNICIPAL\",\"parent\":\"10\"}", Store.ORG_UNITS,
                        List.of(code("code"), text("name"), enumeration("level"))),
                new Family("Actividades: reporte", OPERATOR, "POST", "/activities",
                        "[{\"indicator\":\"HC-01-01\",\"orgUnit\":\"" + UNIT + "\",\"date\":\"" + YEAR + "-03-01\",\"quantity\":1,\"note\":\"nota\"}]",
                        Store.ACTIVITIES, List.of(code("indicator"), code("orgUnit"), date("date"), number("quantity"), text("note"))),
                new Family("Actividades: retracción", OPERATOR, "POST", "/activities/{activity}/retraction", "{\"reason\":\"motivo\"}",
                        Store.ACTIVITIES, List.of(text("reason"))),
                new Family("Beneficiarios: alta", CASE_WORKER, "POST", "/beneficiaries", PERSON, Store.BENEFICIARIES,
                        List.of(code("orgUnit"), code("curp"), text("lastName"), date("birthDate"), enumeration("sex"))),
                new Family("Beneficiarios: corrección", CASE_WORKER, "PUT", "/beneficiaries/{beneficiary}", PERSON, Store.BENEFICIARIES,
                        List.of(code("curp"), text("lastName"), date("birthDate"))),
                new Family("Beneficiarios: fusión", CASE_WORKER, "POST", "/beneficiaries/{beneficiary}/merge",
                        "{\"duplicateId\":\"{beneficiary2}\",\"reason\":\"motivo\"}", Store.BENEFICIARIES, List.of(uuid("duplicateId"), text("reason"))),
                new Family("Casos: apertura", CASE_WORKER, "POST", "/cases", "{\"orgUnit\":\"" + UNIT + "\",\"beneficiaryId\":\"{beneficiary}\","
                        + "\"origin\":\"WALK_IN\",\"category\":\"HEALTH\",\"request\":\"Solicitud hostil\",\"receivedOn\":\"" + YEAR + "-03-01\"}",
                        Store.CASES, List.of(code("orgUnit"), uuid("beneficiaryId"), enumeration("origin"), text("request"), date("receivedOn"))),
                new Family("Casos: transición", CASE_WORKER, "POST", "/cases/{case}/transitions", "{\"to\":\"REJECTED\",\"reason\":\"motivo\"}",
                        Store.CASES, List.of(enumeration("to"), text("reason"))),
                new Family("Casos: intervención", CASE_WORKER, "POST", "/cases/{case}/interventions",
                        "{\"type\":\"HOME_VISIT\",\"date\":\"" + YEAR + "-03-02\",\"outcome\":\"resultado\"}", Store.CASES,
                        List.of(enumeration("type"), date("date"), text("outcome"))),
                new Family("Casos: consentimiento", CASE_WORKER, "POST", "/cases/{case}/consents",
                        "{\"givenBy\":\"BENEFICIARY\",\"givenOn\":\"" + YEAR + "-03-01\"}", Store.CASES, List.of(enumeration("givenBy"), date("givenOn"))),
                new Family("Inscripciones", CASE_WORKER, "POST", "/cases/{case}/enrollments",
                        "{\"programCode\":\"HC-01\",\"fiscalYear\":" + YEAR + ",\"enrolledOn\":\"" + YEAR + "-03-01\"}", Store.CASES,
                        List.of(code("programCode"), number("fiscalYear"), date("enrolledOn"))),
                new Family("Canalizaciones: alta", CASE_WORKER, "POST", "/cases/{case}/referrals",
                        "{\"agencyId\":\"SEED-DGO\",\"request\":\"Beca\",\"consentId\":\"{consent}\"}", Store.REFERRALS,
                        List.of(code("agencyId"), text("request"), uuid("consentId"))),
                new Family("Canalizaciones: revocación", CASE_WORKER, "POST", "/referrals/{referral}/revocation", "{\"reason\":\"motivo\"}",
                        Store.REFERRALS, List.of(text("reason"))),
                new Family("Bandeja de la dependencia: respuesta", SALUD, "POST", "/referrals/{referral}/status",
                        "{\"status\":\"RECEIVED\",\"reason\":\"motivo\"}", Store.REFERRALS, List.of(enumeration("status"), text("reason"))),
                new Family("Dependencias: importación JSON", ADMIN, "POST", "/agencies/import",
                        "[{\"id\":\"HC-DGO\",\"name\":\"Dependencia hostil\",\"kind\":\"PUBLIC\",\"onPlatform\":false,\"services\":[]}]",
                        Store.AGENCIES, List.of(code("id"), text("name"), enumeration("kind"))),
                new Family("Aprobaciones: decisión", DIRECTOR, "POST", "/approvals/{approval}/decision",
                        "{\"decision\":\"REJECTED\",\"comment\":\"comentario\"}", Store.APPROVALS, List.of(enumeration("decision"), text("comment"))),
                new Family("Peticiones de seguimiento: alta", CASE_WORKER, "POST", "/cases/{case}/follow-up-requests",
                        "{\"office\":\"Juzgado hostil\",\"petitionRef\":\"OF-1\",\"requestedOn\":\"" + YEAR + "-03-01\",\"dueInDays\":10}",
                        Store.FOLLOW_UPS, List.of(text("office"), date("requestedOn"), number("dueInDays"))),
                new Family("Peticiones de seguimiento: entrega", CASE_WORKER, "POST", "/follow-up-requests/{followUp}/report",
                        "{\"deliveredOn\":\"" + YEAR + "-03-05\"}", Store.FOLLOW_UPS, List.of(date("deliveredOn"))),
                new Family("Webhooks: suscripción", SALUD, "POST", "/webhooks", "{\"url\":\"https://hooks.example.org/dif\","
                        + "\"events\":[\"indicator.updated\"],\"orgUnits\":[\"" + UNIT + "\"],\"agency\":\"SALUD-DGO\"}", Store.WEBHOOKS,
                        List.of(code("url"), enumeration("events"), code("agency"))),
                new Family("Informe mensual: entrega", CASE_WORKER, "POST", "/reports/monthly/delivery",
                        "{\"orgUnit\":\"" + UNIT + "\",\"month\":\"" + YEAR + "-03\",\"deliveredOn\":\"" + YEAR + "-04-05\"}", Store.MONTHLY,
                        List.of(code("orgUnit"), date("month"), date("deliveredOn"))));
    }

    /** Families whose empty body is a valid request (the body is optional). */
    static final List<String> OPTIONAL_BODY = List.of("Actividades: retracción", "Peticiones de seguimiento: entrega");

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (Family f : jsonFamilies()) {
            jsonCases(f).stream()
                    .filter(c -> !OPTIONAL_BODY.contains(f.name()) || !(c.mutation().equals("cuerpo vacío") || c.mutation().equals("null como cuerpo")))
                    .forEach(cases::add);
            // a retraction's body is optional: one sent as text/plain is ignored and the retraction done (listed in docs/SECURITY.md)
            contentTypeCases(f).stream()
                    .filter(c -> !OPTIONAL_BODY.contains(f.name()) || !c.mutation().equals("Content-Type text/plain"))
                    .forEach(cases::add);
        }
        cases.addAll(imports());
        cases.addAll(reads());
        cases.addAll(paths());
        return cases;
    }

    /** The spreadsheet and CSV imports: bombs, truncated and foreign files, formulas; bodies over the limit. */
    static List<Case> imports() {
        List<Case> cases = new ArrayList<>();
        Family xlsx = new Family("Planes: importación XLSX", ADMIN, "POST", "/work-plans/import" + Q_PLAN, null, Store.PLANS, List.of());
        cases.add(bytes(xlsx, "bomba zip (200 MB al descomprimir)", XLSX, HostilePayloads::zipBomb, Map.of()));
        cases.add(bytes(xlsx, "XLSX truncado a la mitad", XLSX, HostileFixtures::truncatedSpreadsheet, Map.of()));
        cases.add(bytes(xlsx, "zip sin libro de cálculo", XLSX, HostilePayloads::zipWithoutWorkbook, Map.of()));
        cases.add(bytes(xlsx, "bytes al azar", XLSX, () -> HostilePayloads.utf8(repeat("PK\u0003\u0004basura", 4096)), Map.of()));
        cases.add(bytes(xlsx, "cuerpo vacío", XLSX, () -> new byte[0], Map.of()));
        cases.add(bytes(xlsx, "bomba gzip (Content-Encoding: gzip)", XLSX, HostilePayloads::gzipBomb, Map.of("Content-Encoding", "gzip")));
        Family xlsxNoYear = new Family("Planes: importación XLSX", ADMIN, "POST", "/work-plans/import?orgUnit=" + UNIT + "&fiscalYear=abc",
                null, Store.PLANS, List.of());
        cases.add(new Case(xlsxNoYear.name(), "fiscalYear: texto", ADMIN, "POST", xlsxNoYear.path(), XLSX, null,
                HostileFixtures::truncatedSpreadsheet, Map.of(), Store.PLANS, "fiscalYear"));

        Family csv = new Family("Planes: importación CSV", ADMIN, "POST", "/work-plans/import" + Q_PLAN, null, Store.PLANS, List.of());
        Map<String, String> csvs = new LinkedHashMap<>();
        csvs.put("fórmula en la clave del programa", CSV_HEADER + CSV_ROW.replace("HC-03,", "\"" + FORMULA.replace("\"", "\"\"") + "\","));
        csvs.put("fórmula en la meta", CSV_HEADER + CSV_ROW.replace(",10,", ",=1+1,"));
        csvs.put("fórmula @ en el indicador", CSV_HEADER + CSV_ROW.replace(",HC-03-01,Visita", ",@SUM(A1:A9),Visita"));
        csvs.put("comilla sin cerrar", CSV_HEADER + CSV_ROW.replace("Programa hostil", "\"Programa hostil"));
        csvs.put("truncado a media fila", CSV_HEADER + CSV_ROW.substring(0, 20));
        csvs.put("sin encabezado", CSV_ROW);
        csvs.put("columnas de más", CSV_HEADER + CSV_ROW.replace("\n", ",extra,extra\n"));
        csvs.put("meta 1e400", CSV_HEADER + CSV_ROW.replace(",10,", ",1e400,"));
        csvs.put("meta 2^63", CSV_HEADER + CSV_ROW.replace(",10,", "," + HostilePayloads.HUGE_INTEGER + ","));
        csvs.put("carácter NUL en la clave", CSV_HEADER + CSV_ROW.replace("HC-03,", "HC\u0000-03,"));
        csvs.put("celda de 1 MB", CSV_HEADER + CSV_ROW.replace("Acción hostil", ONE_MB));
        csvs.put("método desconocido", CSV_HEADER + CSV_ROW.replace(",SUM,", ",NO_EXISTE,"));
        csvs.put("inyección SQL en la clave", CSV_HEADER + CSV_ROW.replace("HC-03,", "\"" + SQL.replace("\"", "\"\"") + "\","));
        csvs.put("cuerpo vacío", "");
        csvs.forEach((label, body) -> cases.add(new Case(csv.name(), label, ADMIN, "POST", csv.path(), "text/csv", body, null, Map.of(),
                Store.PLANS, null)));
        cases.add(new Case(csv.name(), "fiscalYear: texto", ADMIN, "POST", "/work-plans/import?orgUnit=" + UNIT + "&fiscalYear=abc",
                "text/csv", CSV_HEADER + CSV_ROW, null, Map.of(), Store.PLANS, "fiscalYear"));
        cases.add(new Case(csv.name(), "orgUnit: inyección SQL", ADMIN, "POST", "/work-plans/import?fiscalYear=" + YEAR,
                "text/csv", CSV_HEADER + CSV_ROW, null, Map.of("query:orgUnit", SQL), Store.PLANS, null));

        Family units = new Family("Unidades: importación CSV", ADMIN, "POST", "/org-units/import", null, Store.ORG_UNITS, List.of());
        Map<String, String> unitCsvs = new LinkedHashMap<>();
        unitCsvs.put("fórmula en la clave", "code,name,level,parent\n=1+1,Municipio,MUNICIPAL,10\n");
        unitCsvs.put("carácter NUL en la clave", "code,name,level,parent\n10\u0000997,Municipio,MUNICIPAL,10\n");
        unitCsvs.put("nivel desconocido", "code,name,level,parent\n10997,Municipio,NO_EXISTE,10\n");
        unitCsvs.put("clave de 2 000 caracteres", "code,name,level,parent\n" + repeat("1", 2000) + ",Municipio,MUNICIPAL,10\n");
        unitCsvs.put("comilla sin cerrar", "code,name,level,parent\n10997,\"Municipio,MUNICIPAL,10\n");
        unitCsvs.put("celda de 1 MB", "code,name,level,parent\n10997," + ONE_MB + ",MUNICIPAL,10\n");
        unitCsvs.forEach((label, body) -> cases.add(new Case(units.name(), label, ADMIN, "POST", units.path(), "text/csv", body, null,
                Map.of(), Store.ORG_UNITS, null)));

        Family agencies = new Family("Dependencias: importación XLSX/CSV", ADMIN, "POST", "/agencies/import", null, Store.AGENCIES, List.of());
        cases.add(bytes(agencies, "bomba zip", XLSX, HostilePayloads::zipBomb, Map.of()));
        cases.add(bytes(agencies, "XLSX truncado", XLSX, HostileFixtures::truncatedSpreadsheet, Map.of()));
        cases.add(bytes(agencies, "zip sin libro de cálculo", XLSX, HostilePayloads::zipWithoutWorkbook, Map.of()));
        cases.add(bytes(agencies, "CSV con fórmula en la clave", "text/csv",
                HostileCorpus.textBody("id,name,kind\n\"" + FORMULA.replace("\"", "\"\"") + "\",Dependencia,PUBLIC\n"), Map.of()));
        cases.add(bytes(agencies, "CSV truncado", "text/csv", HostileCorpus.textBody("id,name,kind\n\"HC-DGO,Depe"), Map.of()));

        // bodies over each service's limit (programs-service 32 MB, cases-service 16 MB; the gateway forwards up to 64 MB)
        cases.add(new Case("Límite de tamaño", "33 MB a programs-service (importación)", ADMIN, "POST", "/work-plans/import",
                "application/json", null, () -> HostilePayloads.oversized(33 * 1024 * 1024), Map.of(), Store.PLANS, null));
        cases.add(new Case("Límite de tamaño", "17 MB a cases-service (beneficiarios)", CASE_WORKER, "POST", "/beneficiaries",
                "application/json", null, () -> HostilePayloads.oversized(17 * 1024 * 1024), Map.of(), Store.BENEFICIARIES, null));
        cases.add(new Case("Planes: importación JSON", "bomba gzip (Content-Encoding: gzip)", ADMIN, "POST", "/work-plans/import",
                "application/json", null, HostilePayloads::gzipBomb, Map.of("Content-Encoding", "gzip"), Store.PLANS, null));
        return cases;
    }

    /** Query parameters of every read: text where a number goes (400 naming it), hostile strings where a code goes. */
    static List<Case> reads() {
        List<Case> c = new ArrayList<>();
        Field orgUnit = code("orgUnit");
        Field fiscalYear = year("fiscalYear");
        Field period = code("period");
        Field page = number("page");
        Field size = number("size");
        c.addAll(queryCases("Planes: lectura", ADMIN, "/work-plans" + Q_PLAN, Store.PLANS, List.of(orgUnit, fiscalYear, page)));
        c.addAll(queryCases("Planes: programas", ANALYST, "/programs/HC-01" + Q_PLAN, Store.PLANS, List.of(orgUnit, fiscalYear)));
        c.addAll(queryCases("Planes: metas", ANALYST, "/targets" + Q_PLAN, Store.PLANS, List.of(fiscalYear, text("caseMetric"), page)));
        c.addAll(queryCases("Unidades: lectura", ANALYST, "/org-units?parent=10", Store.ORG_UNITS, List.of(text("parent"), text("level"))));
        c.addAll(queryCases("Actividades: lista", OPERATOR, "/activities?orgUnit=" + UNIT, Store.ACTIVITIES,
                List.of(orgUnit, date("from"), page)));
        c.addAll(queryCases("Indicadores", ANALYST, "/indicators/HC-01-01" + Q_PERIOD, Store.INDICATOR, List.of(orgUnit, period)));
        c.addAll(queryCases("Avance de programa", ANALYST, "/programs/HC-01/progress" + Q_PERIOD, Store.INDICATOR, List.of(orgUnit, period)));
        c.addAll(queryCases("Metas de intervención", ANALYST, "/outcome-goals" + Q_PLAN, Store.INDICATOR, List.of(orgUnit, fiscalYear)));
        c.addAll(queryCases("Informe de cierre", ANALYST, "/reports/closing" + Q_PLAN, Store.INDICATOR,
                List.of(orgUnit, fiscalYear)));
        c.addAll(queryCases("Indicadores de procedimiento", DIRECTOR, "/indicators/procedure" + Q_PERIOD, Store.INDICATOR,
                List.of(orgUnit, period)));
        c.addAll(queryCases("Beneficiarios: búsqueda", CASE_WORKER, "/beneficiaries?orgUnit=" + UNIT, Store.BENEFICIARIES,
                List.of(orgUnit, text("curp"), page)));
        c.addAll(queryCases("Casos: lista", CASE_WORKER, "/cases?orgUnit=" + UNIT, Store.CASES,
                List.of(enumeration("status"), enumeration("category"), date("from"), page)));
        c.addAll(queryCases("Canalizaciones: lista", CASE_WORKER, "/referrals?orgUnit=" + UNIT, Store.REFERRALS,
                List.of(enumeration("status"), uuid("caseId"), page)));
        c.addAll(queryCases("Bandeja de la dependencia", SALUD, "/referrals?agency=SALUD-DGO", Store.REFERRALS,
                List.of(code("agency"), enumeration("status"), size)));
        c.addAll(queryCases("Aprobaciones: lista", DIRECTOR, "/approvals?orgUnit=" + UNIT, Store.APPROVALS,
                List.of(enumeration("status"), page)));
        c.addAll(queryCases("Peticiones de seguimiento: lista", CASE_WORKER, "/follow-up-requests?orgUnit=" + UNIT, Store.FOLLOW_UPS,
                List.of(enumeration("status"), size)));
        c.addAll(queryCases("Tareas", CASE_WORKER, "/tasks?orgUnit=" + UNIT, Store.CASES, List.of(orgUnit, date("asOf"))));
        c.addAll(queryCases("Auditoría", DIRECTOR, "/audit?orgUnit=" + UNIT, Store.CASES,
                List.of(orgUnit, text("resourceType"), date("from"), page)));
        c.addAll(queryCases("Webhooks: lista", ADMIN, "/webhooks", Store.WEBHOOKS, List.of(text("agency"), page)));
        c.addAll(queryCases("Webhooks: entregas", SALUD, "/webhooks/{webhook}/deliveries", Store.WEBHOOKS, List.of(enumeration("state"), size)));
        c.addAll(queryCases("Informe mensual", CASE_WORKER, "/reports/monthly?orgUnit=" + UNIT + "&month=" + YEAR + "-03", Store.MONTHLY,
                List.of(orgUnit, date("month"), code("format"))));
        c.addAll(queryCases("Administración: mensajes muertos", ADMIN, "/admin/dead-letters", Store.DEAD_LETTERS,
                List.of(text("topic"), page)));
        return c;
    }

    /** Hostile path parameters: ids that are not ids, traversal, NUL, overlong segments. */
    static List<Case> paths() {
        List<Case> c = new ArrayList<>();
        String[][] targets = {
                {"Planes: lectura", ADMIN, "GET", "/work-plans/%s", "PLANS"},
                {"Planes: editar meta", ADMIN, "PUT", "/work-plans/{plan}/targets/%s", "PLANS"},
                {"Unidades: lectura", ANALYST, "GET", "/org-units/%s", "ORG_UNITS"},
                {"Actividades: retracción", OPERATOR, "POST", "/activities/%s/retraction", "ACTIVITIES"},
                {"Indicadores", ANALYST, "GET", "/indicators/%s" + Q_PERIOD, "INDICATOR"},
                {"Avance de programa", ANALYST, "GET", "/programs/%s/progress" + Q_PERIOD, "INDICATOR"},
                {"Beneficiarios: lectura", CASE_WORKER, "GET", "/beneficiaries/%s", "BENEFICIARIES"},
                {"Casos: transición", CASE_WORKER, "POST", "/cases/%s/transitions", "CASES"},
                {"Canalizaciones: carta", CASE_WORKER, "POST", "/referrals/%s/letter", "REFERRALS"},
                {"Dependencias: lectura", ANALYST, "GET", "/agencies/%s", "AGENCIES"},
                {"Aprobaciones: decisión", DIRECTOR, "POST", "/approvals/%s/decision", "APPROVALS"},
                {"Webhooks: prueba", SALUD, "POST", "/webhooks/%s/test", "WEBHOOKS"},
                {"Administración: mensajes muertos", ADMIN, "GET", "/admin/dead-letters/%s/0", "DEAD_LETTERS"},
        };
        Map<String, String> values = new LinkedHashMap<>();
        values.put("inyección SQL", "1%27%20OR%20%271%27%3D%271");
        values.put("recorrido de directorios", "..%2F..%2F..%2Fetc%2Fpasswd");
        values.put("carácter NUL", "abc%00def");
        values.put("segmento de 3 000 caracteres", repeat("9", 3000));
        for (String[] t : targets) {
            String body = t[2].equals("GET") ? null : "{\"to\":\"REJECTED\",\"reason\":\"x\",\"decision\":\"REJECTED\"}";
            values.forEach((label, v) -> c.add(path(t[0], "ruta: " + label, t[1], t[2], String.format(t[3], v), Store.valueOf(t[4]), body)));
        }
        c.add(path("Administración: mensajes muertos", "partición 2^63", ADMIN, "GET", "/admin/dead-letters/" + HostilePayloads.HUGE_INTEGER + "/0",
                Store.DEAD_LETTERS, null));
        c.add(path("Administración: mensajes muertos", "offset negativo", ADMIN, "POST", "/admin/dead-letters/0/-1/replay",
                Store.DEAD_LETTERS, null));
        c.add(path("Administración: mensajes muertos", "offset con texto", ADMIN, "POST", "/admin/dead-letters/0/abc/replay",
                Store.DEAD_LETTERS, null));
        return c;
    }
}
