package io.hedgedesk.persistence.hedge;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger events of the hedges in the user's teams, filtered, read with a server-side cursor (pgjdbc fetches
 * {@link #FETCH_SIZE} rows at a time inside the transaction), so an export of millions of rows uses constant memory.
 */
@ApplicationScoped
public class HedgeHistory {

  /** Rows fetched per round trip. */
  public static final int FETCH_SIZE = 2000;

  private static final String SELECT = """
      select e.id, e.occurred_at, p.id, p.name, u.display_name, e.event_type, h.id, h.contract_id, h.contract_type,
             h.side, h.status, e.quantity, e.price, e.fee, e.funding_rate, e.realized_pnl, e.settlement_asset,
             e.settlement_usd, e.cash_change, e.cash_change_usd, e.corrects_event_id, e.note
      from hedge_event e
      join hedge_position h on h.id = e.hedge_id
      join portfolio p on p.id = e.portfolio_id
      join membership m on m.team_id = p.team_id and m.user_id = ?
      join app_user u on u.id = e.actor_id
      where (?::bigint is null or p.id = ?::bigint)
        and (?::text[] is null or h.contract_id = any(?::text[]))
        and (?::timestamptz is null or e.occurred_at >= ?::timestamptz)
        and (?::timestamptz is null or e.occurred_at < ?::timestamptz)
        and (?::text is null or h.status = ?::text)
      order by e.occurred_at, e.id""";

  private final AgroalDataSource dataSource;
  private final PortfolioService portfolios;

  public HedgeHistory(AgroalDataSource dataSource, PortfolioService portfolios) {
    this.dataSource = dataSource;
    this.portfolios = portfolios;
  }

  /** At most {@code limit} rows, oldest first (the history page). */
  @Transactional
  public List<LedgerRow> list(long userId, HedgeHistoryFilter filter, int limit) {
    List<LedgerRow> rows = new ArrayList<>();
    stream(userId, filter, limit, rows::add);
    return rows;
  }

  /**
   * Hands every matching row to {@code sink}, oldest first, without holding them: one cursor, {@link #FETCH_SIZE}
   * rows at a time. A portfolio filter outside the user's teams is a {@link io.hedgedesk.persistence.NotFoundException}.
   *
   * @return the number of rows
   */
  @Transactional
  public long stream(long userId, HedgeHistoryFilter filter, long limit, Consumer<LedgerRow> sink) {
    filter.portfolioId().ifPresent(id -> portfolios.access(userId, id));
    Optional<String[]> contracts = filter.asset().map(asset -> HedgeBookService.catalog().all().stream()
        .filter(i -> i.baseAsset().symbol().equals(asset)).map(Instrument::id).toArray(String[]::new));
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setFetchSize(FETCH_SIZE);
      int i = 1;
      statement.setLong(i++, userId);
      Long portfolio = filter.portfolioId().orElse(null);
      statement.setObject(i++, portfolio);
      statement.setObject(i++, portfolio);
      java.sql.Array array = contracts.isEmpty() ? null : connection.createArrayOf("text", contracts.get());
      statement.setArray(i++, array);
      statement.setArray(i++, array);
      OffsetDateTime from = filter.from().map(d -> d.atStartOfDay().atOffset(ZoneOffset.UTC)).orElse(null);
      statement.setObject(i++, from);
      statement.setObject(i++, from);
      OffsetDateTime to = filter.to().map(d -> d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).orElse(null);
      statement.setObject(i++, to);
      statement.setObject(i++, to);
      String status = filter.status().map(Enum::name).orElse(null);
      statement.setString(i++, status);
      statement.setString(i, status);
      long count = 0;
      try (ResultSet rows = statement.executeQuery()) {
        while (count < limit && rows.next()) {
          sink.accept(map(rows));
          count++;
        }
      }
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the hedge history: " + e.getMessage(), e);
    }
  }

  private static LedgerRow map(ResultSet r) throws SQLException {
    String contractId = r.getString(8);
    Instrument instrument = HedgeBookService.catalog().get(contractId);
    String type = r.getString(6);
    Optional<BigDecimal> quantity = Optional.ofNullable(r.getBigDecimal(12));
    Optional<BigDecimal> price = Optional.ofNullable(r.getBigDecimal(13));
    Optional<BigDecimal> notional = quantity.isPresent() && price.isPresent()
        ? Optional.of(PerpetualPricer.of(instrument).usdNotional(instrument, quantity.get(), price.get()).value())
        : Optional.empty();
    BigDecimal cash = r.getBigDecimal(19);
    String unit = instrument.type() == ContractType.INVERSE ? "CONTRACTS" : instrument.baseAsset().symbol();
    Long corrects = r.getObject(21, Long.class);
    return new LedgerRow(r.getLong(1), r.getObject(2, OffsetDateTime.class).toInstant(), r.getLong(3),
        r.getString(4), r.getString(5), instrument.venue(), type, r.getLong(7), contractId,
        instrument.baseAsset().symbol(), r.getString(9), r.getString(10), r.getString(11), quantity, unit,
        instrument.contractSize(), price, notional, Optional.ofNullable(r.getBigDecimal(14)),
        Optional.ofNullable(r.getBigDecimal(15)), "FUNDING".equals(type) ? Optional.of(cash) : Optional.empty(),
        Optional.ofNullable(r.getBigDecimal(16)), r.getString(17), r.getBigDecimal(18), cash, r.getBigDecimal(20),
        Optional.ofNullable(corrects), r.getString(22) == null ? "" : r.getString(22));
  }
}
