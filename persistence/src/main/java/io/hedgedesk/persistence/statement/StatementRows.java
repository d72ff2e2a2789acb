package io.hedgedesk.persistence.statement;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The imported statement rows ({@code statement_row}), unique per (portfolio, exchange, row key). Inserts go in
 * chunks, one {@code insert … select from unnest(arrays)} statement per chunk (one round trip, one firing of the
 * statement triggers); a key already stored is skipped ({@code on conflict do nothing}), so an overlapping file adds
 * only its new rows. Callers check access to the portfolio or hedge.
 */
@ApplicationScoped
public class StatementRows {

  private final AgroalDataSource dataSource;

  public StatementRows(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Which of {@code keys} the portfolio already holds for the exchange. */
  public Set<String> existingKeys(long portfolioId, String exchange, Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(Sql.query(dataSource,
        "select row_key from statement_row where portfolio_id = ? and exchange = ? and row_key = any(?)", (c, s) -> {
          s.setLong(1, portfolioId);
          s.setString(2, exchange);
          s.setArray(3, c.createArrayOf("text", keys.toArray()));
        }, row -> row.getString(1)));
  }

  /** The account (Bybit UID, Binance user id) of the first row naming one imported into the portfolio. */
  public Optional<String> firstAccount(long portfolioId, String exchange) {
    return Sql.query(dataSource, """
        select account from statement_row where portfolio_id = ? and exchange = ? and account is not null
        order by id limit 1""", (c, s) -> {
          s.setLong(1, portfolioId);
          s.setString(2, exchange);
        }, row -> row.getString(1)).stream().findFirst();
  }

  /**
   * Stores rows of one import, skipping keys already stored.
   *
   * @return the rows inserted
   */
  public int insert(long portfolioId, String exchange, UUID importId, List<ImportedRow> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    return Sql.update(dataSource, """
        insert into statement_row (portfolio_id, exchange, import_id, row_key, hedge_id, hedge_event_id, line, kind,
          occurred_at, account, symbol, asset, side, quantity, price, fee, funding, realized_pnl, cash_change)
        select ?, ?, ?, k, h, e, l, kd, t, a, sy, ast, sd, q, p, f, fu, r, cc
        from unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
          ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])
          as u(k, h, e, l, kd, t, a, sy, ast, sd, q, p, f, fu, r, cc)
        on conflict (portfolio_id, exchange, row_key) do nothing""", (c, s) -> {
          s.setLong(1, portfolioId);
          s.setString(2, exchange);
          s.setObject(3, importId);
          s.setArray(4, c.createArrayOf("text", column(rows, ImportedRow::rowKey)));
          s.setArray(5, c.createArrayOf("bigint", rows.stream().map(ImportedRow::hedgeId).toArray()));
          s.setArray(6, c.createArrayOf("bigint", rows.stream().map(r -> r.hedgeEventId().orElse(null)).toArray()));
          s.setArray(7, c.createArrayOf("int4", rows.stream().map(ImportedRow::line).toArray()));
          s.setArray(8, c.createArrayOf("text", column(rows, ImportedRow::kind)));
          s.setArray(9, c.createArrayOf("text", column(rows, r -> r.occurredAt().toString())));
          s.setArray(10, c.createArrayOf("text", column(rows, r -> r.account().orElse(null))));
          s.setArray(11, c.createArrayOf("text", column(rows, r -> r.symbol().orElse(null))));
          s.setArray(12, c.createArrayOf("text", column(rows, ImportedRow::asset)));
          s.setArray(13, c.createArrayOf("text", column(rows, r -> r.side().orElse(null))));
          s.setArray(14, c.createArrayOf("text", column(rows, r -> plain(r.quantity()))));
          s.setArray(15, c.createArrayOf("text", column(rows, r -> plain(r.price()))));
          s.setArray(16, c.createArrayOf("text", column(rows, r -> r.fee().toPlainString())));
          s.setArray(17, c.createArrayOf("text", column(rows, r -> r.funding().toPlainString())));
          s.setArray(18, c.createArrayOf("text", column(rows, r -> r.realizedPnl().toPlainString())));
          s.setArray(19, c.createArrayOf("text", column(rows, r -> r.cashChange().toPlainString())));
        });
  }

  /** The rows attached to a hedge, in time order (then file line). */
  public List<ImportedRow> ofHedge(long hedgeId) {
    return Sql.query(dataSource, """
        select row_key, hedge_id, hedge_event_id, line, kind, occurred_at, account, symbol, asset, side, quantity,
          price, fee, funding, realized_pnl, cash_change from statement_row where hedge_id = ?
        order by occurred_at, id""", (c, s) -> s.setLong(1, hedgeId), StatementRows::map);
  }

  private static String plain(Optional<BigDecimal> value) {
    return value.map(BigDecimal::toPlainString).orElse(null);
  }

  private static Object[] column(List<ImportedRow> rows, Function<ImportedRow, String> value) {
    return rows.stream().map(value).toArray();
  }

  private static ImportedRow map(ResultSet row) throws SQLException {
    return new ImportedRow(row.getString(1), row.getLong(2), Optional.ofNullable(row.getObject(3, Long.class)),
        row.getInt(4), row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(),
        Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)), row.getString(9),
        Optional.ofNullable(row.getString(10)), Sql.decimal(row, 11), Sql.decimal(row, 12), row.getBigDecimal(13),
        row.getBigDecimal(14), row.getBigDecimal(15), row.getBigDecimal(16));
  }
}
