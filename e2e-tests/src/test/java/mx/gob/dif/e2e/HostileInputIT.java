package mx.gob.dif.e2e;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.e2e.HostileCorpus.Case;
import mx.gob.dif.e2e.HostileCorpus.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Issue 12, item 6: the hostile-input corpus ({@link HostileFamilies}), through the gateway with real
 * tokens of roles allowed to make each call. Every case must be refused with a 4xx
 * {@code application/problem+json} whose detail (or title) is Spanish, never a 5xx; a query parameter
 * that must be a number and is not is named in the answer; what the family stores is the same before
 * and after; and the run's personal-data markers (a fictitious surname and CURP) appear in no log of
 * the stack (services, gateway, PostgreSQL, Kafka, Keycloak), checked after every case and once more
 * at the end.
 */
class HostileInputIT {
    private static final Pattern SPANISH = Pattern.compile(
            "[áéíóúñ¿]|\\b(el|la|los|las|de|del|un|una|es|no|debe|se|que|con|por|para|en|sin|admite|falta|desconocid[oa]|valor|estado|use|fecha|clave)\\b");
    private static final Pattern ENGLISH = Pattern.compile(
            "(?i)\\b(the|cannot|unexpected|unrecognized|exception|not found|must be|request entity|too large|bad request)\\b");

    /** What each store held before the cases that touch it (re-read after a case that changed it). */
    private static final Map<Store, String> baseline = new EnumMap<>(Store.class);
    private static String lastFamily;
    /** How far each log file of the stack has been read. */
    private static final Map<Path, Long> logRead = new HashMap<>();

    @BeforeAll
    static void fixtures() {
        Api.useGateway();
        HostileFixtures.create();
        logsSinceLastCheck();
        Map<String, Long> perFamily = new TreeMap<>(HostileFamilies.all().stream()
                .collect(Collectors.groupingBy(Case::family, Collectors.counting())));
        System.out.println("[HostileInputIT] " + HostileFamilies.all().size() + " cases; per family: " + perFamily);
    }

    @Test
    void theFixturesAreMade() {
        assertTrue(HostileFixtures.problems.isEmpty(), "fixtures that could not be made:\n  " + String.join("\n  ", HostileFixtures.problems));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsASpanishProblemAndChangesNothing() {
        return Stream.concat(
                HostileFamilies.all().stream().map(c -> dynamicTest(c.name(), () -> check(c))),
                Stream.of(dynamicTest("ningún log de la pila contiene los marcadores de datos personales", HostileInputIT::noMarkerInAnyLog)));
    }

    private static void check(Case c) {
        // a read stores nothing of its own (the audit entry it leaves is meant to be there): writes are counted, and of
        // reads the indicator value they serve
        boolean write = !c.method().equals("GET") || c.store() == Store.INDICATOR;
        if (write && (!c.family().equals(lastFamily) || !baseline.containsKey(c.store()))) {
            baseline.put(c.store(), HostileFixtures.snapshot(c.store())); // other families' writes may touch this store
        }
        lastFamily = c.family();
        String before = baseline.get(c.store());
        String url = url(c);
        Response r;
        try {
            r = request(c).request(c.method(), url);
        } catch (RuntimeException e) {
            fail(c.name() + ": the request did not complete (" + e + ")");
            return;
        }
        String seen = c.method() + " " + abbreviate(url, 160) + " → " + r.statusCode() + " " + abbreviate(r.asString(), 300);
        try {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 401, "expected a 4xx refusal, got: " + seen);
            String type = r.getContentType() == null ? "" : r.getContentType();
            assertTrue(type.startsWith("application/problem+json"), "expected application/problem+json, got '" + type + "': " + seen);
            JsonPath problem = JsonPath.from(r.asString());
            String detail = problem.getString("detail");
            String text = detail == null || detail.isBlank() ? problem.getString("title") : detail;
            assertTrue(text != null && !text.isBlank(), "the problem has neither detail nor title: " + seen);
            assertTrue(spanish(text), "the problem's detail is not Spanish: " + seen);
            if (c.param() != null) {
                assertEquals(400, r.statusCode(), "a non-numeric '" + c.param() + "' is a 400: " + seen);
                assertTrue(text.contains(c.param()), "the detail does not name the parameter '" + c.param() + "': " + seen);
            }
        } finally {
            String leaked = logsSinceLastCheck();
            if (write) {
                String after = HostileFixtures.snapshot(c.store());
                baseline.put(c.store(), after);
                assertEquals(before, after, "the refused request changed what is stored (" + c.store() + "): " + seen);
            }
            assertTrue(leaked.isEmpty(), "personal data of the payload reached a log: " + leaked);
        }
    }

