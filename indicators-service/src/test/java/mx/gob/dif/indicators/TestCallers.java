package mx.gob.dif.indicators;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;

/** Who the indicators tests call as: reads need a token like every call; rebuilds need the administrator. */
public final class TestCallers {
    private TestCallers() {
    }

    /** Reads as a national analyst (unit MX), who sees every unit these tests use. */
    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.analyst("MX"));
    }

    public static RequestSpecification asAdministrator() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }
}
