package mx.gob.dif.common.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aTokenIsRememberedUntilTheSecondItExpires() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.put("a.b.c", 1_060, "operadora");
        now.set(1_059);
        assertEquals("operadora", tokens.get("a.b.c"));
        now.set(1_060);
        assertNull(tokens.get("a.b.c"), "at its exp second the token is no longer valid");
        assertEquals(0, tokens.size(), "an expired entry is dropped when found");
    }

    @Test
    void onlyTheVeryTokenFindsItsEntry() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.put("a.b.c", 2_000, "operadora");
        assertNull(tokens.get("a.b.d"));
        assertNull(tokens.get("a.b.c "));
        assertNull(tokens.get("A.b.c"));
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.put("a.b.c", 1_000, "operadora");
        assertEquals(0, tokens.size());
    }

    @Test
    void theLeastRecentlyUsedTokenGoesFirstWhenFull() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(2, now::get);
        tokens.put("uno", 2_000, "1");
        tokens.put("dos", 2_000, "2");
        assertEquals("1", tokens.get("uno")); // "dos" is now the least recently used
        tokens.put("tres", 2_000, "3");
        assertEquals(2, tokens.size());
        assertNull(tokens.get("dos"));
        assertEquals("1", tokens.get("uno"));
        assertEquals("3", tokens.get("tres"));
    }

    @Test
    void capacityZeroRemembersNothing() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(0, now::get);
        tokens.put("uno", 2_000, "1");
        assertNull(tokens.get("uno"));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens<String>(-1, now::get));
    }
}
