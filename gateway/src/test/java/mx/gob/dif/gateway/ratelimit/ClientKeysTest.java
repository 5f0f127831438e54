package mx.gob.dif.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientKeysTest {
    private final ClientKeys behindProxy = new ClientKeys(List.of("10.0.0.2", " 0:0:0:0:0:0:0:1 "));
    private final ClientKeys direct = new ClientKeys(List.of());

    @Test
    void aValidatedTokenIsKeyedByClientAndSubject() {
        assertEquals("client:agencia-salud/186194b8", ClientKeys.ofToken("agencia-salud", "186194b8"));
        assertEquals("client:dif-web/740bcb61", ClientKeys.ofToken(" dif-web ", "740bcb61"));
        assertNotEquals(ClientKeys.ofToken("dif-web", "a"), ClientKeys.ofToken("dif-web", "b"));
    }

    @Test
    void tokensWithoutUsableClaimsGetNoTokenKey() {
        assertNull(ClientKeys.ofToken(null, "s"));
        assertNull(ClientKeys.ofToken("c", null));
        assertNull(ClientKeys.ofToken(" ", "s"));
        assertNull(ClientKeys.ofToken("c", "x".repeat(ClientKeys.MAX_KEY_LENGTH)));
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        assertEquals("ip:127.0.0.1", direct.ofAddress("203.0.113.5", "127.0.0.1"));
        assertEquals("ip:198.51.100.7", behindProxy.ofAddress("203.0.113.5", "198.51.100.7"));
    }

    @Test
    void firstForwardedForAddressFromATrustedProxy() {
        assertEquals("ip:203.0.113.5", behindProxy.ofAddress(" 203.0.113.5 , 198.51.100.1", "10.0.0.2"));
        assertEquals("ip:2001:db8::1", behindProxy.ofAddress("2001:DB8::1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void thePeerWhenTheProxySentNothingUsable() {
        assertEquals("ip:10.0.0.2", behindProxy.ofAddress(null, "10.0.0.2"));
        assertEquals("ip:10.0.0.2", behindProxy.ofAddress("", "10.0.0.2"));
        assertEquals("ip:10.0.0.2", behindProxy.ofAddress(" , 10.0.0.1", "10.0.0.2"));
    }

    @Test
    void unknownWhenNothingIdentifiesTheCaller() {
        assertEquals("ip:unknown", direct.ofAddress(null, null));
    }

    @Test
    void aClientNamedLikeAnAddressDoesNotShareItsBucket() {
        assertNotEquals(direct.ofAddress(null, "127.0.0.1"), ClientKeys.ofToken("127.0.0.1", "s"));
    }
}
