package io.hedgedesk.web.planner;

import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.web.funding.FundingCalculator;
import io.hedgedesk.web.position.PositionReport;
import io.hedgedesk.web.proxy.BetaCalculator;
import io.hedgedesk.web.sizing.HedgeView;
import io.hedgedesk.web.sizing.ScenarioView;
import io.hedgedesk.web.support.CoverageInput;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.chart.SvgChart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hedge planner page: the inputs as typed, the per-asset 1:1 legs and the proxy hedge, each with its numbers
 * from the pricing module and its reasoning in words.
 *
 * @param errors messages keyed by the query field they are about (shown next to it)
 */
public record PlanPage(
        PortfolioAccess access,
        List<HoldingChoice> holdings,
        PlanForm form,
        List<AssetLeg> legs,
        Optional<ProxyPlan> proxy,
        Optional<String> proxyProblem,
        List<String> notes,
        Map<String, String> errors,
        List<String> contracts) {

    public boolean canRecord() {
        return access.role().canEdit();
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** The message about one asset's field, e.g. {@code assetError("leverage", "ETH")} for {@code leverage.ETH}. */
    public String assetError(String field, String asset) {
        return error(field + "." + asset);
    }

    private List<LegResult> results() {
        return legs.stream().flatMap(l -> l.result().stream()).toList();
    }

    /** The per-asset orders, one per line. */
    public List<String> perAssetOrders() {
        return results().stream().map(r -> r.hedge().orderWords()).toList();
    }

    /** Σ initial margin of the per-asset legs, USD at cents. */
    public BigDecimal perAssetMarginUsd() {
        return results().stream().map(r -> r.hedge().marginUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Σ expected funding per 30 days of the per-asset legs with a funding history, USD (positive = income). */
    public BigDecimal perAssetFundingPerMonthUsd() {
        return results().stream()
                .flatMap(r -> r.funding().stream())
                .map(f -> f.perMonth().usd().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Σ |rounding residual| of the per-asset legs, USD: what whole contracts leave unhedged or over-hedged. */
    public BigDecimal perAssetResidualUsd() {
        return results().stream()
                .map(r -> r.hedge().roundingResidualUsd().abs())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Each plan's net at the worst and best moves of its grid, and whether its margin is itself exposure. */
    public PlanSummary summary() {
        return PlanSummary.of(results(), proxy);
    }

    /** Legs without a funding history (their funding is not in the total). */
    public long perAssetLegsWithoutFunding() {
        return results().stream().filter(r -> r.funding().isEmpty()).count();
    }

    /**
     * Distance from the entry price to the bankruptcy price as a percentage of the entry, 2 decimals (positive: the
     * price must rise that much for a short); empty when there is no bankruptcy price.
     */
    static Optional<BigDecimal> bankruptcyDistancePercent(PositionReport position) {
        return position.bankruptcyPrice()
                .map(bp -> bp.subtract(position.entryPrice())
                        .divide(position.entryPrice(), java.math.MathContext.DECIMAL128))
                .map(Display::percentPoints);
    }

    /** A holding offered for selection. */
    public record HoldingChoice(
            long id,
            String asset,
            BigDecimal quantity,
            String venue,
            Optional<BigDecimal> valueUsd,
            boolean selected) {}

    /** The inputs as typed (echoed into the form). */
    public record PlanForm(
            String horizonDays,
            String windowDays,
            String from,
            String to,
            String returnType,
            String weighting,
            String proxyAsset,
            String proxyContract,
            String proxyLeverage,
            List<AssetInput> assets) {

        public List<String> windows() {
            return BetaCalculator.WINDOWS.stream().map(String::valueOf).toList();
        }
    }

    /** Per-asset inputs and the catalog contracts of that asset. */
    /**
     * The inputs of one asset's leg.
     *
     * @param open  what open hedges of the portfolio already insure of this coin, in words; empty when none
     * @param whole true when the user asked to plan the whole bag regardless of the open hedges
     */
    public record AssetInput(
            String asset,
            String contract,
            String leverage,
            String marginSource,
            String coverage,
            List<String> contracts,
            String open,
            boolean whole) {

        /** The target coverage typed in percent, as the fraction the binder reads ({@link CoverageInput}). */
        public String coverageFraction() {
            return CoverageInput.fraction(coverage);
        }
    }

    /**
     * One per-asset 1:1 hedge.
     *
     * @param coins     coins of the selected holdings
     * @param spotPrice last stored USDT-quoted daily close, or the manual price
     * @param priceNote where the price comes from and its date
     * @param problem   why this asset has no hedge (no contract, no price, impossible inputs)
     */
    public record AssetLeg(
            String asset,
            BigDecimal coins,
            Optional<BigDecimal> spotPrice,
            String priceNote,
            Optional<LegResult> result,
            Optional<String> problem) {}

    /**
     * The numbers of one leg.
     *
     * @param funding      empty when no funding history exists for the contract's asset
     * @param fundingNote  which stored series the projection uses, and why
     */
    public record LegResult(
            HedgeView hedge,
            PositionReport position,
            Optional<FundingCalculator.FundingView> funding,
            String fundingNote,
            ScenarioView scenarios,
            SvgChart payoff,
            Optional<SvgChart> fundingHistory) {

        public Optional<BigDecimal> bankruptcyDistancePercent() {
            return PlanPage.bankruptcyDistancePercent(position);
        }
    }

    /**
     * The proxy hedge of the basket.
     *
     * @param order             e.g. "SELL 7,000 BTCUSD inverse contracts"
     * @param notionalCoins     hedge notional in the hedge asset at the last close
     * @param effectiveness     in-sample variance reduction (= ρ²), percent, labelled as in-sample
     * @param residualRiskUsd   annualized residual volatility × basket value, USD: the one-σ yearly move the hedge
     *                          leaves
     */
    public record ProxyPlan(
            BetaCalculator.BetaView beta,
            String contract,
            String order,
            BigDecimal contracts,
            BigDecimal hedgePrice,
            LocalDate hedgePriceDate,
            BigDecimal notionalCoins,
            BigDecimal notionalUsd,
            String marginWords,
            PositionReport position,
            Optional<FundingCalculator.FundingView> funding,
            String fundingNote,
            BigDecimal effectivenessPercent,
            String effectivenessLabel,
            BigDecimal residualRiskUsd,
            List<ProxyRow> scenarios,
            SvgChart payoff,
            Optional<SvgChart> betaHistory,
            Optional<SvgChart> fundingHistory) {

        public Optional<BigDecimal> bankruptcyDistancePercent() {
            return PlanPage.bankruptcyDistancePercent(position);
        }

        /** Initial margin in USD: coin margin at the hedge price (inverse), USDT at 1 USD (linear). */
        public BigDecimal marginUsd() {
            BigDecimal margin = position.initialMargin().amount();
            return Display.cents(position.contract().type().equals("INVERSE") ? margin.multiply(hedgePrice) : margin);
        }
    }

    /**
     * One scenario row of the proxy hedge, USD at cents; band = ± one residual σ over the horizon.
     *
     * @param liquidation the hedge's liquidation in words (where, the margin lost, the unhedged rest of the move); ""
     *                    when not liquidated
     */
    public record ProxyRow(
            BigDecimal shockPercent,
            BigDecimal hedgePrice,
            BigDecimal basketPnlUsd,
            BigDecimal marginCoinPnlUsd,
            BigDecimal hedgePnlUsd,
            BigDecimal fundingUsd,
            BigDecimal feesUsd,
            BigDecimal netPnlUsd,
            BigDecimal netLowUsd,
            BigDecimal netHighUsd,
            BigDecimal marginBalance,
            boolean liquidated,
            String liquidation) {}
}
