package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.pricing.valuation.AssetCoverage;
import io.hedgedesk.pricing.valuation.HedgeAccount;
import io.hedgedesk.pricing.valuation.HedgeValuation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** How a stored hedge enters the valuation ({@link HedgeAccount}) and how its valuation becomes its snapshot. */
final class HedgeSnapshots {

    private HedgeSnapshots() {}

    /** Sums over a hedge's whole ledger, as the database sums them for the dashboard ({@code ledgerTotals}). */
    static HedgeBookService.LedgerTotals totals(List<HedgeEvent> events) {
        return new HedgeBookService.LedgerTotals(
                sum(events.stream()
                        .filter(e -> e.type() == HedgeEventType.FUNDING)
                        .map(HedgeEvent::cashChange)
                        .toList()),
                sum(events.stream().map(e -> e.fee().orElse(BigDecimal.ZERO)).toList()),
                sum(events.stream().map(HedgeEvent::cashChange).toList()),
                sum(events.stream()
                        .filter(e -> e.type() == HedgeEventType.MARGIN_IN || e.type() == HedgeEventType.MARGIN_OUT)
                        .map(HedgeEvent::cashChange)
                        .toList()));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The price of each coin the portfolio's holdings were valued at. */
    static Map<String, PriceQuote> spot(PortfolioValuation valuation) {
        Map<String, PriceQuote> spot = new HashMap<>();
        valuation
                .lines()
                .forEach(l ->
                        l.quote().ifPresent(q -> spot.put(l.holding().draft().assetSymbol(), q)));
        return spot;
    }

    /**
     * The hedge as the valuer sees it. Coins at the venue: an inverse contract's account balance (every cash change, in
     * the coin), a linear contract's coin collateral. Of those, the ones that came out of the insured holdings (margin
     * "out of the bag", and what was moved in or out since) are still part of the holdings' quantity.
     */
    static HedgeAccount account(HedgeBookService.HedgeAccess access, HedgeBookService.LedgerTotals totals) {
        Hedge h = access.hedge();
        Instrument instrument = access.instrument();
        BigDecimal venue = instrument.isInverse() ? totals.cash() : h.collateralCoins();
        BigDecimal bag = !h.marginFromHoldings()
                ? BigDecimal.ZERO
                : instrument.isInverse() ? totals.margin() : h.collateralCoins();
        return new HedgeAccount(
                h.id(),
                instrument,
                h.side(),
                h.size(),
                h.entryPrice(),
                h.leverage(),
                h.margin(),
                h.targetCoverage(),
                h.holdingIds(),
                venue,
                bag,
                h.beta(),
                h.stopPrice(),
                h.takeProfitPrice(),
                h.maxFundingCostUsd(),
                totals.funding());
    }

    /**
     * The hedge's page and dashboard row: its valuation in {@code valued}, its mark and the mark's age, the ledger
     * sums, and the alerts about it or its coin.
     */
    static HedgeSnapshot snapshot(
            HedgeBookService.HedgeAccess access,
            HedgeBookService.LedgerTotals totals,
            HedgeTracker.Valued valued,
            Instant now,
            Duration staleAfter,
            BiFunction<BigDecimal, Instant, ExpectedFunding.FundingOrNote> expectedFunding) {
        Hedge hedge = access.hedge();
        String asset = access.instrument().baseAsset().symbol();
        Optional<HedgeValuation> v = valued.hedges().hedge(hedge.id());
        Optional<HedgeMark> mark = CoinPrices.mark(valued.prices(), access.instrument());
        boolean stale =
                hedge.isOpen() && mark.map(m -> m.isStale(now, staleAfter)).orElse(false);
        Optional<AssetCoverage> coin =
                v.filter(h -> !h.proxy()).flatMap(h -> valued.hedges().asset(asset));
        ExpectedFunding.FundingOrNote expected = mark.map(m -> expectedFunding.apply(m.price(), now))
                .orElse(new ExpectedFunding.FundingOrNote(Optional.empty(), "no mark price"));
        return new HedgeSnapshot(
                access,
                mark,
                mark.map(m -> m.age(now)),
                stale,
                v.flatMap(HedgeValuation::unrealizedPnl),
                v.flatMap(HedgeValuation::unrealizedPnlUsd),
                expected.amount(),
                expected.note(),
                totals.funding(),
                totals.fees(),
                totals.cash(),
                v.flatMap(HedgeValuation::coverage),
                hedge.isOpen() ? v.map(HedgeValuation::coverageNote).orElse("") : "the hedge is closed",
                v.flatMap(HedgeValuation::liquidation),
                v.flatMap(HedgeValuation::stopDistance),
                v.flatMap(HedgeValuation::takeProfitDistance),
                coin,
                v.map(HedgeValuation::proxy).orElse(false),
                valued.hedges().alerts().stream()
                        .filter(a -> a.hedgeId()
                                .map(id -> id == hedge.id())
                                .orElse(a.asset().equals(asset)))
                        .toList());
    }
}
