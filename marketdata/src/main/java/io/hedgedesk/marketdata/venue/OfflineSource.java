package io.hedgedesk.marketdata.venue;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.feed.ContractSpec;
import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The default source, for machines without internet: serves what the database holds (shipped or imported history,
 * the last stored tick) and never calls a venue. Contracts without a stored tick have none here.
 */
public class OfflineSource implements MarketDataSource {

    static final String NAME = "offline";

    private final MarketTickRepository ticks;
    private final FundingHistoryRepository funding;
    private final PriceHistoryRepository prices;

    public OfflineSource(MarketTickRepository ticks, FundingHistoryRepository funding, PriceHistoryRepository prices) {
        this.ticks = ticks;
        this.funding = funding;
        this.prices = prices;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public boolean supports(Instrument contract) {
        return true;
    }

    @Override
    public MarketTick ticker(Instrument contract) {
        return ticks.latest(contract.id())
                .orElseThrow(() -> new VenueUnavailableException(
                        NAME, "no stored tick of " + contract.id() + " (the source is offline)", false, null));
    }

    @Override
    public void fundingHistory(Instrument contract, Instant from, Instant to, PageSink<FundingRate> pages) {
        funding.series(contract.id(), from, to).ifPresent(series -> pages.accept(series.rates(), series.source()));
    }

    @Override
    public void dailyCloses(Instrument contract, LocalDate from, LocalDate to, PageSink<PricePoint> pages) {
        prices.series(contract.baseAsset().symbol(), from, to)
                .ifPresent(series -> pages.accept(series.points(), series.source()));
    }

    @Override
    public ContractSpec contractSpec(Instrument contract) {
        return new ContractSpec(
                contract.id(), contract.symbol(), contract.contractSize(), contract.tickSize(), "contract catalog");
    }
}
