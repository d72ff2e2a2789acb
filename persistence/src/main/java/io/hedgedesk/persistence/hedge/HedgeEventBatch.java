package io.hedgedesk.persistence.hedge;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.statement.CopyText;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Many ledger entries of one hedge appended at once (a statement import): the same rows {@link HedgeRepository#append}
 * writes, in one {@code COPY} per call instead of one entity each, with their ids
 * drawn from the ledger's identity sequence first so that the caller can link to them. Runs in the caller's
 * transaction; rules, audit and access are the caller's.
 */
@ApplicationScoped
public class HedgeEventBatch {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public HedgeEventBatch(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Appends {@code entries} (in order) to the hedge.
     *
     * @return the new events' ids, in the order of {@code entries}
     */
    public long[] append(long actorId, long hedgeId, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return new long[0];
        }
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = new long[entries.size()];
            try (PreparedStatement s = connection.prepareStatement(
                    "select nextval(pg_get_serial_sequence('hedge_event', 'id')) from generate_series(1, ?)")) {
                s.setInt(1, entries.size());
                try (ResultSet rows = s.executeQuery()) {
                    for (int i = 0; rows.next(); i++) {
                        ids[i] = rows.getLong(1);
                    }
                }
            }
            String portfolio;
            String settlement;
            try (PreparedStatement s = connection.prepareStatement(
                    "select portfolio_id, settlement_asset from hedge_position where id = ?")) {
                s.setLong(1, hedgeId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no hedge " + hedgeId);
                    }
                    portfolio = Long.toString(rows.getLong(1));
                    settlement = rows.getString(2);
                }
            }
            String recordedAt = clock.instant().toString();
            CopyText copy = new CopyText();
            for (int i = 0; i < entries.size(); i++) {
                LedgerEntry e = entries.get(i);
                copy.add(ids[i])
                        .add(hedgeId)
                        .add(portfolio)
                        .add(e.type().name())
                        .add(e.occurredAt())
                        .add(recordedAt)
                        .add(actorId)
                        .add(e.quantity().orElse(null))
                        .add(e.price().orElse(null))
                        .add(settlement)
                        .add(e.settlementUsd())
                        .add(e.cashChange())
                        .add(e.cashChangeUsd())
                        .add(e.fee().orElse(null))
                        .add(e.fundingRate().orElse(null))
                        .add(e.realizedPnl().orElse(null))
                        .add(e.realizedPnlUsd().orElse(null))
                        .add(e.sizeAfter())
                        .add(e.entryAfter())
                        .add(e.correctsEventId().orElse(null))
                        .add(e.note().isEmpty() ? null : e.note())
                        .end();
            }
            copy.copyInto(connection, """
          hedge_event (id, hedge_id, portfolio_id, event_type, occurred_at, recorded_at, actor_id, quantity, price,
            settlement_asset, settlement_usd, cash_change, cash_change_usd, fee, funding_rate, realized_pnl,
            realized_pnl_usd, size_after, entry_after, corrects_event_id, note)""");
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot append to the ledger of hedge " + hedgeId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the position the appended entries leave, if the hedge is still at {@code expectedVersion}
     * ({@link StaleEditException} otherwise); the version moves on by one.
     */
    public void storePosition(long hedgeId, long expectedVersion, LedgerPosition after) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement("""
             update hedge_position set size = ?, entry_price = ?, margin = ?, realized_pnl = ?, status = ?,
               closed_at = ?, version = version + 1 where id = ? and version = ?""")) {
            s.setBigDecimal(1, after.size());
            s.setBigDecimal(2, after.entryPrice());
            s.setBigDecimal(3, after.margin());
            s.setBigDecimal(4, after.realizedPnl());
            s.setString(5, after.status().name());
            s.setTimestamp(6, after.closedAt().map(Timestamp::from).orElse(null));
            s.setLong(7, hedgeId);
            s.setLong(8, expectedVersion);
            if (s.executeUpdate() != 1) {
                throw new StaleEditException("HEDGE", hedgeId, expectedVersion);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the position of hedge " + hedgeId + ": " + e.getMessage(), e);
        }
    }
}
