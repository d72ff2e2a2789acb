package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.pricing.hedge.CoverageCheck;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.HedgeSizingException;
import io.hedgedesk.pricing.hedge.HedgeState;
import io.hedgedesk.pricing.perpetual.LiquidationDistance;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.valuation.HedgeAlert.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Values the open hedges of one portfolio against its holdings, with one price per coin ({@link Prices}).
 *
 * <p><b>Exposure model.</b> A holding's quantity is the whole bag in that place, including coins moved from it to a
 * venue as margin ("out of the bag"). The exposure in a coin is the insured holdings plus the coins at the venues that
 * did not come from them ({@link AssetCoverage}); so each coin counts once, and right after a plan is recorded the
 * coverage is the plan's. A hedge is a <b>proxy</b> when it carries a β, or when it insures holdings and none of them
 * is of its own coin; its coverage is its USD delta over {@code β × } the insured holdings' value. Every other hedge
 * is a same-coin hedge, valued with the other open hedges of its coin.
 */
public final class HedgeValuer {

    /** The shared instance; the valuer holds no state. */
    public static final HedgeValuer DEFAULT = new HedgeValuer();

    private static final MathContext MC = MathContext.DECIMAL128;

    private HedgeValuer() {}

    /**
     * Values {@code hedges} (open, of one portfolio) against {@code holdings} (all of the portfolio's) at {@code now}.
     * Alerts: liquidation closer than the threshold, stop or take-profit reached ({@link #targetReached}), funding paid
     * at or above the hedge's maximum, per coin a coverage further from its target than the band, no price, or a price
     * older than the stale age.
     */
    public PortfolioHedges value(
            List<HeldCoins> holdings, List<HedgeAccount> hedges, Prices prices, Instant now, AlertThresholds limits) {
        Map<Long, HeldCoins> byId =
                holdings.stream().collect(Collectors.toMap(HeldCoins::holdingId, Function.identity()));
        Map<String, List<HedgeAccount>> sameCoin = new TreeMap<>();
        for (HedgeAccount h : hedges) {
            if (!isProxy(h, byId)) {
                sameCoin.computeIfAbsent(h.asset(), a -> new ArrayList<>()).add(h);
            }
        }
        List<HedgeAlert> alerts = new ArrayList<>();
        List<AssetCoverage> assets = new ArrayList<>();
        for (Map.Entry<String, List<HedgeAccount>> e : sameCoin.entrySet()) {
            AssetCoverage asset = asset(e.getKey(), e.getValue(), holdings, prices);
            assets.add(asset);
            asset.drift()
                    .filter(d -> d.abs().compareTo(limits.coverageBand()) > 0)
                    .ifPresent(d -> alerts.add(new HedgeAlert(
                            Kind.COVERAGE_DRIFT,
                            Optional.empty(),
                            asset.asset(),
                            asset.coverage(),
                            Optional.of(asset.target()),
                            Optional.of(limits.coverageBand()))));
        }
        Map<String, AssetCoverage> assetOf =
                assets.stream().collect(Collectors.toMap(AssetCoverage::asset, Function.identity()));
        List<HedgeValuation> valued = new ArrayList<>();
        for (HedgeAccount h : hedges) {
            HedgeValuation v = hedge(
                    h,
                    Optional.ofNullable(assetOf.get(h.asset())).filter(a -> !isProxy(h, byId)),
                    byId,
                    prices,
                    limits);
            valued.add(v);
            alerts.addAll(v.alerts());
        }
        Set<String> coins = new LinkedHashSet<>();
        hedges.forEach(h -> coins.add(h.asset()));
        for (String coin : coins) {
            Optional<PriceQuote> price = prices.spot(coin);
            if (price.isEmpty()) {
                alerts.add(new HedgeAlert(
                        Kind.NO_PRICE, Optional.empty(), coin, Optional.empty(), Optional.empty(), Optional.empty()));
            } else if (price.get().isStale(now, limits.staleAfter())) {
                alerts.add(new HedgeAlert(
                        Kind.STALE_PRICE,
                        Optional.empty(),
                        coin,
                        Optional.of(hours(price.get().age(now).toMinutes())),
                        Optional.of(hours(limits.staleAfter().toMinutes())),
                        Optional.empty()));
            }
        }
        alerts.sort(Comparator.comparing(HedgeAlert::kind));
        return new PortfolioHedges(assets, valued, alerts);
    }

