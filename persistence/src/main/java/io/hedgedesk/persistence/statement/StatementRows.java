package io.hedgedesk.persistence.statement;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The imported statement rows ({@code statement_row}), unique per (portfolio, exchange, row key). Inserts go in
 * chunks, one {@code COPY} per chunk (one round trip); the caller leaves out the keys already stored, so an
 * overlapping file adds only its new rows. Callers check access to the portfolio or hedge.
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
        return new HashSet<>(Sql.query(
                dataSource,
                // one index probe per key (the lateral limit keeps it so): a join the planner chose from the statistics
                // could scan the portfolio's rows once per key, and an import's own rows, not yet committed, are not in
                // them
                """
        select k from unnest(?::text[]) k, lateral (select 1 from statement_row r where r.portfolio_id = ?
          and r.exchange = ? and md5(r.row_key) = md5(k) and r.row_key = k limit 1) known""",
                (c, s) -> {
                    s.setArray(1, c.createArrayOf("text", keys.toArray()));
                    s.setLong(2, portfolioId);
                    s.setString(3, exchange);
                },
                row -> row.getString(1)));
    }

    /** Whether the portfolio holds any row imported from the exchange (none: no key of a file can be known). */
    public boolean any(long portfolioId, String exchange) {
        return !Sql.query(
                        dataSource,
                        "select 1 from statement_row where portfolio_id = ? and exchange = ? limit 1",
                        (c, s) -> {
                            s.setLong(1, portfolioId);
                            s.setString(2, exchange);
                        },
                        row -> row.getInt(1))
                .isEmpty();
    }

    /** The account (Bybit UID, Binance user id) of the first import into the portfolio whose rows name one. */
    public Optional<String> firstAccount(long portfolioId, String exchange) {
        return Sql.query(
                        dataSource,
                        """
        select account from statement_import where portfolio_id = ? and exchange = ? and status = 'DONE'
          and account is not null order by finished_at, created_at limit 1""",
                        (c, s) -> {
                            s.setLong(1, portfolioId);
                            s.setString(2, exchange);
                        },
                        row -> row.getString(1))
                .stream()
                .findFirst();
    }

    /**
     * Stores rows of one import with {@code COPY}. The caller leaves out keys already stored ({@link #existingKeys}); a
     * key stored meanwhile violates the unique key and fails the caller's transaction, so nothing of it is kept.
     *
     * @return the rows inserted
     */
    public int insert(long portfolioId, String exchange, UUID importId, List<ImportedRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        CopyText copy = new CopyText();
        for (ImportedRow r : rows) {
            copy.add(portfolioId)
                    .add(exchange)
                    .add(importId)
                    .add(r.rowKey())
                    .add(r.hedgeId())
                    .add(r.hedgeEventId().orElse(null))
                    .add(r.line())
                    .add(r.kind())
                    .add(r.occurredAt())
                    .add(r.account().orElse(null))
                    .add(r.symbol().orElse(null))
                    .add(r.asset())
                    .add(r.side().orElse(null))
                    .add(r.quantity().orElse(null))
                    .add(r.price().orElse(null))
                    .add(r.fee())
                    .add(r.funding())
                    .add(r.realizedPnl())
                    .add(r.cashChange())
                    .end();
        }
        try (Connection connection = dataSource.getConnection()) {
            return (int) copy.copyInto(connection, """
          statement_row (portfolio_id, exchange, import_id, row_key, hedge_id, hedge_event_id, line, kind,
            occurred_at, account, symbol, asset, side, quantity, price, fee, funding, realized_pnl, cash_change)""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the statement rows: " + e.getMessage(), e);
        }
    }

    /** The rows attached to a hedge, in time order (then file line). */
    public List<ImportedRow> ofHedge(long hedgeId) {
        return Sql.query(dataSource, """
        select row_key, hedge_id, hedge_event_id, line, kind, occurred_at, account, symbol, asset, side, quantity,
          price, fee, funding, realized_pnl, cash_change from statement_row where hedge_id = ?
        order by occurred_at, id""", (c, s) -> s.setLong(1, hedgeId), StatementRows::map);
    }

    private static ImportedRow map(ResultSet row) throws SQLException {
        return new ImportedRow(
                row.getString(1),
                row.getLong(2),
                Optional.ofNullable(row.getObject(3, Long.class)),
                row.getInt(4),
                row.getString(5),
                row.getObject(6, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getString(7)),
                Optional.ofNullable(row.getString(8)),
                row.getString(9),
                Optional.ofNullable(row.getString(10)),
                Sql.decimal(row, 11),
                Sql.decimal(row, 12),
                row.getBigDecimal(13),
                row.getBigDecimal(14),
                row.getBigDecimal(15),
                row.getBigDecimal(16));
    }
}
