package mx.gob.dif.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientKeysTest {
    private final ClientKeys keys = new ClientKeys(true);

    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void azpOfTheBearerTokenComesFirst() {
        assertEquals("client:agencia-salud", keys.keyFor("Bearer " + jwt("{\"azp\":\"agencia-salud\",\"client_id\":\"x\"}"),
                "203.0.113.5", "127.0.0.1"));
    }

    @Test
    void clientIdWhenThereIsNoAzp() {
        assertEquals("client:agencia-educacion", keys.keyFor("Bearer " + jwt("{\"client_id\":\"agencia-educacion\"}"), null, "127.0.0.1"));
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals("client:dif-web", keys.keyFor("bearer " + jwt("{\"azp\":\"dif-web\"}"), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer not-a-jwt", "Bearer a.b", "Bearer a.%%%.c", "Bearer a.e30.c.d", "Basic dXNlcjpwYXNz", "Bearer ", ""})
    void undecodableTokensFallBackToTheAddress(String authorization) {
        assertEquals("ip:203.0.113.5", keys.keyFor(authorization, "203.0.113.5, 10.0.0.1", "127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[1,2]", "\"azp\"", "{\"azp\":42}", "{\"azp\":\"\"}", "{\"azp\":\"  \"}", "{\"sub\":\"x\"}", "{not json"})
    void tokensWithoutAUsableClaimFallBackToTheAddress(String payload) {
        assertEquals("ip:127.0.0.1", keys.keyFor("Bearer " + jwt(payload), null, "127.0.0.1"));
    }

    @Test
    void blankAzpFallsBackToClientId() {
        assertEquals("client:c", keys.keyFor("Bearer " + jwt("{\"azp\":\"\",\"client_id\":\"c\"}"), null, null));
    }

    @Test
    void absurdlyLongTokensOrClaimsAreNotDecoded() {
        assertNull(ClientKeys.clientOf("Bearer " + jwt("{\"azp\":\"a\",\"pad\":\"" + "x".repeat(ClientKeys.MAX_TOKEN_LENGTH) + "\"}")));
        assertNull(ClientKeys.clientOf("Bearer " + jwt("{\"azp\":\"" + "x".repeat(ClientKeys.MAX_KEY_LENGTH + 1) + "\"}")));
    }

    @Test
    void firstForwardedForAddressWhenThereIsNoToken() {
        assertEquals("ip:203.0.113.5", keys.keyFor(null, " 203.0.113.5 , 198.51.100.1", "127.0.0.1"));
        assertEquals("ip:2001:db8::1", keys.keyFor(null, "2001:DB8::1", "127.0.0.1"));
    }

    @Test
    void remoteAddressWhenForwardedForIsMissingOrEmpty() {
        assertEquals("ip:127.0.0.1", keys.keyFor(null, null, "127.0.0.1"));
        assertEquals("ip:127.0.0.1", keys.keyFor(null, "", "127.0.0.1"));
        assertEquals("ip:127.0.0.1", keys.keyFor(null, " , 10.0.0.1", "127.0.0.1"));
    }

    @Test
    void forwardedForIsIgnoredWhenNotTrusted() {
        assertEquals("ip:127.0.0.1", new ClientKeys(false).keyFor(null, "203.0.113.5", "127.0.0.1"));
    }

    @Test
    void unknownWhenNothingIdentifiesTheCaller() {
        assertEquals("ip:unknown", keys.keyFor(null, null, null));
    }

    @Test
    void aClientNamedLikeAnAddressDoesNotShareItsBucket() {
        String byToken = keys.keyFor("Bearer " + jwt("{\"azp\":\"127.0.0.1\"}"), null, "127.0.0.1");
        String byAddress = keys.keyFor(null, null, "127.0.0.1");
        assertEquals("client:127.0.0.1", byToken);
        assertEquals("ip:127.0.0.1", byAddress);
    }
}
