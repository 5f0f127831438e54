package mx.gob.dif.programs.activity;

import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.catalog.CatalogLookup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of a single report, against an in-memory catalog: state 10 with a 2021 plan, municipality 10005 with its own. */
class ReportValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 6, 30);
    private static final UUID SERVER_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    /** 10 (state, plan 2021 with ST-01), 10005 (plan 2021 with DIF-01-03), 10001 (no plan of its own). */
    static final class FakeCatalog implements CatalogLookup {
        final AtomicInteger resolveCalls = new AtomicInteger();
        private final Map<String, String> parents = Map.of("10", "MX", "10005", "10", "10001", "10");
        private final Map<String, List<String>> plans = Map.of("10|2021", List.of("ST-01"), "10005|2021", List.of("DIF-01-03", "CASOS-01"));

        @Override
        public Optional<OrgUnitRef> orgUnit(String code) {
            return code.equals("MX") || parents.containsKey(code)
                    ? Optional.of(new OrgUnitRef(code, "Unidad " + code, "X", parents.get(code))) : Optional.empty();
        }

        @Override
        public Optional<ResolvedTarget> resolve(String orgUnit, int year, String indicator) {
            resolveCalls.incrementAndGet();
            for (String u = orgUnit; u != null; u = parents.get(u)) {
                if (plans.getOrDefault(u + "|" + year, List.of()).contains(indicator)) {
                    return Optional.of(new ResolvedTarget(u, year, "P", indicator, "Visita", BigDecimal.TEN, "SUM", List.of(),
                            indicator.startsWith("CASOS") ? "CASES_ATTENDED" : null));
                }
            }
            return Optional.empty();
        }

        @Override
        public boolean hasPlan(String orgUnit, int year) {
            for (String u = orgUnit; u != null; u = parents.get(u)) {
                if (plans.containsKey(u + "|" + year)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final FakeCatalog catalog = new FakeCatalog();
    private final List<Problem.FieldError> errors = new ArrayList<>();
    /** A state director by default: covers 10, 10001 and 10005, so the catalog rules below are tested alone. */
    private Identity reporter = who("10");

    private static Identity who(String orgUnit) {
        return new Identity("director." + orgUnit, Set.of(Roles.DIRECTOR), orgUnit, null);
    }

    private List<ReportValidator.Valid> validate(String... json) {
        List<ReportInput> items = new ArrayList<>();
        for (String j : json) {
            try {
                items.add(ActivityJson.report(EventJson.MAPPER.readTree(j)));
            } catch (Exception e) {
                throw new IllegalArgumentException(j, e);
            }
        }
        return new ReportValidator(catalog, reporter, TODAY, () -> SERVER_ID).validate(items, errors);
    }

    private static String report(String fields) {
        return "{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":80" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private void assertOneError(String field, String messagePart) {
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(0, errors.get(0).index());
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains(messagePart), errors.get(0).message());
    }

    @Test
    void aValidReportResolvesInTheUnitsOwnPlanAndGetsAServerId() {
        List<ReportValidator.Valid> v = validate(report("\"note\":\"Visitas a la familia Ficticia\""));
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(1, v.size());
        assertEquals(SERVER_ID, v.get(0).id());
        assertFalse(v.get(0).clientId());
        assertEquals("10005", v.get(0).planOrgUnit());
        assertEquals(2021, v.get(0).fiscalYear());
        assertEquals(new BigDecimal("80"), v.get(0).quantity());
        assertEquals("Visitas a la familia Ficticia", v.get(0).note());
    }

    @Test
    void aTargetCountedFromCasesTakesNoActivityReports() {
        List<ReportValidator.Valid> v = validate("{\"indicator\":\"CASOS-01\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":3}");
        assertTrue(v.isEmpty());
        assertOneError("indicator", "se calcula con los casos registrados (CASES_ATTENDED)");
    }

    @Test
    void aMunicipalityWithoutPlanReportsAgainstTheStatePlan() {
        List<ReportValidator.Valid> v = validate("{\"indicator\":\"ST-01\",\"orgUnit\":\"10001\",\"date\":\"2021-01-31\",\"quantity\":1}");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("10", v.get(0).planOrgUnit());
    }

    @Test
    void aClientIdIsKeptAndMustBeACanonicalUuid() {
        String id = UUID.randomUUID().toString();
        List<ReportValidator.Valid> v = validate(report("\"id\":\"" + id + "\""));
        assertEquals(UUID.fromString(id), v.get(0).id());
        assertTrue(v.get(0).clientId());

        validate(report("\"id\":\"1-1-1-1-1\""));
        assertOneError("id", "UUID");
    }

    @Test
    void aNumericIdIsRejected() {
        validate(report("\"id\":12345"));
        assertOneError("id", "12345");
    }

    @Test
    void theSameIdTwiceInOneRequestIsRejectedAtTheSecond() {
        String id = UUID.randomUUID().toString();
        validate(report("\"id\":\"" + id + "\""), report("\"id\":\"" + id + "\""));
        assertEquals(1, errors.size());
        assertEquals(1, errors.get(0).index());
    }

    @Test
    void quantitiesAreExactDecimals() {
        List<ReportValidator.Valid> v = validate(
                "{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":0.1}",
                "{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":80.50}",
                "{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":1E+3}",
                "{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":0}");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("0.1", v.get(0).quantity().toPlainString());
        assertEquals("80.5", v.get(1).quantity().toPlainString());
        assertEquals("1000", v.get(2).quantity().toPlainString());
        assertEquals(0, v.get(3).quantity().signum());
    }

    @Test
    void aNegativeQuantityIsRejected() {
        validate(report("").replace("80", "-3"));
        assertOneError("quantity", "negativa");
    }

    @Test
    void aQuantityInQuotesIsRejected() {
        validate(report("").replace("80", "\"80\""));
        assertOneError("quantity", "número");
    }

    @Test
    void aMissingQuantityIsRejected() {
        validate("{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\"}");
        assertOneError("quantity", "Falta");
    }

    @Test
    void booleanAndNullQuantitiesAreRejected() {
        validate(report("").replace("80", "true"), report("").replace("80", "null"));
        assertEquals(2, errors.size());
        assertTrue(errors.stream().allMatch(e -> "quantity".equals(e.field())));
    }

    @Test
    void absurdQuantitiesAreRejected() {
        validate(report("").replace("80", "1e400"), report("").replace("80", "0.0000001"));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("excede"));
    }

    @Test
    void anImpossibleDateIsRejected() {
        validate(report("").replace("2021-03-14", "2021-02-30"));
        assertOneError("date", "no existe");
    }

    @Test
    void aDateInAnotherFormatIsRejected() {
        validate(report("").replace("2021-03-14", "14/03/2021"), report("").replace("\"2021-03-14\"", "20210314"),
                report("").replace("2021-03-14", "2021-3-14"));
        assertEquals(List.of(0, 1, 2), errors.stream().map(Problem.FieldError::index).toList());
        assertTrue(errors.stream().allMatch(e -> e.message().contains("AAAA-MM-DD")));
    }

    @Test
    void aFutureDateIsRejectedAndTodayIsNot() {
        validate(report("").replace("2021-03-14", "2021-07-01"));
        assertOneError("date", "futuro");
        errors.clear();
        validate(report("").replace("2021-03-14", TODAY.toString()));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anUnknownIndicatorIsRejected() {
        validate(report("").replace("DIF-01-03", "DIF-99-99"));
        assertOneError("indicator", "DIF-99-99");
    }

    @Test
    void anIndicatorOfASiblingPlanIsNotVisible() {
        // 10001 reports against the state's plan, never against 10005's
        validate("{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10001\",\"date\":\"2021-03-14\",\"quantity\":1}");
        assertOneError("indicator", "DIF-01-03");
    }

    @Test
    void anUnknownOrgUnitIsRejected() {
        validate(report("").replace("10005", "99999"));
        assertOneError("orgUnit", "99999");
    }

    @Test
    void aUnitTheCallerDoesNotCoverIsRejectedLikeAnyOtherField() {
        reporter = who("10001");
        List<ReportValidator.Valid> v = validate("{\"indicator\":\"ST-01\",\"orgUnit\":\"10001\",\"date\":\"2021-01-31\",\"quantity\":1}",
                report(""));
        assertEquals(List.of(0), v.stream().map(ReportValidator.Valid::index).toList());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(1, errors.get(0).index());
        assertEquals("orgUnit", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("10001") && errors.get(0).message().contains("10005"), errors.get(0).message());
        assertEquals(1, catalog.resolveCalls.get(), "the out-of-reach report is not looked up in the catalog");
    }

    @Test
    void aMunicipalityCannotReportForItsStateAndAnUnknownUnitIsStillUnknown() {
        reporter = who("10005");
        validate("{\"indicator\":\"ST-01\",\"orgUnit\":\"10\",\"date\":\"2021-01-31\",\"quantity\":1}");
        assertOneError("orgUnit", "no puede reportar");
        errors.clear();
        validate(report("").replace("10005", "99999"));
        assertOneError("orgUnit", "no existe");
    }

    @Test
    void aCallerWithoutUnitReportsForNone() {
        reporter = new Identity("sin.unidad", Set.of(Roles.MUNICIPAL_OPERATOR), null, null);
        validate(report(""));
        assertOneError("orgUnit", "no pertenece a ninguna unidad");
    }

    @Test
    void aYearWithoutPlanIsRejected() {
        validate(report("").replace("2021-03-14", "2019-03-14"));
        assertOneError("date", "No hay plan");
    }

    @Test
    void missingFieldsAreEachNamed() {
        validate("{}");
        assertEquals(List.of("orgUnit", "indicator", "date", "quantity"), errors.stream().map(Problem.FieldError::field).toList());
        assertTrue(errors.stream().allMatch(e -> e.index() == 0));
    }

    @Test
    void aNonObjectItemIsRejected() {
        validate(report(""), "[1]", "\"texto\"");
        assertEquals(List.of(1, 2), errors.stream().map(Problem.FieldError::index).toList());
    }

    @Test
    void codesLongerThanTheirColumnsAreRejectedWithoutEchoingThem() {
        validate(report("").replace("DIF-01-03", "D".repeat(65)), report("").replace("10005", "1".repeat(17)));
        assertEquals(List.of("indicator", "orgUnit"), errors.stream().map(Problem.FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("65 caracteres; el máximo es 64"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("17 caracteres; el máximo es 16"), errors.get(1).message());
    }

    @Test
    void aTooLongOrNonTextNoteIsRejected() {
        validate(report("\"note\":\"" + "x".repeat(ReportValidator.MAX_NOTE + 1) + "\""), report("\"note\":{\"a\":1}"));
        assertEquals(List.of("note", "note"), errors.stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void everyInvalidItemOfABatchIsListedAndValidOnesAreNotReturnedAsErrors() {
        List<ReportValidator.Valid> v = validate(report(""), report("").replace("80", "-1"), report(""),
                report("").replace("10005", "77777"));
        assertEquals(List.of(1, 3), errors.stream().map(Problem.FieldError::index).toList());
        assertEquals(List.of(0, 2), v.stream().map(ReportValidator.Valid::index).toList());
    }

    @Test
    void theCatalogIsAskedOncePerUnitYearAndIndicatorInABatch() {
        String[] batch = new String[500];
        java.util.Arrays.fill(batch, report(""));
        List<ReportValidator.Valid> v = validate(batch);
        assertEquals(500, v.size());
        assertEquals(1, catalog.resolveCalls.get());
    }

    @Test
    void sameAsComparesWhatTheCallerSent() {
        ReportValidator.Valid a = validate(report("\"note\":\"n\"")).get(0);
        ReportValidator.Valid b = validate(report("\"note\":\"n\"").replace("80", "80.00")).get(0);
        ReportValidator.Valid c = validate(report("\"note\":\"n\"").replace("80", "81")).get(0);
        ReportValidator.Valid d = validate(report("\"note\":\"otra\"")).get(0);
        assertNotNull(a);
        assertTrue(a.sameAs(b));
        assertFalse(a.sameAs(c));
        assertFalse(a.sameAs(d));
    }
}