    private static RequestSpecification request(Case c) {
        RequestSpecification spec = Tokens.as(c.who()).urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        c.headers().forEach((name, value) -> {
            if (!name.startsWith("query:")) {
                spec.header(name, value);
            }
        });
        if (c.contentType() != null) {
            spec.contentType(c.contentType());
        }
        if (c.bytes() != null) {
            spec.body(c.bytes().get());
        } else if (c.text() != null) {
            spec.body(HostileFixtures.resolve(c.text()).getBytes(StandardCharsets.UTF_8));
        }
        return spec;
    }

    /** The case's path with its fixtures, and its query with the hostile parameter put in place, URL-encoded. */
    static String url(Case c) {
        String resolved = HostileFixtures.resolve(c.path());
        int q = resolved.indexOf('?');
        String path = q < 0 ? resolved : resolved.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : resolved.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        c.headers().forEach((name, value) -> {
            if (name.startsWith("query:")) {
                query.put(name.substring(6), value);
            }
        });
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return RestAssured.baseURI + "/api/v1" + path + (encoded.isEmpty() ? "" : "?" + encoded);
    }

    static boolean spanish(String text) {
        return SPANISH.matcher(text.toLowerCase(Locale.ROOT)).find() && !ENGLISH.matcher(text).find();
    }

    // ------------------------------------------------------------------ the stack's logs

    /**
     * Every log file of the stack: the services' and gateway's, PostgreSQL's, Kafka's and Keycloak's. The servers'
     * data directories are not entered, and a file that goes while the tree is read (Kafka replaces its checkpoint
     * files all the time) is passed over.
     */
    private static List<Path> logFiles() {
        List<Path> logs = new ArrayList<>();
        try {
            Files.walkFileTree(PlatformStack.get().runDir(), java.util.Set.of(), 3, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName().toString().equals("data") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".log")) {
                        logs.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }

    /** The markers found in what the logs gained since the last call ("" when none), as "file: marker". */
    private static String logsSinceLastCheck() {
        StringBuilder found = new StringBuilder();
        for (Path file : logFiles()) {
            long from = logRead.getOrDefault(file, 0L);
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length < from) {
                    from = 0;
                }
                byte[] added = new byte[(int) Math.min(length - from, Integer.MAX_VALUE - 8)];
                in.seek(from);
                in.readFully(added);
                logRead.put(file, from + added.length);
                found.append(markersIn(file, new String(added, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.toString();
    }

    private static String markersIn(Path file, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder found = new StringBuilder();
        for (String marker : List.of(HostilePayloads.MARKER, HostilePayloads.CURP)) {
            if (lower.contains(marker.toLowerCase(Locale.ROOT))) {
                found.append(file.getFileName()).append(": ").append(marker.equals(HostilePayloads.CURP) ? "la CURP" : "el apellido").append("; ");
            }
        }
        return found.toString();
    }

    private static void noMarkerInAnyLog() throws IOException {
        StringBuilder found = new StringBuilder();
        for (Path file : logFiles()) {
            found.append(markersIn(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        }
        assertTrue(found.isEmpty(), "personal data of the corpus reached the logs: " + found);
    }

    private static String abbreviate(String s, int max) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }
}
