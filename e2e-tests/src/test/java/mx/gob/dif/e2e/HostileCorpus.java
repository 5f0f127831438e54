package mx.gob.dif.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static mx.gob.dif.e2e.HostilePayloads.quote;
import static mx.gob.dif.e2e.HostilePayloads.repeat;
import static mx.gob.dif.e2e.HostilePayloads.utf8;
import static mx.gob.dif.e2e.HostilePayloads.with;

/**
 * The hostile-input corpus as data: every endpoint family (a request that works, {@link Family}) crossed
 * with the mutations that apply to it (malformed bodies, wrong types, nulls, extreme numbers, huge,
 * control-character, mixed-script, SQL, HTML and formula strings, unknown enum values, wrong content
 * types, bombs, bodies over the limit, bad query and path parameters). Each {@link Case} is named
 * "family · mutation"; {@link HostileInputIT} runs them all and expects a Spanish 4xx problem every time.
 * Paths and bodies may name fixtures as {@code {plan}}, {@code {case}} … which the test creates first.
 */
final class HostileCorpus {
    static final int YEAR = HostileFixtures.YEAR;
    static final String UNIT = HostileFixtures.UNIT;

    /** What a family stores (or, for reads, the value it serves), counted before and after each case. */
    enum Store { PLANS, ORG_UNITS, ACTIVITIES, INDICATOR, BENEFICIARIES, CASES, REFERRALS, AGENCIES, APPROVALS, FOLLOW_UPS,
        WEBHOOKS, MONTHLY, DEAD_LETTERS }

    /** How a field's value is meant: which mutations apply to it. */
    enum Kind { CODE, TEXT, NUMBER, YEAR, ENUM, DATE, UUID }

    record Field(String name, Kind kind) {
    }

    /** One request that works (for bodies: the shape a valid one has), by whom, and what it stores. */
    record Family(String name, String who, String method, String path, String template, Store store, List<Field> fields) {
    }

    /**
     * One hostile request. {@code text} is a body with fixture placeholders, {@code bytes} a binary one;
     * {@code param} is the query parameter the problem's detail must name (or null).
     */
    record Case(String family, String mutation, String who, String method, String path, String contentType, String text,
                Supplier<byte[]> bytes, Map<String, String> headers, Store store, String param) {
        String name() {
            return family + " · " + mutation;
        }
    }

    static Field code(String name) {
        return new Field(name, Kind.CODE);
    }

    static Field text(String name) {
        return new Field(name, Kind.TEXT);
    }

    static Field number(String name) {
        return new Field(name, Kind.NUMBER);
    }

    static Field year(String name) {
        return new Field(name, Kind.YEAR);
    }

    static Field enumeration(String name) {
        return new Field(name, Kind.ENUM);
    }

    static Field date(String name) {
        return new Field(name, Kind.DATE);
    }

    static Field uuid(String name) {
        return new Field(name, Kind.UUID);
    }

    // ------------------------------------------------------------------ mutations

