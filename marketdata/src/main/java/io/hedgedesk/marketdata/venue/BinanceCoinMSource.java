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
 * Binance COIN-M (coin-margined, {@code dapi}) public market data. Funding pages run forwards (Binance answers the
 * oldest {@code limit} rows from {@code startTime}); klines are asked for in windows of at most 200 days, the most
 * Binance accepts, each of which fits one answer.
 */
public class BinanceCoinMSource implements MarketDataSource {

    static final int FUNDING_PAGE = 1000;
    static final int KLINE_WINDOW_DAYS = 200;

    private final BinanceCoinMApi api;
    private final VenueCall call;
    private final Clock clock;

    public BinanceCoinMSource(VenueSettings settings, Clock clock, VenueCalls calls) {
        this.api = RestClients.build(BinanceCoinMApi.class, settings);
        this.call = new VenueCall(BinancePayloads.VENUE, settings, BinancePayloads::error, calls);
        this.clock = clock;
    }

    @Override
    public String name() {
        return BinancePayloads.VENUE;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public boolean supports(Instrument contract) {
        return VenueSymbols.binanceCoinM(contract);
    }

    @Override
    public MarketTick ticker(Instrument contract) {
        require(contract);
        String body = call.get("premium index of " + contract.symbol(), () -> api.premiumIndex(contract.symbol()));
        return BinancePayloads.ticker(body, contract, clock.instant());
    }

    @Override
    public void fundingHistory(Instrument contract, Instant from, Instant to, PageSink<FundingRate> pages) {
        require(contract);
        String what = "funding history of " + contract.symbol();
        String source = "Binance COIN-M funding history " + contract.symbol();
        long start = from.toEpochMilli();
        long end = to.toEpochMilli() - 1;
        while (start <= end) {
            long cursor = start;
            String body = call.get(what, () -> api.fundingRate(contract.symbol(), cursor, end, FUNDING_PAGE));
            List<FundingRate> received = BinancePayloads.fundingRates(body, what);
            List<FundingRate> page = received.stream()
                    .filter(rate -> !rate.time().isBefore(from) && rate.time().isBefore(to))
                    .toList();
            if (!page.isEmpty()) {
                pages.accept(page, source);
            }
            if (received.size() < FUNDING_PAGE || page.isEmpty()) {
                break;
            }
            start = page.get(page.size() - 1).time().toEpochMilli() + 1;
        }
    }

    @Override
    public void dailyCloses(Instrument contract, LocalDate from, LocalDate to, PageSink<PricePoint> pages) {
        require(contract);
        String what = "daily klines of " + contract.symbol();
        String source = "Binance COIN-M daily kline close " + contract.symbol() + " (perpetual, USD)";
        for (LocalDate windowStart = from;
                !windowStart.isAfter(to);
                windowStart = windowStart.plusDays(KLINE_WINDOW_DAYS)) {
            LocalDate windowEnd = windowStart.plusDays(KLINE_WINDOW_DAYS - 1L).isAfter(to)
                    ? to
                    : windowStart.plusDays(KLINE_WINDOW_DAYS - 1L);
            long start = windowStart.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long end = windowEnd.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            String body = call.get(what, () -> api.klines(contract.symbol(), "1d", start, end, KLINE_WINDOW_DAYS));
            List<PricePoint> page = BinancePayloads.dailyCloses(body, what).stream()
                    .filter(point ->
                            !point.date().isBefore(from) && !point.date().isAfter(to))
                    .toList();
            if (!page.isEmpty()) {
                pages.accept(page, source);
            }
        }
    }

    @Override
    public ContractSpec contractSpec(Instrument contract) {
        require(contract);
        String body = call.get("exchangeInfo", api::exchangeInfo);
        return BinancePayloads.contractSpec(body, contract);
    }

    private void require(Instrument contract) {
        if (!supports(contract)) {
            throw VenueSymbols.unsupported(name(), contract);
        }
    }
}
