package io.hedgedesk.pricing.scenario;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.funding.FundingCash;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.pricing.perpetual.Liquidity;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stateless scenario calculator (domain.md §7): the hedged holding's PnL, funding, fees, margin and liquidation for
 * instantaneous price shocks of the hedge asset.
 *
 * <p><b>Model.</b> For a shock {@code s > −1} the hedge asset's spot goes from {@code S} to {@code S·(1 + s)} and the
 * perpetual's mark from {@code F} to {@code F·(1 + s)} (constant relative basis), at the start of the horizon, and
 * stays there:
 * <ul>
 *   <li>spot PnL (USD) {@code = C·S·s}, {@code C} the coins of the hedge asset held, margin coin included;</li>
 *   <li>basket PnL (USD, proxy hedges) {@code = V·((1 + s)^β − 1)} ({@link ProxyBasket#move}: never below {@code −V}),
 *       with a residual band {@code ± k·σ_res·V}, the band below cut at the basket's remaining value;</li>
 *   <li>hedge PnL: {@link PerpetualPricer#pnl} at the shocked mark — inverse short {@code Q·FV·(1/X − 1/E)} coins,
 *       linear short {@code q·cs·(E − X)} USDT;</li>
 *   <li>funding {@code = rate sum to the holder × position value at the shocked mark} ({@code Q·FV/X} coins or
 *       {@code q·cs·X} USDT), via {@link FundingProjector#toCash}; positive = received;</li>
 *   <li>fees: taker fee to open at the entry price plus taker fee to close at the shocked mark,
 *       {@link PerpetualPricer#fee}; positive = paid;</li>
 *   <li>net PnL (USD) {@code = spot + basket + hedge + funding − fees};</li>
 *   <li>margin balance {@code = IM + extra margin + hedge PnL + funding} (settlement asset;
 *       {@link PerpetualPricer#marginBalance} plus the funding);</li>
 *   <li>liquidated when the shocked mark is at or beyond {@link PerpetualPricer#liquidationPrice} (the instrument's
 *       convention, with the extra margin), or when the funding paid takes the margin balance to 0 or below.</li>
 * </ul>
 * <b>Liquidated rows.</b> An isolated position that is liquidated loses its margin {@code M = IM + extra} and no more:
 * hedge PnL {@code = −M} (liquidated by price; no funding, the position is gone at the start of the horizon) or hedge
 * PnL at the mark plus funding {@code = −M} (by funding); fees are the fee to open only, as the liquidation's own
 * charges come out of the margin; the margin balance is 0. The holdings keep moving: from the liquidation price to
 * the shocked price the move is unhedged ({@link ScenarioLiquidation#unhedgedPnlUsd}). The coin margin lost is
 * valued at the shocked spot, so that spot PnL plus hedge PnL is the change of what the holder owns,
 * {@code (C − M)·S' − C·S}.
 * Settlement-asset amounts are converted to USD at the <b>shocked spot</b> price for a coin, at 1 for USDT.
 */
public final class ScenarioCalculator {

    /** The shared instance; the calculator holds no state. */
    public static final ScenarioCalculator DEFAULT = new ScenarioCalculator();

    /** −80 %, −60 %, −40 %, −20 %, −10 %, 0, +10 %, +20 %, +50 %, +100 %. */
    public static final List<BigDecimal> DEFAULT_SHOCKS = List.of(
            new BigDecimal("-0.8"),
            new BigDecimal("-0.6"),
            new BigDecimal("-0.4"),
            new BigDecimal("-0.2"),
            new BigDecimal("-0.1"),
            BigDecimal.ZERO,
            new BigDecimal("0.1"),
            new BigDecimal("0.2"),
            new BigDecimal("0.5"),
            BigDecimal.ONE);

    private static final MathContext MC = MathContext.DECIMAL128;

    private ScenarioCalculator() {}

    /** The grid over {@link #DEFAULT_SHOCKS}. */
    public ScenarioGrid grid(ScenarioInput input) {
        return grid(input, DEFAULT_SHOCKS);
    }

    /**
     * The grid over {@code shocks} (relative moves of the hedge asset, each {@code > −1}, in the order shown).
     *
     * @throws ScenarioException if the list is empty or a shock is −100 % or worse
     */
    public ScenarioGrid grid(ScenarioInput input, List<BigDecimal> shocks) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(shocks, "shocks");
        if (shocks.isEmpty()) {
            throw new ScenarioException("shocks must not be empty");
        }
        Optional<BigDecimal> liquidation = liquidationPrice(input);
        List<ScenarioRow> rows = new ArrayList<>(shocks.size());
        for (BigDecimal shock : shocks) {
            BigDecimal factor = factor(shock);
            rows.add(row(
                    input,
                    shock,
                    input.spotPrice().multiply(factor),
                    input.markPrice().multiply(factor),
                    liquidation));
        }
        PerpetualPricer pricer = PerpetualPricer.of(input.hedge().instrument());
        return new ScenarioGrid(input, liquidation, pricer.bankruptcyPrice(input.hedge(), input.extraMargin()), rows);
    }

    /** One row for a relative shock {@code s > −1} of the hedge asset. */
    public ScenarioRow row(ScenarioInput input, BigDecimal shock) {
        Objects.requireNonNull(input, "input");
        BigDecimal factor = factor(shock);
        return row(
                input,
                shock,
                input.spotPrice().multiply(factor),
                input.markPrice().multiply(factor),
                liquidationPrice(input));
    }

    /**
     * One row for the hedge asset's spot moving to {@code shockedSpot}: the shock is {@code shockedSpot/S − 1} and the
     * mark moves to {@code F·shockedSpot/S}. Use it to price a round target (e.g. ETH at 3,000) exactly.
     */
    public ScenarioRow rowAtPrice(ScenarioInput input, BigDecimal shockedSpot) {
        Objects.requireNonNull(input, "input");
        ScenarioInput.positive(shockedSpot, "shockedSpot");
        BigDecimal ratio = shockedSpot.divide(input.spotPrice(), MC);
        return row(
                input,
                ratio.subtract(BigDecimal.ONE),
                shockedSpot,
                input.markPrice().multiply(ratio, MC),
                liquidationPrice(input));
    }

    private ScenarioRow row(
            ScenarioInput input, BigDecimal shock, BigDecimal spot, BigDecimal mark, Optional<BigDecimal> liquidation) {
        Position hedge = input.hedge();
        PerpetualPricer pricer = PerpetualPricer.of(hedge.instrument());
        Asset settlement = hedge.settlementAsset();
        BigDecimal settlementUsd = settlement.isDollar() ? BigDecimal.ONE : spot;

        BigDecimal spotPnlUsd = input.hedgeAssetCoins().multiply(spot.subtract(input.spotPrice()));
        BigDecimal basketPnlUsd = input.basket().map(b -> b.pnlUsd(shock)).orElse(BigDecimal.ZERO);
        BigDecimal band = input.basket().map(ProxyBasket::bandUsd).orElse(BigDecimal.ZERO);
        BigDecimal bandBelow = input.basket()
                .map(b -> band.min(b.valueUsd().add(basketPnlUsd)))
                .orElse(BigDecimal.ZERO);

        Amount hedgePnl = pricer.pnl(hedge, mark);
        Amount positionValue = pricer.positionValue(hedge.instrument(), hedge.size(), mark);
        FundingCash fundingCash =
                FundingProjector.DEFAULT.toCash(input.fundingRateSumToHolder(), positionValue.value(), settlementUsd);
        Amount funding = new Amount(fundingCash.inSettlementAsset(), settlement);
        BigDecimal fundingUsd = fundingCash.inUsd();
        Amount openFee = pricer.fee(hedge.instrument(), hedge.size(), hedge.entryPrice(), Liquidity.TAKER);
        Amount fees = openFee.plus(pricer.fee(hedge.instrument(), hedge.size(), mark, Liquidity.TAKER));
        Amount marginBalance =
                pricer.marginBalance(hedge, input.extraMargin(), mark).plus(funding);

        boolean byPrice = liquidation
                .map(lp -> hedge.side() == Side.SHORT ? mark.compareTo(lp) >= 0 : mark.compareTo(lp) <= 0)
                .orElse(false);
        Optional<ScenarioLiquidation> liquidated = Optional.empty();
        if (byPrice || marginBalance.signum() <= 0) {
            Amount margin = pricer.initialMargin(hedge).plus(input.extraMargin());
            if (byPrice) {
                hedgePnl = margin.negate();
                funding = Amount.zero(settlement);
            } else {
                funding = margin.plus(hedgePnl).negate();
            }
            fundingUsd = funding.value().multiply(settlementUsd, MC);
            fees = openFee;
            marginBalance = Amount.zero(settlement);
            liquidated = Optional.of(
                    byPrice
                            ? liquidatedAt(input, liquidation.get(), spot, shock, margin)
                            : new ScenarioLiquidation(
                                    ScenarioLiquidation.Cause.FUNDING, mark, spot, margin, BigDecimal.ZERO));
        }

        BigDecimal hedgePnlUsd = hedgePnl.value().multiply(settlementUsd, MC);
        BigDecimal feesUsd = fees.value().multiply(settlementUsd, MC);
        BigDecimal net =
                spotPnlUsd.add(basketPnlUsd).add(hedgePnlUsd).add(fundingUsd).subtract(feesUsd);
        return new ScenarioRow(
                shock,
                spot,
                mark,
                spotPnlUsd,
                basketPnlUsd,
                hedgePnl,
                hedgePnlUsd,
                funding,
                fundingUsd,
                fees,
                feesUsd,
                net,
                net.subtract(bandBelow),
                net.add(band),
                marginBalance,
                marginBalance.value().multiply(settlementUsd, MC),
                liquidated.isPresent(),
                liquidated);
    }

    /**
     * A liquidation at the mark {@code lp}: spot then {@code S·lp/F}; the holdings still held move unhedged from there to
     * {@code spot} — the coins less the coin margin lost (coin-settled) or all of them (USDT-settled), and the basket.
     */
    private static ScenarioLiquidation liquidatedAt(
            ScenarioInput input, BigDecimal lp, BigDecimal spot, BigDecimal shock, Amount margin) {
        BigDecimal ratio = lp.divide(input.markPrice(), MC);
        BigDecimal spotAtLp = input.spotPrice().multiply(ratio, MC);
        BigDecimal coinsLeft = margin.asset().isDollar()
                ? input.hedgeAssetCoins()
                : input.hedgeAssetCoins().subtract(margin.value()).max(BigDecimal.ZERO);
        BigDecimal unhedged = coinsLeft.multiply(spot.subtract(spotAtLp), MC);
        if (input.basket().isPresent()) {
            ProxyBasket basket = input.basket().get();
            unhedged = unhedged.add(basket.pnlUsd(shock)).subtract(basket.pnlUsd(ratio.subtract(BigDecimal.ONE)));
        }
        return new ScenarioLiquidation(ScenarioLiquidation.Cause.PRICE, lp, spotAtLp, margin, unhedged);
    }

    private static Optional<BigDecimal> liquidationPrice(ScenarioInput input) {
        Position hedge = input.hedge();
        return PerpetualPricer.of(hedge.instrument())
                .liquidationPrice(hedge, hedge.instrument().liquidationConvention(), input.extraMargin());
    }

    private static BigDecimal factor(BigDecimal shock) {
        Objects.requireNonNull(shock, "shock");
        if (shock.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new ScenarioException(
                    "shock must be above -1 (a price cannot fall 100 % or more), was " + shock.toPlainString());
        }
        return BigDecimal.ONE.add(shock);
    }
}
