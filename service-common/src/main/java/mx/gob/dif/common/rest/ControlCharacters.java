package mx.gob.dif.common.rest;

/**
 * Finds, in a JSON document's bytes (UTF-8), the characters no text of the platform may hold: C0 control
 * characters other than tab, line feed and carriage return (JSON lets them in only as backslash-u
 * escapes; PostgreSQL refuses NUL in text, and ESC sequences rewrite a terminal that shows a log), and
 * the bidirectional embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
 * name or code read differently from what is stored. Plain Java: {@link JsonTextGuard} applies it.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** A Spanish description of the first forbidden character in {@code json}, or null when there is none. */
    public static String firstIn(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == '\\') {
                int hex = escapedCodePoint(json, i);
                if (hex >= 0 && forbidden(hex)) {
                    return describe(hex);
                }
                i++; // the escaped character is not itself the start of an escape
            } else if ((b & 0xFF) == 0xE2 && i + 2 < json.length) {
                int cp = ((b & 0x0F) << 12) | ((json[i + 1] & 0x3F) << 6) | (json[i + 2] & 0x3F);
                if (bidiControl(cp)) {
                    return describe(cp);
                }
            }
        }
        return null;
    }

    /** Whether a text (read from a CSV or a spreadsheet, where no JSON escape is involved) holds one of these characters. */
    public static boolean in(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::forbidden);
    }

    /** The code point of a backslash-u escape starting at {@code at}, or -1 when it is another escape. */
    private static int escapedCodePoint(byte[] json, int at) {
        if (at + 5 >= json.length || json[at + 1] != 'u') {
            return -1;
        }
        int cp = 0;
        for (int k = at + 2; k < at + 6; k++) {
            int d = Character.digit(json[k], 16);
            if (d < 0) {
                return -1;
            }
            cp = cp * 16 + d;
        }
        return cp;
    }

    static boolean forbidden(int cp) {
        return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F || bidiControl(cp);
    }

    private static boolean bidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String describe(int cp) {
        return "El cuerpo contiene un carácter de control (U+" + String.format("%04X", cp) + ") en un texto; los textos no pueden "
                + "llevar caracteres de control ni marcas de dirección del texto. Quítelo y envíe de nuevo.";
    }
}
