package io.hedgedesk.domain.market.feed;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where live and historical public market data of catalog contracts comes from. Every method either returns valid
 * domain values or throws a {@link MarketDataException} subtype; none returns null.
 *
 * <p>History is delivered in pages to a {@link PageSink} so a long backfill can store (and show) what it has while
 * fetching the rest. Each page is ascending in time without duplicates; pages may arrive newest-first (Bybit pages
 * backwards from the end of the range) or oldest-first.
 */
public interface MarketDataSource {

    /** Receives one page of history, ascending, with the source text to store with it. */
    @FunctionalInterface
    interface PageSink<T> {
        void accept(List<T> page, String source);
    }

    /** A short name for pages and logs, e.g. {@code "Bybit v5"}, {@code "offline"}. */
    String name();

    /** False for the offline source, which serves what is already stored and never calls a venue. */
    boolean live();

    /** True when this source can serve {@code contract} (its venue and contract type). */
    boolean supports(Instrument contract);

    /** The contract's latest mark, index, last price and funding. */
    MarketTick ticker(Instrument contract);

    /**
     * Funding settlements with {@code from <= time < to}, in pages; none when the venue has none.
     */
    void fundingHistory(Instrument contract, Instant from, Instant to, PageSink<FundingRate> pages);

    /**
     * Closed daily candles of the contract with {@code from <= day <= to} (UTC days), their closes in the contract's
     * quote currency, in pages; none when the venue has none.
     */
    void dailyCloses(Instrument contract, LocalDate from, LocalDate to, PageSink<PricePoint> pages);

    /** The venue's own specification of the contract (e.g. Binance {@code exchangeInfo} contract size). */
    ContractSpec contractSpec(Instrument contract);
}
