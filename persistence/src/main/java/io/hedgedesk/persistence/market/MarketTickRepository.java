package io.hedgedesk.persistence.market;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.market.MarketTick;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The latest fetched tick of each contract ({@code market_tick}, one row per contract catalog id, matched
 * case-insensitively and stored upper-case).
 */
@ApplicationScoped
public class MarketTickRepository {

    private static final String COLUMNS = """
      contract_id, mark_price, index_price, last_price, funding_rate, next_funding_time, funding_interval_hours,
      source, fetched_at""";

    private static final String UPSERT = "insert into market_tick (" + COLUMNS + """
      , written_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (contract_id) do update set
        mark_price = excluded.mark_price, index_price = excluded.index_price, last_price = excluded.last_price,
        funding_rate = excluded.funding_rate, next_funding_time = excluded.next_funding_time,
        funding_interval_hours = excluded.funding_interval_hours, source = excluded.source,
        fetched_at = excluded.fetched_at, written_by = excluded.written_by
      where excluded.fetched_at >= market_tick.fetched_at""";

    private static final String SELECT_WRITERS = """
      select t.contract_id, u.display_name from market_tick t join app_user u on u.id = t.written_by
      where t.contract_id = any(?::text[])""";

    private static final String SELECT = "select " + COLUMNS + " from market_tick where contract_id = any(?::text[])";

    private final AgroalDataSource dataSource;

    public MarketTickRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores {@code tick} as the contract's latest, unless a tick fetched later is already stored (so a slow,
     * older fetch never overwrites a newer one).
     */
    @Transactional
    public void upsert(MarketTick tick) {
        upsert(tick, OptionalLong.empty());
    }

    /**
     * {@link #upsert(MarketTick)}, recording who entered it by hand ({@code writtenBy}; empty for a venue's tick).
     */
    @Transactional
    public void upsert(MarketTick tick, OptionalLong writtenBy) {
        Objects.requireNonNull(tick, "tick");
        String id = Jdbc.normalizedKey(tick.contractId());
        Jdbc.withConnection(dataSource, "store the tick of " + id, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setString(1, id);
                statement.setBigDecimal(2, tick.markPrice());
                statement.setBigDecimal(3, tick.indexPrice().orElse(null));
                statement.setBigDecimal(4, tick.lastPrice().orElse(null));
                statement.setBigDecimal(5, tick.fundingRate().orElse(null));
                statement.setObject(
                        6, tick.nextFundingTime().map(Jdbc::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(7, tick.fundingIntervalHours().orElse(null), Types.INTEGER);
                statement.setString(8, tick.source());
                statement.setObject(9, Jdbc.utc(tick.fetchedAt()));
                Jdbc.setWriter(statement, 10, writtenBy);
                return statement.executeUpdate();
            }
        });
    }

    /** The latest stored tick of {@code contractId}, if any. */
    public Optional<MarketTick> latest(String contractId) {
        String id = Jdbc.normalizedKey(contractId);
        return Optional.ofNullable(latest(List.of(id)).get(id));
    }

    /**
     * The latest stored tick of each of {@code contractIds}, in one query, keyed by the upper-cased id in the order
     * given; contracts without a stored tick are absent.
     */
    public Map<String, MarketTick> latest(Collection<String> contractIds) {
        return Jdbc.byKeys(
                dataSource,
                "read the ticks of",
                SELECT,
                contractIds,
                MarketTickRepository::map,
                MarketTick::contractId);
    }

    /**
     * The display name of the user who entered each of {@code contractIds}' stored tick by hand, keyed by the
     * upper-cased id; contracts whose tick came from a venue (or without a tick) are absent.
     */
    public Map<String, String> writers(Collection<String> contractIds) {
        Map<String, String> writers = new java.util.LinkedHashMap<>();
        Jdbc.byKeys(
                        dataSource,
                        "read who entered the marks of",
                        SELECT_WRITERS,
                        contractIds,
                        row -> new String[] {row.getString(1), row.getString(2)},
                        pair -> pair[0])
                .forEach((id, pair) -> writers.put(id, pair[1]));
        return writers;
    }

    private static MarketTick map(ResultSet rows) throws SQLException {
        return new MarketTick(
                rows.getString(1),
                rows.getBigDecimal(2),
                optionalDecimal(rows, 3),
                optionalDecimal(rows, 4),
                optionalDecimal(rows, 5),
                Optional.ofNullable(rows.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rows.getObject(7, Integer.class)),
                rows.getString(8),
                rows.getObject(9, OffsetDateTime.class).toInstant());
    }

    private static Optional<BigDecimal> optionalDecimal(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getBigDecimal(column));
    }
}