    /** True for a proxy hedge: it has a β, or it insures holdings of which none is of its own coin. */
    static boolean isProxy(HedgeAccount h, Map<Long, HeldCoins> holdings) {
        if (h.beta().isPresent()) {
            return true;
        }
        return !h.holdingIds().isEmpty()
                && h.holdingIds().stream()
                        .map(holdings::get)
                        .noneMatch(c -> c != null && c.asset().equals(h.asset()));
    }

    private static AssetCoverage asset(
            String coin, List<HedgeAccount> hedges, List<HeldCoins> holdings, Prices prices) {
        Set<Long> insured = new LinkedHashSet<>();
        for (HedgeAccount h : hedges) {
            holdings.stream()
                    .filter(c -> c.asset().equals(coin))
                    .filter(c -> h.holdingIds().isEmpty() || h.holdingIds().contains(c.holdingId()))
                    .forEach(c -> insured.add(c.holdingId()));
        }
        BigDecimal held = holdings.stream()
                .filter(c -> insured.contains(c.holdingId()))
                .map(HeldCoins::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal venue = hedges.stream().map(HedgeAccount::venueCoins).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal bag = hedges.stream().map(HedgeAccount::bagCoins).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exposure = held.add(venue).subtract(bag);
        BigDecimal hedged = hedges.stream().map(h -> signedDelta(h, prices)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = hedges.stream()
                .map(HedgeAccount::targetCoverage)
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ONE);
        Optional<BigDecimal> coverage =
                exposure.signum() > 0 ? Optional.of(hedged.divide(exposure, MC)) : Optional.empty();
        return new AssetCoverage(
                coin,
                held,
                venue,
                bag,
                exposure,
                hedged,
                prices.spot(coin),
                coverage,
                target,
                hedges.stream().map(HedgeAccount::hedgeId).toList());
    }

    /**
     * A hedge's delta in coins of its coin, positive for a short ({@link HedgeSizer#deltaCoins}); a linear contract's
     * needs spot and mark, taken as equal when the coin has no price.
     */
    private static BigDecimal signedDelta(HedgeAccount h, Prices prices) {
        BigDecimal spot = prices.spot(h.asset()).map(PriceQuote::priceUsd).orElse(h.entryPrice());
        BigDecimal mark = prices.mark(h.instrument().id(), h.asset())
                .map(PriceQuote::priceUsd)
                .orElse(spot);
        BigDecimal delta = HedgeSizer.deltaCoins(h.instrument(), h.size(), h.entryPrice(), spot, mark);
        return h.side() == Side.SHORT ? delta : delta.negate();
    }

    private HedgeValuation hedge(
            HedgeAccount h,
            Optional<AssetCoverage> asset,
            Map<Long, HeldCoins> holdings,
            Prices prices,
            AlertThresholds limits) {
        Instrument instrument = h.instrument();
        Optional<PriceQuote> mark = prices.mark(instrument.id(), h.asset());
        BigDecimal delta = signedDelta(h, prices);
        boolean proxy = asset.isEmpty();
        if (mark.isEmpty() || h.size().signum() == 0) {
            return new HedgeValuation(
                    h,
                    mark,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    delta,
                    proxy,
                    Optional.empty(),
                    mark.isEmpty() ? "no price known for " + h.asset() : "the position is empty",
                    List.of());
        }
        BigDecimal markPrice = mark.get().priceUsd();
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        Position position = new Position(instrument, h.side(), h.size(), h.entryPrice(), h.leverage());
        List<HedgeAlert> alerts = new ArrayList<>();
        Optional<LiquidationDistance> liquidation = Optional.empty();
        try {
            BigDecimal extra =
                    h.margin().subtract(pricer.initialMargin(position).value()).max(BigDecimal.ZERO);
            liquidation = pricer.distanceToLiquidation(
                    position,
                    instrument.liquidationConvention(),
                    new Amount(extra, instrument.settlementAsset()),
                    markPrice);
        } catch (PerpetualPricingException e) {
            // no liquidation price for this position (e.g. margin beyond the tiers): none is shown
        }
        liquidation
                .filter(d -> d.fraction().compareTo(limits.liquidationAlert()) < 0)
                .ifPresent(d -> alerts.add(
                        HedgeAlert.ofHedge(Kind.LIQUIDATION_NEAR, h, d.fraction(), limits.liquidationAlert())));
        Optional<BigDecimal> stop =
                h.stopPrice().map(level -> level.subtract(markPrice).divide(markPrice, MC));
        Optional<BigDecimal> takeProfit =
                h.takeProfitPrice().map(level -> level.subtract(markPrice).divide(markPrice, MC));
        stop.filter(d -> targetReached(h.side(), d, true))
                .ifPresent(d -> alerts.add(HedgeAlert.ofHedge(
                        Kind.STOP_REACHED, h, d, h.stopPrice().get())));
        takeProfit
                .filter(d -> targetReached(h.side(), d, false))
                .ifPresent(d -> alerts.add(HedgeAlert.ofHedge(
                        Kind.TAKE_PROFIT_REACHED, h, d, h.takeProfitPrice().get())));
        BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : markPrice;
        BigDecimal fundingUsd = h.fundingCash().multiply(settlementUsd, MC);
        h.maxFundingCostUsd()
                .filter(max -> fundingUsd.negate().compareTo(max) >= 0)
                .ifPresent(max -> alerts.add(HedgeAlert.ofHedge(Kind.FUNDING_COST, h, fundingUsd.negate(), max)));

        Optional<CoverageCheck> coverage = Optional.empty();
        String note = "";
        Optional<PriceQuote> spot = prices.spot(h.asset());
        try {
            if (h.side() != Side.SHORT) {
                note = "a long position adds exposure; coverage is shown for short hedges";
            } else if (spot.isEmpty()) {
                note = "no price known for " + h.asset();
            } else if (!proxy) {
                AssetCoverage a = asset.get();
                if (a.exposureCoins().signum() <= 0) {
                    note = "no " + h.asset() + " holdings insured";
                } else {
                    HedgeState state = new HedgeState(
                            instrument,
                            a.exposureCoins(),
                            BigDecimal.ZERO,
                            h.size(),
                            h.entryPrice(),
                            spot.get().priceUsd(),
                            markPrice);
                    coverage = Optional.of(HedgeSizer.DEFAULT.coverage(
                            state, a.target(), a.hedgedCoins().subtract(delta)));
                }
            } else {
                coverage = proxyCoverage(h, holdings, prices, spot.get().priceUsd(), markPrice);
                if (coverage.isEmpty()) {
                    note = "the insured holdings have no price";
                }
                coverage.filter(c -> c.drift().abs().compareTo(limits.coverageBand()) > 0)
                        .ifPresent(c -> alerts.add(new HedgeAlert(
                                Kind.COVERAGE_DRIFT,
                                Optional.of(h.hedgeId()),
                                h.asset(),
                                Optional.of(c.coverage()),
                                Optional.of(c.target()),
                                Optional.of(limits.coverageBand()))));
            }
        } catch (HedgeSizingException e) {
            note = e.getMessage();
        }
        return new HedgeValuation(
                h,
                mark,
                Optional.of(pricer.pnl(position, markPrice).value()),
                Optional.of(pricer.pnlUsd(position, markPrice).value()),
                liquidation,
                stop,
                takeProfit,
                delta,
                proxy,
                coverage,
                note,
                alerts);
    }

    /**
     * A proxy hedge's coverage: its delta over {@code β × B / P} coins of its coin, where {@code B} is the USD value of
     * the insured holdings (each at its coin's price) and {@code P} the price of the hedge's coin; the resize restores
     * {@code target × β × B} USD of hedge.
     */
    private static Optional<CoverageCheck> proxyCoverage(
            HedgeAccount h, Map<Long, HeldCoins> holdings, Prices prices, BigDecimal spot, BigDecimal mark) {
        BigDecimal basket = BigDecimal.ZERO;
        for (Long id : h.holdingIds()) {
            HeldCoins c = holdings.get(id);
            if (c != null) {
                Optional<PriceQuote> p = prices.spot(c.asset());
                if (p.isPresent()) {
                    basket = basket.add(c.quantity().multiply(p.get().priceUsd(), MC));
                }
            }
        }
        BigDecimal beta = h.beta().orElse(BigDecimal.ONE);
        BigDecimal equivalentCoins = beta.multiply(basket, MC).divide(spot, MC);
        if (equivalentCoins.signum() <= 0) {
            return Optional.empty();
        }
        HedgeState state =
                new HedgeState(h.instrument(), equivalentCoins, BigDecimal.ZERO, h.size(), h.entryPrice(), spot, mark);
        return Optional.of(HedgeSizer.DEFAULT.coverage(state, h.targetCoverage()));
    }

    /**
     * Whether a close target is reached, from its signed distance {@code (level − mark)/mark}: a short's stop when the
     * price has risen to it (distance ≤ 0), its take-profit when the price has fallen to it (distance ≥ 0); a long's the
     * other way round.
     */
    static boolean targetReached(Side side, BigDecimal distance, boolean stop) {
        int adverse = side == Side.SHORT ? 1 : -1;
        return stop ? distance.signum() * adverse <= 0 : distance.signum() * adverse >= 0;
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), MC);
    }
}
