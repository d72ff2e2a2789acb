package io.hedgedesk.web.planner;

import io.hedgedesk.web.position.Money;
import io.hedgedesk.web.sizing.ScenarioView;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tails of the side-by-side comparison: each plan's net result at the worst and the best move of its scenario
 * grid, and in words whether the hedge's margin is itself exposure to a coin.
 *
 * <p>The per-asset plan moves every coin by the same shock; its net at a shock is the sum of the legs' rows as shown
 * (USD at cents), so that it is what a reader adding up the tables finds.
 *
 * @param perAssetMargin words about the per-asset legs' coin margin; "" when every leg's margin is USDT
 * @param proxyMargin    words about the proxy hedge's coin margin; "" when it is USDT
 */
public record PlanSummary(
        Optional<Tail> perAssetWorst,
        Optional<Tail> perAssetBest,
        Optional<Tail> proxyWorst,
        Optional<Tail> proxyBest,
        String perAssetMargin,
        String proxyMargin) {

    /**
     * A plan's net result at one move of its grid.
     *
     * @param shockPercent the move, percent
     * @param netUsd       the net result, USD at cents
     * @param bandUsd      the proxy's net at the residual band's end on the same side (low for the worst, high for the
     *                     best); empty for the per-asset plan
     * @param liquidated   whether a hedge of the plan is liquidated at that move
     */
    public record Tail(BigDecimal shockPercent, BigDecimal netUsd, Optional<BigDecimal> bandUsd, boolean liquidated) {}

    static PlanSummary of(List<PlanPage.LegResult> legs, Optional<PlanPage.ProxyPlan> proxy) {
        Map<BigDecimal, Tail> perAsset = perAssetNets(legs);
        Comparator<Tail> byNet = Comparator.comparing(Tail::netUsd);
        Optional<Tail> proxyWorst = proxy.flatMap(
                        p -> p.scenarios().stream().min(Comparator.comparing(PlanPage.ProxyRow::netPnlUsd)))
                .map(r -> new Tail(r.shockPercent(), r.netPnlUsd(), Optional.of(r.netLowUsd()), r.liquidated()));
        Optional<Tail> proxyBest = proxy.flatMap(
                        p -> p.scenarios().stream().max(Comparator.comparing(PlanPage.ProxyRow::netPnlUsd)))
                .map(r -> new Tail(r.shockPercent(), r.netPnlUsd(), Optional.of(r.netHighUsd()), r.liquidated()));
        return new PlanSummary(
                perAsset.values().stream().min(byNet),
                perAsset.values().stream().max(byNet),
                proxyWorst,
                proxyBest,
                perAssetMarginWords(legs),
                proxy.map(PlanSummary::proxyMarginWords).orElse(""));
    }

    /** Σ of the legs' net at each shock of their grids, by shock in increasing order. */
    private static Map<BigDecimal, Tail> perAssetNets(List<PlanPage.LegResult> legs) {
        Map<BigDecimal, Tail> nets = new TreeMap<>();
        for (PlanPage.LegResult leg : legs) {
            for (ScenarioView.Row row : leg.scenarios().rows()) {
                nets.merge(
                        row.shockPercent(),
                        new Tail(row.shockPercent(), row.netPnlUsd(), Optional.empty(), row.liquidated()),
                        (a, b) -> new Tail(
                                a.shockPercent(),
                                a.netUsd().add(b.netUsd()),
                                Optional.empty(),
                                a.liquidated() || b.liquidated()));
            }
        }
        return nets;
    }

    /** The legs whose margin is coin: that coin is long exposure, which the sizer counts in what each leg hedges. */
    private static String perAssetMarginWords(List<PlanPage.LegResult> legs) {
        List<Money> coinMargins = legs.stream()
                .map(PlanPage.LegResult::hedge)
                .filter(h -> !"STABLECOIN".equals(h.marginSource()))
                .map(h -> h.margin())
                .toList();
        if (coinMargins.isEmpty()) {
            return "";
        }
        if (coinMargins.size() == 1) {
            Money margin = coinMargins.get(0);
            return "The hedge's margin is " + margin.text() + ", itself long " + margin.asset()
                    + ": the leg is sized to hedge it with the bag.";
        }
        return "The hedges' margins are "
                + coinMargins.stream().map(Money::text).collect(Collectors.joining(", "))
                + ", each itself long its coin: each leg is sized to hedge its margin"
                + " with the bag.";
    }

    /**
     * An inverse proxy hedge's margin is the hedge asset: long exposure the basket did not have, which the hedge (sized
     * on the basket alone) does not cover. The loss shown is the margin coin's at the grid's largest fall.
     */
    private static String proxyMarginWords(PlanPage.ProxyPlan proxy) {
        Money margin = proxy.position().initialMargin();
        String coin = proxy.beta().hedgeAsset();
        if (!margin.asset().equals(coin)) {
            return "";
        }
        String words = "The hedge's margin is " + Display.amount(margin.amount(), coin) + ", itself long " + coin
                + ": it loses with the price, and the hedge, sized on the basket alone, does not cover it";
        return proxy.scenarios().stream()
                .min(Comparator.comparing(PlanPage.ProxyRow::marginCoinPnlUsd))
                .filter(r -> r.marginCoinPnlUsd().signum() < 0)
                .map(r -> words + " (" + Display.usd(r.marginCoinPnlUsd()) + " at " + Display.pct(r.shockPercent())
                        + ").")
                .orElse(words + ".");
    }
}
