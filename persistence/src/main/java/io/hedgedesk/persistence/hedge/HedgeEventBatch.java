package io.hedgedesk.persistence.hedge;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.persistence.StaleEditException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Many ledger entries of one hedge appended at once (a statement import): the same rows {@link HedgeRepository#append}
 * writes, in one {@code insert … select from unnest(arrays)} per call instead of one entity each, with their ids
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
      try (PreparedStatement s = connection.prepareStatement("""
          insert into hedge_event (id, hedge_id, portfolio_id, event_type, occurred_at, recorded_at, actor_id, quantity,
            price, settlement_asset, settlement_usd, cash_change, cash_change_usd, fee, funding_rate, realized_pnl,
            realized_pnl_usd, size_after, entry_after, corrects_event_id, note)
          overriding system value
          select u.id, h.id, h.portfolio_id, u.t, u.at, ?, ?, u.q, u.p, h.settlement_asset, u.su, u.cc, u.ccu, u.f,
            u.fr, u.r, u.ru, u.sa, u.ea, u.ce, u.n
          from hedge_position h, unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::numeric[], ?::numeric[],
            ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
            ?::numeric[], ?::numeric[], ?::bigint[], ?::text[])
            as u(id, t, at, q, p, su, cc, ccu, f, fr, r, ru, sa, ea, ce, n)
          where h.id = ?""")) {
        s.setTimestamp(1, Timestamp.from(clock.instant()));
        s.setLong(2, actorId);
        s.setArray(3, connection.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
        s.setArray(4, texts(connection, entries, e -> e.type().name()));
        s.setArray(5, texts(connection, entries, e -> e.occurredAt().toString()));
        s.setArray(6, texts(connection, entries, e -> plain(e.quantity())));
        s.setArray(7, texts(connection, entries, e -> plain(e.price())));
        s.setArray(8, texts(connection, entries, e -> e.settlementUsd().toPlainString()));
        s.setArray(9, texts(connection, entries, e -> e.cashChange().toPlainString()));
        s.setArray(10, texts(connection, entries, e -> e.cashChangeUsd().toPlainString()));
        s.setArray(11, texts(connection, entries, e -> plain(e.fee())));
        s.setArray(12, texts(connection, entries, e -> plain(e.fundingRate())));
        s.setArray(13, texts(connection, entries, e -> plain(e.realizedPnl())));
        s.setArray(14, texts(connection, entries, e -> plain(e.realizedPnlUsd())));
        s.setArray(15, texts(connection, entries, e -> e.sizeAfter().toPlainString()));
        s.setArray(16, texts(connection, entries, e -> e.entryAfter().toPlainString()));
        s.setArray(17, connection.createArrayOf("bigint",
            entries.stream().map(e -> e.correctsEventId().orElse(null)).toArray()));
        s.setArray(18, texts(connection, entries, e -> e.note().isEmpty() ? null : e.note()));
        s.setLong(19, hedgeId);
        s.executeUpdate();
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append to the ledger of hedge " + hedgeId + ": " + e.getMessage(), e);
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

  private static Array texts(Connection connection, List<LedgerEntry> entries, Function<LedgerEntry, String> value)
      throws SQLException {
    return connection.createArrayOf("text", entries.stream().map(value).toArray());
  }

  private static String plain(Optional<BigDecimal> value) {
    return value.map(BigDecimal::toPlainString).orElse(null);
  }
}
