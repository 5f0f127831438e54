package mx.gob.dif.common.rest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which characters a JSON body's texts may not hold (found in the hostile-input corpus: a NUL answered 500). */
class ControlCharactersTest {

    private static String first(String json) {
        return ControlCharacters.firstIn(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void escapedControlCharactersAreFoundAndNamed() {
        assertTrue(first("{\"name\":\"Ana\\u0000\"}").contains("U+0000"));
        assertTrue(first("{\"note\":\"\\u001b[2J\"}").contains("U+001B"));
        assertNotNull(first("{\"note\":\"a\\u007F\"}"));
    }

    @Test
    void bidirectionalOverridesAreFoundEscapedOrRaw() {
        assertTrue(first("{\"code\":\"\\u202e10005\"}").contains("U+202E"));
        assertTrue(first("{\"code\":\"\u202e10005\"}").contains("U+202E"));
        assertTrue(first("{\"code\":\"\u2066x\u2069\"}").contains("U+2066"));
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertNull(first("{\"note\":\"Línea 1\\nLínea 2\\t(tab)\\r\",\"name\":\"Ñandú “comillas” — guion €\"}"));
        // an escaped backslash followed by the letters u0000 is text, not a NUL
        assertNull(first("{\"path\":\"C:\\\\u0000\"}"));
        assertNull(first("{\"a\":\"\\\"\",\"b\":\"\\u00e9\"}"));
    }
}
