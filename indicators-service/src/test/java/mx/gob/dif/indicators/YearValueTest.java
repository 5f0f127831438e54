package mx.gob.dif.indicators;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static mx.gob.dif.indicators.IndicatorsTestSupport.rebuild;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * year_value (the 12 months of a year in one row, read by the closing report) always equals month_value summed over
 * the plan units, month by month: after reports in two plans, resent reports, retractions (one before its report)
 * and after a rebuild from the log. The comparison covers every row of the database, not only this test's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class YearValueTest {
    /** Rows of either table that the other does not match: keys without their counterpart, then months that differ. */
    private static final String MISMATCHES = """
            select (select count(*) from ((select distinct indicator, org_unit, year from month_value
                                           except select indicator, org_unit, year from year_value)
                                          union all (select indicator, org_unit, year from year_value
                                           except select distinct indicator, org_unit, year from month_value)) k)
                 + (select count(*) from (select indicator, org_unit, year, month, sum(total) as total, sum(reports) as reports
                                          from month_value group by indicator, org_unit, year, month) m
                    full join (select indicator, org_unit, year, g.month, totals[g.month] as total, reports[g.month] as reports
                               from year_value cross join generate_series(1, 12) as g(month)) y
                      using (indicator, org_unit, year, month)
                    where coalesce(m.total, 0) <> coalesce(y.total, 0) or coalesce(m.reports, 0) <> coalesce(y.reports, 0))""";

    @Inject
    AgroalDataSource ds;

    @Test
    void yearRowsEqualTheMonthRowsAfterReportsRetractionsAndARebuild() {
        List<String> kept = new ArrayList<>();
        List<String> retracted = new ArrayList<>();
        // a retraction before its report: a tombstone, the report never counts
        String early = UUID.randomUUID().toString();
        events().send(Topics.ACTIVITIES, "31001|YV-01", EventTypes.ACTIVITY_RETRACTED, new ActivityRetracted(early, "YV-01", "31001", "prueba"));
        retracted.add(early);
        for (int i = 0; i < 60; i++) {
            String unit = "3100" + (1 + i % 3);
            // the same indicator and unit against two plans (the state's and the unit's own): one year row sums both
            String plan = i % 4 == 0 ? unit : "31";
            ActivityReported a = new ActivityReported(UUID.randomUUID().toString(), "YV-0" + (1 + i % 2), unit, plan, 2021,
                    LocalDate.of(2021, 1 + (i * 5) % 12, 10), new BigDecimal(i % 5 == 0 ? "0" : (i % 7) + "." + (i % 4) + "5"));
            events().report(a);
            if (i % 6 == 0) {
                events().report(a); // a resend: counted once
            }
            if (i % 5 == 1) {
                events().send(Topics.ACTIVITIES, a.key(), EventTypes.ACTIVITY_RETRACTED,
                        new ActivityRetracted(a.activityId(), a.indicator(), a.orgUnit(), "prueba"));
                retracted.add(a.activityId());
            } else {
                kept.add(a.activityId());
            }
        }
        events().report(new ActivityReported(early, "YV-01", "31001", "31", 2021, LocalDate.of(2021, 3, 1), new BigDecimal("99")));
        events().flush();
        String applied = "select count(*) filter (where not retracted and quantity is not null) || '/' || count(*) filter (where retracted)"
                + " from activity where indicator like 'YV-%'";
        String want = kept.size() + "/" + retracted.size();
        assertEquals(want, poll(60, () -> text(applied), want::equals));
        String sums = "select coalesce(sum(t), 0) || '/' || coalesce(sum(r), 0) from year_value, unnest(totals, reports) as x(t, r)"
                + " where indicator like 'YV-%'";
        String before = text(sums);
        assertEquals(text("select sum(quantity) || '/' || count(*) from activity where indicator like 'YV-%' and not retracted"
                + " and quantity is not null"), before);
        assertEquals("0", text(MISMATCHES));

        rebuild();
        assertEquals(before, text(sums));
        assertEquals("0", text(MISMATCHES));
    }

    private String text(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
