package mx.gob.dif.programs.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import mx.gob.dif.programs.catalog.CatalogLookup.ResolvedTarget;
import mx.gob.dif.programs.persistence.WorkPlanStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets of each (org unit, year) plan, cached for ingestion: a batch of 10,000 reports
 * resolves against memory, not 10,000 queries. Invalidated by every import, on this replica at once
 * and again once the import's transaction ended (a report resolved meanwhile may have cached the plan
 * as it was before the commit), and on every replica by the catalog events the import published
 * ({@link ReplicaCaches}).
 */
@ApplicationScoped
public class PlanCache {
    private final AgroalDataSource ds;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Optional<Map<String, ResolvedTarget>>> plans = new ConcurrentHashMap<>();

    public PlanCache(AgroalDataSource ds, TransactionSynchronizationRegistry transactions) {
        this.ds = ds;
        this.transactions = transactions;
    }

    /** The plan's targets by indicator code, or empty when the unit has no plan that year. */
    public Optional<Map<String, ResolvedTarget>> plan(String orgUnit, int year) {
        return plans.computeIfAbsent(orgUnit + "|" + year, k -> load(orgUnit, year));
    }

    public void invalidate(String orgUnit, int year) {
        String key = orgUnit + "|" + year;
        plans.remove(key);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    plans.remove(key);
                }
            });
        }
    }

    private Optional<Map<String, ResolvedTarget>> load(String orgUnit, int year) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select w.id, t.indicator_code, t.program_code, t.unit, t.annual_target, t.method, t.components, t.case_metric
                     from work_plan w left join plan_target t on t.plan_id = w.id
                     where w.org_unit = ? and w.fiscal_year = ?""")) {
            ps.setString(1, orgUnit);
            ps.setInt(2, year);
            ResultSet rs = ps.executeQuery();
            Map<String, ResolvedTarget> targets = new HashMap<>();
            boolean found = false;
            while (rs.next()) {
                found = true;
                if (rs.getString(2) != null) {
                    targets.put(rs.getString(2), new ResolvedTarget(orgUnit, year, rs.getString(3), rs.getString(2), rs.getString(4),
                            rs.getBigDecimal(5), rs.getString(6), WorkPlanStore.split(rs.getString(7)), rs.getString(8)));
                }
            }
            return found ? Optional.of(Map.copyOf(targets)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
