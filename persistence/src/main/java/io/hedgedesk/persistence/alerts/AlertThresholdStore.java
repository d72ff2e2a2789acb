package io.hedgedesk.persistence.alerts;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.persistence.StaleEditException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert thresholds ({@code alert_threshold}): a portfolio's defaults and each hedge's own. Callers check access: these
 * methods take ids already authorized.
 */
@ApplicationScoped
public class AlertThresholdStore {

    private static final String COLUMNS = "liquidation_distance, coverage_drift, stops_and_targets, "
            + "funding_yearly_rate, funding_sign_change, stale_after_hours, sync_failing_hours, sync_failures, "
            + "key_expiry_days, version";

    private final Sql sql;

    public AlertThresholdStore(AgroalDataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** The portfolio's defaults ({@link StoredThresholds#NONE} when never set). */
    public StoredThresholds portfolioDefaults(long portfolioId) {
        return forPortfolios(List.of(portfolioId)).getOrDefault(portfolioId, StoredThresholds.NONE);
    }

    /** The hedge's own thresholds ({@link StoredThresholds#NONE} when never set). */
    public StoredThresholds hedge(long hedgeId) {
        return forHedges(List.of(hedgeId)).getOrDefault(hedgeId, StoredThresholds.NONE);
    }

    /** The defaults of each of {@code portfolioIds} that has any, in one query. */
    public Map<Long, StoredThresholds> forPortfolios(Collection<Long> portfolioIds) {
        return byId(
                "select portfolio_id, " + COLUMNS + " from alert_threshold where hedge_id is null"
                        + " and portfolio_id = any(?)",
                portfolioIds);
    }

    /** The own thresholds of each of {@code hedgeIds} that has any, in one query. */
    public Map<Long, StoredThresholds> forHedges(Collection<Long> hedgeIds) {
        return byId("select hedge_id, " + COLUMNS + " from alert_threshold where hedge_id = any(?)", hedgeIds);
    }

    private Map<Long, StoredThresholds> byId(String query, Collection<Long> ids) {
        Map<Long, StoredThresholds> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        sql.query(query, s -> Sql.ids(s, 1, ids), rows -> found.put(rows.getLong(1), map(rows)));
        return found;
    }

    private static StoredThresholds map(ResultSet rows) throws SQLException {
        return new StoredThresholds(
                Optional.ofNullable(rows.getBigDecimal(2)),
                Optional.ofNullable(rows.getBigDecimal(3)),
                Sql.bool(rows, 4),
                Optional.ofNullable(rows.getBigDecimal(5)),
                Sql.bool(rows, 6),
                Sql.integer(rows, 7),
                Sql.integer(rows, 8),
                Sql.integer(rows, 9),
                Sql.integer(rows, 10),
                rows.getLong(11));
    }

    /**
     * Stores the portfolio's defaults ({@code hedgeId} empty) or a hedge's own thresholds, replacing what was there if it
     * is still at {@code expectedVersion} (0 = no row yet).
     *
     * @throws StaleEditException when someone saved them meanwhile
     */
    @Transactional
    public void save(long portfolioId, Optional<Long> hedgeId, StoredThresholds t, long expectedVersion, long userId) {
        String where = hedgeId.isPresent() ? "hedge_id = ?" : "portfolio_id = ? and hedge_id is null";
        long key = hedgeId.orElse(portfolioId);
        int changed = sql.update(
                "update alert_threshold set liquidation_distance = ?, coverage_drift = ?,"
                        + " stops_and_targets = ?, funding_yearly_rate = ?, funding_sign_change = ?, stale_after_hours = ?,"
                        + " sync_failing_hours = ?, sync_failures = ?, key_expiry_days = ?,"
                        + " updated_by = ?, updated_at = now(), version = version + 1 where " + where
                        + " and version = ?",
                s -> {
                    bind(s, t);
                    s.setLong(10, userId);
                    s.setLong(11, key);
                    s.setLong(12, expectedVersion);
                });
        if (changed == 1) {
            return;
        }
        if (expectedVersion != 0) {
            throw new StaleEditException("ALERT_THRESHOLD", key, expectedVersion);
        }
        int inserted = sql.update(
                "insert into alert_threshold (liquidation_distance, coverage_drift, stops_and_targets,"
                        + " funding_yearly_rate, funding_sign_change, stale_after_hours, sync_failing_hours, sync_failures,"
                        + " key_expiry_days, updated_by, portfolio_id, hedge_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing",
                s -> {
                    bind(s, t);
                    s.setLong(10, userId);
                    s.setLong(11, portfolioId);
                    s.setObject(12, hedgeId.orElse(null), Types.BIGINT);
                });
        if (inserted == 0) {
            throw new StaleEditException("ALERT_THRESHOLD", key, expectedVersion);
        }
    }

    private static void bind(java.sql.PreparedStatement s, StoredThresholds t) throws SQLException {
        s.setBigDecimal(1, t.liquidationDistance().orElse(null));
        s.setBigDecimal(2, t.coverageDrift().orElse(null));
        s.setObject(3, t.stopsAndTargets().orElse(null), Types.BOOLEAN);
        s.setBigDecimal(4, t.fundingYearlyRate().orElse(null));
        s.setObject(5, t.fundingSignChange().orElse(null), Types.BOOLEAN);
        s.setObject(6, t.staleAfterHours().orElse(null), Types.INTEGER);
        s.setObject(7, t.syncFailingHours().orElse(null), Types.INTEGER);
        s.setObject(8, t.syncFailures().orElse(null), Types.INTEGER);
        s.setObject(9, t.keyExpiryDays().orElse(null), Types.INTEGER);
    }
}
