package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.ContractSpec;
import io.hedgedesk.domain.market.feed.MarketDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Bybit v5 public market data. History pages run backwards: each request asks for at most 200 rows up to a cursor,
 * Bybit answers the newest of them, and the cursor moves to just before the oldest row received.
 */
public class BybitSource implements MarketDataSource {

    static final int PAGE = 200;

    private final BybitApi api;
    private final VenueCall call;
    private final Clock clock;

    public BybitSource(VenueSettings settings, Clock clock, VenueCalls calls) {
        this.api = RestClients.build(BybitApi.class, settings);
        this.call = new VenueCall(BybitPayloads.VENUE, settings, BybitPayloads::error, calls);
        this.clock = clock;
    }

    @Override
    public String name() {
        return BybitPayloads.VENUE;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public boolean supports(Instrument contract) {
        return VenueSymbols.bybit(contract);
    }

    @Override
    public MarketTick ticker(Instrument contract) {
        require(contract);
        String body = call.get(
                "ticker of " + contract.symbol(),
                () -> api.tickers(VenueSymbols.bybitCategory(contract), contract.symbol()));
        return BybitPayloads.ticker(body, contract, clock.instant());
    }

    @Override
    public void fundingHistory(Instrument contract, Instant from, Instant to, PageSink<FundingRate> pages) {
        require(contract);
        String what = "funding history of " + contract.symbol();
        String source = "Bybit v5 funding history " + contract.symbol();
        long end = to.toEpochMilli() - 1;
        while (end >= from.toEpochMilli()) {
            long cursor = end;
            String body = call.get(
                    what,
                    () -> api.fundingHistory(
                            VenueSymbols.bybitCategory(contract),
                            contract.symbol(),
                            from.toEpochMilli(),
                            cursor,
                            PAGE));
            List<FundingRate> page = BybitPayloads.fundingRates(body, what).stream()
                    .filter(rate -> !rate.time().isBefore(from) && rate.time().isBefore(to))
                    .toList();
            if (page.isEmpty()) {
                break;
            }
            pages.accept(page, source);
            long oldest = page.get(0).time().toEpochMilli();
            if (oldest > cursor) {
                break; // the venue ignored the cursor: stop rather than loop
            }
            end = oldest - 1;
        }
    }

    @Override
    public void dailyCloses(Instrument contract, LocalDate from, LocalDate to, PageSink<PricePoint> pages) {
        require(contract);
        String what = "daily klines of " + contract.symbol();
        String source = "Bybit v5 daily kline close " + contract.symbol() + " (perpetual, "
                + contract.quoteAsset().symbol() + ")";
        long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = to.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        while (end >= start) {
            long cursor = end;
            String body = call.get(
                    what,
                    () -> api.kline(VenueSymbols.bybitCategory(contract), contract.symbol(), "D", start, cursor, PAGE));
            List<PricePoint> page = BybitPayloads.dailyCloses(body, what).stream()
                    .filter(point ->
                            !point.date().isBefore(from) && !point.date().isAfter(to))
                    .toList();
            if (page.isEmpty()) {
                break;
            }
            pages.accept(page, source);
            long oldest =
                    page.get(0).date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (oldest > cursor) {
                break;
            }
            end = oldest - 1;
        }
    }

    /** Bybit's market endpoints listed here carry no contract size: the catalog's (with its sources) is served. */
    @Override
    public ContractSpec contractSpec(Instrument contract) {
        require(contract);
        return new ContractSpec(
                contract.id(), contract.symbol(), contract.contractSize(), contract.tickSize(), "contract catalog");
    }

    private void require(Instrument contract) {
        if (!supports(contract)) {
            throw VenueSymbols.unsupported(name(), contract);
        }
    }
}