    /** What is done to a whole JSON body, whatever the family. */
    static Map<String, String> structural(String template) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("JSON truncado a la mitad", template.substring(0, template.length() / 2));
        m.put("JSON con comillas simples", template.replace('"', '\''));
        m.put("cuerpo vacío", "");
        m.put("null como cuerpo", "null");
        m.put("un número como cuerpo", "12345");
        m.put("100 000 corchetes anidados", HostilePayloads.deepNesting(100_000));
        return m;
    }

    /** What is done to one field's value, by the field's kind (raw JSON values). */
    static Map<String, String> forField(Kind kind) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (kind) {
            case CODE -> {
                m.put("un objeto", "{\"$gt\":\"\"}");
                m.put("inyección SQL", quote(HostilePayloads.SQL));
                m.put("HTML con script", quote(HostilePayloads.HTML));
                m.put("carácter NUL", quote(HostilePayloads.NUL));
                m.put("override RTL", quote(HostilePayloads.RTL));
                m.put("mezcla de alfabetos (cirílico)", quote(HostilePayloads.MIXED));
                m.put("2 000 caracteres", quote(repeat("A", 2000)));
                m.put("1 MB", quote(HostilePayloads.ONE_MB));
            }
            case TEXT -> {
                m.put("un objeto", "{\"nombre\":\"" + HostilePayloads.MARKER + "\"}");
                m.put("1 MB", quote(HostilePayloads.ONE_MB));
                m.put("carácter NUL", quote(HostilePayloads.MARKER + "\u0000"));
                m.put("secuencia de escape de terminal", quote(HostilePayloads.MARKER + "\u001b[2J\u001b[31m"));
            }
            case NUMBER -> {
                m.put("texto", "\"diez\"");
                m.put("1e400", "1e400");
                m.put("1e-400", "1e-400");
                m.put("2^63", HostilePayloads.HUGE_INTEGER);
                m.put("negativo", "-1");
            }
            case YEAR -> {
                m.put("texto", "\"abc\"");
                m.put("null", "null");
                m.put("-0", "-0");
                m.put("1e400", "1e400");
                m.put("2^63", HostilePayloads.HUGE_INTEGER);
                m.put("año 99999", "99999");
            }
            case ENUM -> {
                m.put("valor desconocido", "\"NO_EXISTE\"");
                m.put("inyección SQL", quote(HostilePayloads.SQL));
            }
            case DATE -> {
                m.put("30 de febrero", "\"2017-02-30\"");
                m.put("formato dd/mm/aaaa", "\"31/12/2017\"");
                m.put("año de 9 cifras", "\"+999999999-12-31\"");
                m.put("inyección SQL", quote("2017-03-01'; DROP TABLE activity;--"));
            }
            case UUID -> {
                m.put("no es UUID", "\"no-es-un-uuid\"");
                m.put("inyección SQL", quote(HostilePayloads.SQL));
                m.put("UUID que no existe", "\"00000000-0000-0000-0000-000000000000\"");
            }
        }
        return m;
    }

    /** Every case of a JSON family: the structural mutations, then each field's. */
    static List<Case> jsonCases(Family f) {
        List<Case> cases = new ArrayList<>();
        structural(f.template()).forEach((label, body) -> cases.add(json(f, label, body)));
        for (Field field : f.fields()) {
            forField(field.kind()).forEach((label, value) ->
                    cases.add(json(f, field.name() + ": " + label, with(f.template(), field.name(), value))));
        }
        return cases;
    }

    /** The content-type mutations of a JSON family (one body, announced as something else). */
    static List<Case> contentTypeCases(Family f) {
        return List.of(
                new Case(f.name(), "Content-Type text/plain", f.who(), f.method(), f.path(), "text/plain", f.template(), null, Map.of(), f.store(), null),
                new Case(f.name(), "Content-Type application/xml", f.who(), f.method(), f.path(), "application/xml",
                        "<plan><orgUnit>" + UNIT + "</orgUnit></plan>", null, Map.of(), f.store(), null),
                new Case(f.name(), "UTF-8 inválido", f.who(), f.method(), f.path(), "application/json", null,
                        () -> HostilePayloads.invalidUtf8(f.template()), Map.of(), f.store(), null));
    }

    static Case json(Family f, String mutation, String body) {
        return new Case(f.name(), mutation, f.who(), f.method(), f.path(), "application/json", body, null, Map.of(), f.store(), null);
    }

    static Case bytes(Family f, String mutation, String contentType, Supplier<byte[]> body, Map<String, String> headers) {
        return new Case(f.name(), mutation, f.who(), f.method(), f.path(), contentType, null, body, headers, f.store(), null);
    }

    /** A GET whose query parameter {@code param} is replaced by {@code value} (URL-encoded by the runner). */
    static Case query(String family, String who, String path, Store store, String param, String mutation, String value, boolean named) {
        return new Case(family, param + ": " + mutation, who, "GET", path, null, null, null, Map.of("query:" + param, value), store,
                named ? param : null);
    }

    /** The query-parameter mutations of a read: numbers get text and extremes, codes get hostile strings. */
    static List<Case> queryCases(String family, String who, String path, Store store, List<Field> params) {
        List<Case> cases = new ArrayList<>();
        for (Field p : params) {
            if (p.kind() == Kind.TEXT) {
                // a free filter (a name, a metric, a topic) may match nothing: only what no text may hold is refused
                cases.add(query(family, who, path, store, p.name(), "carácter NUL", HostilePayloads.NUL, false));
            } else if (p.kind() == Kind.NUMBER || p.kind() == Kind.YEAR) {
                cases.add(query(family, who, path, store, p.name(), "texto", "abc", true));
                cases.add(query(family, who, path, store, p.name(), "2^63", HostilePayloads.HUGE_INTEGER, true));
            } else {
                cases.add(query(family, who, path, store, p.name(), "inyección SQL", HostilePayloads.SQL, false));
                cases.add(query(family, who, path, store, p.name(), "carácter NUL", HostilePayloads.NUL, false));
                cases.add(query(family, who, path, store, p.name(), "3 000 caracteres", repeat("1", 3000), false));
            }
        }
        return cases;
    }

    /** A request whose path is {@code path} (already hostile). */
    static Case path(String family, String mutation, String who, String method, String path, Store store, String body) {
        return new Case(family, mutation, who, method, path, body == null ? null : "application/json", body, null, Map.of(), store, null);
    }

    static Supplier<byte[]> textBody(String s) {
        return () -> utf8(s);
    }
}
