package mx.gob.dif.cases.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.cases.CaseTestSupport.curp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit trail fails closed: whatever a caller sends, the attempt is recorded, with the address it
 * really came from; and when the entry cannot be written, the person's data is not served.
 * Every person here is fictitious.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class AuditFailsClosedTest {
    static final String UNIT = "10005";
    static final String DIRECTOR = TestTokens.director(UNIT);

    @Inject
    AgroalDataSource db;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A user name no other run of these tests has used: each test counts its own entries. */
    static String unique(String prefix) {
        return prefix + "." + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** The newest entries of one actor, as the unit's director reads them. */
    static Response trailOf(String actor) {
        return as(DIRECTOR).get("/api/v1/audit?size=10&actor=" + actor).then().statusCode(200).extract().response();
    }

    @Test
    void aProbeWithAnOverlongOrgUnitOrControlCharactersIsRecorded() {
        String name = unique("sonda");
        String prober = TestTokens.person(name, UNIT, Roles.CASE_WORKER);
        int status = as(prober).get("/api/v1/beneficiaries?orgUnit=" + "1".repeat(2000)).then()
                .contentType("application/problem+json").extract().statusCode();
        assertEquals(403, status);
        // a NUL and an overlong id in the path: PostgreSQL refuses NUL in text, the column is cut
        as(prober).urlEncodingEnabled(false).get("/api/v1/cases/%00" + "9".repeat(1500)).then()
                .contentType("application/problem+json");

        Response trail = trailOf(name);
        trail.then().body("total", equalTo(2))
                .body("items.orgUnit", org.hamcrest.Matchers.everyItem(equalTo(UNIT)))
                .body("items.find { it.resourceType == 'BENEFICIARY' }.status", equalTo(403))
                .body("items.find { it.resourceType == 'CASE' }.resourceId.length()", equalTo(100));
    }

    @Test
    void aForgedForwardedForOnADirectCallRecordsTheRealPeerAndTheGatewaysIsBelieved() throws Exception {
        String directName = unique("directa");
        String direct = TestTokens.person(directName, UNIT, Roles.CASE_WORKER);
        as(direct).header("X-Forwarded-For", "203.0.113.9").get("/api/v1/beneficiaries?orgUnit=" + UNIT).then().statusCode(200);
        trailOf(directName).then().body("total", equalTo(1)).body("items[0].sourceIp", equalTo("127.0.0.1"));

        // the gateway (127.0.0.2 in tests: quarkus.http.proxy.trusted-proxies) forwards its caller's address
        String gatewayName = unique("por.la.puerta");
        String viaGateway = TestTokens.person(gatewayName, UNIT, Roles.CASE_WORKER);
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName("127.0.0.2"), 0)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/v1/beneficiaries?orgUnit=" + UNIT + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + viaGateway + "\r\nX-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 200 OK", statusLine);
        }
        trailOf(gatewayName).then().body("total", equalTo(1)).body("items[0].sourceIp", equalTo("198.51.100.7"));
    }

    @Test
    void whenTheEntryCannotBeWrittenThePersonsDataIsNotServed() throws Exception {
        String worker = TestTokens.caseWorker(UNIT);
        String curp = curp("BTCE850505MDGLRR0");
        String id = as(worker).body(Map.of("orgUnit", UNIT, "curp", curp, "firstName", "Bitacorina", "lastName", "Cerrada",
                "address", "Calle Secreta 42", "municipality", UNIT)).post("/api/v1/beneficiaries").then().statusCode(201)
                .extract().path("id");
        as(worker).get("/api/v1/beneficiaries/" + id).then().statusCode(200).body("firstName", equalTo("Bitacorina"));

        sql("create or replace function audit_refused() returns trigger language plpgsql as $$ begin "
                + "raise exception 'audit_entry refuses writes in this test'; end $$",
                "create trigger audit_refused before insert on audit_entry for each row execute function audit_refused()");
        try {
            for (Response r : new Response[]{as(worker).get("/api/v1/beneficiaries/" + id),
                    as(worker).get("/api/v1/beneficiaries?curp=" + curp),
                    as(worker).get("/api/v1/beneficiaries/" + id + "/history")}) {
                r.then().statusCode(503).contentType("application/problem+json")
                        .body("detail", containsString("bitácora de auditoría"))
                        .body(not(containsString("Bitacorina"))).body(not(containsString(curp))).body(not(containsString("Secreta")));
            }
            // refused before the resource ran (no token): not answered unrecorded either
            given().get("/api/v1/beneficiaries/" + id).then().statusCode(503).contentType("application/problem+json");
        } finally {
            sql("drop trigger audit_refused on audit_entry", "drop function audit_refused()");
        }
        as(worker).get("/api/v1/beneficiaries/" + id).then().statusCode(200).body("firstName", equalTo("Bitacorina"));
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
