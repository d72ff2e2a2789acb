package io.hedgedesk.persistence.market;

import io.agroal.api.AgroalDataSource;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.market.PriceSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stored daily closes ({@code price_history}), one row per asset and UTC day. Asset symbols are matched
 * case-insensitively (stored upper-case). Closes are in the source's quote currency (USDT for the shipped
 * Binance data), which the application counts as USD.
 */
@ApplicationScoped
public class PriceHistoryRepository {

    private static final String SELECT_SERIES = """
      select day, close, source from price_history
      where asset_symbol = ? and day between ? and ?
      order by day""";

    private static final String SELECT_LATEST = """
      select s.symbol, p.day, p.close, p.source
      from unnest(?::text[]) as s(symbol)
      cross join lateral (
        select day, close, source from price_history
        where asset_symbol = s.symbol order by day desc limit 1) p""";

    private static final String SELECT_COVERAGE = """
      select asset_symbol, min(day), max(day), count(*), string_agg(distinct source, '; ')
      from price_history group by asset_symbol order by asset_symbol""";

    private static final String SELECT_WRITERS = Jdbc.writersQuery("price_history", "asset_symbol");

    private static final String UPSERT = """
      insert into price_history (asset_symbol, day, close, source, written_by)
      select ?, t.day::date, t.close::numeric, ?, ?
      from unnest(?::text[], ?::text[]) as t(day, close)
      on conflict (asset_symbol, day) do update set close = excluded.close, source = excluded.source,
        written_by = excluded.written_by
      where price_history.close <> excluded.close or price_history.source <> excluded.source""";

    private final AgroalDataSource dataSource;

    private final HistoryCache<PriceSeries> cache;

    public PriceHistoryRepository(
            AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, MarketHistoryConfig config) {
        this.dataSource = dataSource;
        this.cache = new HistoryCache<>(config.historyCacheTtl(), transactions, System::nanoTime);
    }

    /**
     * The stored closes of {@code assetSymbol} with {@code from <= day <= to} (both inclusive), ascending; empty
     * when none is stored in that range.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public Optional<PriceSeries> series(String assetSymbol, LocalDate from, LocalDate to) {
        String symbol = Jdbc.normalizedKey(assetSymbol);
        Jdbc.requireOrder(from, to);
        List<Jdbc.Sourced<PricePoint>> rows = Jdbc.query(
                dataSource,
                "read the price history of " + symbol,
                SELECT_SERIES,
                (connection, statement) -> {
                    statement.setString(1, symbol);
                    statement.setObject(2, from);
                    statement.setObject(3, to);
                },
                row -> new Jdbc.Sourced<>(
                        new PricePoint(row.getObject(1, LocalDate.class), row.getBigDecimal(2)), row.getString(3)));
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(new PriceSeries(symbol, Jdbc.sources(rows), Jdbc.values(rows)));
    }

    /** All stored closes of {@code assetSymbol}, ascending; empty when none is stored. */
    public Optional<PriceSeries> series(String assetSymbol) {
        // cached (hedgedesk.history-cache-ttl); emptied by every upsert (the planner reads several whole series per
        // page)
        return cache.get(
                Jdbc.normalizedKey(assetSymbol), () -> series(assetSymbol, Jdbc.EARLIEST_DAY, Jdbc.LATEST_DAY));
    }

    /**
     * The latest stored close of each of {@code assetSymbols}, in one query, keyed by the upper-cased symbol in
     * the order given; assets without stored history are absent from the map. {@link PriceQuote#asOf()} is the end
     * of the close's UTC day (23:59:59.999Z, the close time of a Binance daily kline); {@link PriceQuote#source()}
     * is the stored source text.
     */
    public Map<String, PriceQuote> latestCloses(Collection<String> assetSymbols) {
        return Jdbc.byKeys(
                dataSource,
                "read the latest closes of",
                SELECT_LATEST,
                assetSymbols,
                row -> new PriceQuote(
                        row.getString(1),
                        row.getBigDecimal(3),
                        row.getString(4),
                        endOfDay(row.getObject(2, LocalDate.class))),
                PriceQuote::assetSymbol);
    }

    /** One line per stored asset, ordered by symbol. */
    public List<HistoryCoverage> coverage() {
        return Jdbc.query(
                dataSource,
                "read the price history coverage",
                SELECT_COVERAGE,
                (connection, statement) -> {},
                row -> new HistoryCoverage(
                        row.getString(1),
                        row.getObject(2, LocalDate.class),
                        row.getObject(3, LocalDate.class),
                        Math.toIntExact(row.getLong(4)),
                        row.getString(5)));
    }

    /**
     * The users who wrote closes by hand (CSV import, backfill), per asset symbol: display names joined with ", ";
     * assets with only shipped or fetched closes are absent.
     */
    public Map<String, String> writers() {
        return Jdbc.writers(dataSource, "read the writers of the price history", SELECT_WRITERS);
    }

    /** {@link #upsert(PriceSeries, OptionalLong)} by the application itself (shipped files, venue refresh). */
    @Transactional
    public int upsert(PriceSeries series) {
        return upsert(series, OptionalLong.empty());
    }

    /**
     * Inserts the series' closes, replacing a stored close or source of the same day that differs. Idempotent:
     * storing the same series again changes nothing. A row inserted or changed records {@code writtenBy}.
     *
     * @param writtenBy the user who started the write (an import or backfill), empty for the application's own
     * @return the number of rows inserted or changed (0 when everything was already stored)
     */
    @Transactional
    public int upsert(PriceSeries series, OptionalLong writtenBy) {
        Objects.requireNonNull(series, "series");
        cache.invalidate();
        List<String> days = new ArrayList<>(series.size());
        List<String> closes = new ArrayList<>(series.size());
        for (PricePoint point : series.points()) {
            days.add(point.date().toString());
            closes.add(point.close().toPlainString());
        }
        return Jdbc.upsertSeries(
                dataSource, UPSERT, Asset.of(series.assetSymbol()).symbol(), series.source(), writtenBy, days, closes);
    }

    static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    }
}
