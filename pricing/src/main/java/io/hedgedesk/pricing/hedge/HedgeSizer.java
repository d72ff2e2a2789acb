package io.hedgedesk.pricing.hedge;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stateless sizer of same-coin short hedges of long spot holdings (domain.md §4), and checker of an existing hedge's
 * coverage.
 *
 * <p><b>Notation.</b> {@code C} coins held, {@code S} spot price (USD), {@code E} the hedge's entry price (the
 * perpetual's price when it is opened), {@code F} the perpetual's mark now, {@code L} leverage, {@code t} target
 * coverage; inverse: {@code Q} contracts of face value {@code FV} USD, notional {@code N = Q·FV} USD; linear:
 * {@code q} quantity units of {@code cs} coins each.
 *
 * <p><b>Delta and coverage.</b> A holding of {@code C} coins has USD delta {@code C·S} (USD gained per +100 % move).
 * An inverse short's USD delta is {@code −N/E · S}: its coin PnL {@code N·(1/X − 1/E)}, valued in the coin, makes the
 * account's USD value move by {@code −N/E} per USD of price, at any price, as long as that PnL stays in the account.
 * A linear short's is {@code −q·cs·F}, assuming the perpetual moves by the same percentage as spot (constant relative
 * basis). Coverage is {@code −hedge delta / holdings delta}, so 1 means dollar-neutral. When {@code E = F = S} this is
 * exactly domain.md §4: {@code Q = exposure / FV} and {@code q = exposure / futures price}, with exposure
 * {@code = C × S}.
 *
 * <p><b>Rounding.</b> Order sizes are rounded {@link RoundingMode#HALF_UP} to the <b>nearest</b> whole quantity step
 * (this minimizes the residual; ties go to the larger hedge), so the hedge may end slightly under or over the target:
 * the leg reports that rounding residual in coins and USD, positive when part of the target is left unhedged. Every
 * other amount is unrounded (DECIMAL128); rounding for display is the caller's.
 *
 * <p>Fees, funding and venue haircuts on coin collateral are not part of the size.
 */
public final class HedgeSizer {

    /** The shared instance; the sizer holds no state. */
    public static final HedgeSizer DEFAULT = new HedgeSizer();

    /** How order sizes are rounded to whole quantity steps: to the nearest step, ties up. */
    public static final RoundingMode STEP_ROUNDING = RoundingMode.HALF_UP;

    private static final MathContext MC = MathContext.DECIMAL128;

    private HedgeSizer() {}

    /**
     * Sizes the short hedge of one holding.
     *
     * <p><b>Hedge delta to reach, in coins</b> {@code D}, and the margin {@code M = D / L} (coins; for coin margin on an
     * inverse contract this is the initial margin {@code Q·FV/(E·L)}, on a linear contract the coin collateral worth
     * {@code q·cs·E/L} USDT at spot):
     * <ul>
     *   <li>{@link MarginSource#STABLECOIN}: exposure {@code C}, so {@code D = t·C}.</li>
     *   <li>{@link MarginSource#OUT_OF_BAG}: the margin and, on an inverse contract, the opening fee {@code f = r·D}
     *       (coin, rate {@code r} of the notional {@code D} coins) go from the bag to the venue; the fee is spent, so the
     *       exposure after opening is {@code C − f} and {@code D = t·(C − r·D)}, i.e. <b>{@code D = t·C/(1 + t·r)}</b>
     *       ({@code D = t·C} on a linear contract, whose fee is USDT). The spot left is {@code C − M − f}.</li>
     *   <li>{@link MarginSource#EXTRA_COIN}: exposure {@code C + M} and {@code D = t·(C + M)} with {@code M = D/L}, so
     *       {@code D·(1 − t/L) = t·C}, i.e. <b>{@code D = t·C·L/(L − t)}</b>. For an inverse short with {@code t = 1}
     *       this is {@code Q·FV = (C + M)·E} with {@code M = Q·FV/(E·L)}: {@code Q·FV = C·E·L/(L − 1)}, and the extra
     *       coin is {@code M = C/(L − 1)}. The deposit also pays the opening fee, so the extra coins are
     *       {@code M + f} and the exposure after opening stays {@code C + M}.</li>
     * </ul>
     * <b>Order size</b>: inverse {@code Q = D·E/FV} contracts, linear {@code q = D·S/(E·cs)} quantity units, each
     * rounded to the nearest quantity step ({@link #STEP_ROUNDING}); the delta, margin, exposure, residuals and
     * coverage are then recomputed from the rounded size, with the notionals and initial margin of the
     * {@link PerpetualPricer}. Units: coins and USD (at spot), margin in the coin or USDT.
     *
     * @throws io.hedgedesk.pricing.perpetual.PerpetualPricingException if the leverage exceeds the maximum of the
     *                                                                  maintenance tier the hedge falls in
     */
    public HedgeLeg size(HedgeRequest request) {
        Objects.requireNonNull(request, "request");
        Instrument instrument = request.instrument();
        BigDecimal t = request.targetCoverage();
        BigDecimal coins = request.coins();
        BigDecimal spot = request.spotPrice();
        BigDecimal entry = request.hedgePrice();
        BigDecimal leverage = request.leverage();
        MarginSource source = request.marginSource();

        BigDecimal feeRate = request.openingFeeRate();
        BigDecimal deltaToReach;
        if (source == MarginSource.EXTRA_COIN) {
            deltaToReach = t.multiply(coins).multiply(leverage).divide(leverage.subtract(t), MC);
        } else if (source == MarginSource.OUT_OF_BAG && instrument.isInverse()) {
            deltaToReach = t.multiply(coins).divide(BigDecimal.ONE.add(t.multiply(feeRate)), MC);
        } else {
            deltaToReach = t.multiply(coins, MC);
        }
        BigDecimal rawSize = instrument.isInverse()
                ? deltaToReach.multiply(entry).divide(instrument.contractSize(), MC)
                : deltaToReach.multiply(spot).divide(entry.multiply(instrument.contractSize()), MC);
        BigDecimal size = toSteps(rawSize, instrument.quantityStep());

        BigDecimal notionalCoins = BigDecimal.ZERO;
        BigDecimal notionalUsd = BigDecimal.ZERO;
        BigDecimal initialMargin = BigDecimal.ZERO;
        if (size.signum() > 0) {
            // the position validates the leverage against the tier the size falls in
            Position position = new Position(instrument, Side.SHORT, size, entry, leverage);
            PerpetualPricer pricer = PerpetualPricer.of(instrument);
            notionalCoins = pricer.coinNotional(instrument, size, entry).value();
            notionalUsd = pricer.usdNotional(instrument, size, entry).value();
            initialMargin = pricer.initialMargin(position).value();
        }
        BigDecimal hedgedCoins = instrument.isInverse() ? notionalCoins : notionalUsd.divide(spot, MC);

        Amount margin;
        BigDecimal marginUsd;
        BigDecimal marginCoins = BigDecimal.ZERO;
        if (source.isCoin()) {
            // inverse: IM is already coins; linear: coin collateral worth the USDT initial margin at spot, no haircut
            marginCoins = instrument.isInverse() ? initialMargin : initialMargin.divide(spot, MC);
            margin = new Amount(marginCoins, request.asset());
            marginUsd = marginCoins.multiply(spot, MC);
        } else {
            marginUsd = initialMargin;
            margin = new Amount(initialMargin, instrument.settlementAsset());
        }
        // the opening fee is coin only on an inverse contract; a linear contract's is USDT
        BigDecimal feeCoins = instrument.isInverse() ? notionalCoins.multiply(feeRate, MC) : BigDecimal.ZERO;
        BigDecimal extraCoins = source == MarginSource.EXTRA_COIN ? marginCoins.add(feeCoins) : BigDecimal.ZERO;
        BigDecimal spotCoinsAfter =
                source == MarginSource.OUT_OF_BAG ? coins.subtract(marginCoins).subtract(feeCoins) : coins;
        if (spotCoinsAfter.signum() < 0) {
            throw new HedgeSizingException("margin " + marginCoins.toPlainString() + " " + request.asset()
                    + " exceeds the bag of " + coins.toPlainString() + " " + request.asset()
                    + "; raise the leverage or use EXTRA_COIN margin");
        }
        BigDecimal exposureCoins = switch (source) {
            case OUT_OF_BAG -> coins.subtract(feeCoins);
            case EXTRA_COIN -> coins.add(marginCoins);
            case STABLECOIN -> coins;
        };
        BigDecimal residualCoins = exposureCoins.subtract(hedgedCoins);
        BigDecimal roundingResidualCoins = t.multiply(exposureCoins).subtract(hedgedCoins);
        return new HedgeLeg(
                request,
                new HedgeOrder(Side.SHORT, size, instrument.symbol()),
                notionalCoins,
                notionalUsd,
                margin,
                marginUsd,
                extraCoins,
                spotCoinsAfter,
                exposureCoins,
                exposureCoins.multiply(spot),
                hedgedCoins,
                hedgedCoins.multiply(spot, MC),
                residualCoins,
                residualCoins.multiply(spot, MC),
                roundingResidualCoins,
                roundingResidualCoins.multiply(spot, MC),
                hedgedCoins.divide(exposureCoins, MC));
    }

    /** Sizes every request ({@link #size}) and sums the legs' USD figures into a plan. */
    public HedgePlan plan(List<HedgeRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        List<HedgeLeg> legs = new ArrayList<>(requests.size());
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal hedged = BigDecimal.ZERO;
        BigDecimal residual = BigDecimal.ZERO;
        BigDecimal stablecoin = BigDecimal.ZERO;
        BigDecimal extraCoinUsd = BigDecimal.ZERO;
        for (HedgeRequest request : requests) {
            HedgeLeg leg = size(request);
            legs.add(leg);
            exposure = exposure.add(leg.exposureUsd());
            hedged = hedged.add(leg.hedgedUsd());
            residual = residual.add(leg.residualUsd());
            if (request.marginSource() == MarginSource.STABLECOIN) {
                stablecoin = stablecoin.add(leg.margin().value());
            } else if (request.marginSource() == MarginSource.EXTRA_COIN) {
                extraCoinUsd = extraCoinUsd.add(leg.marginUsd());
            }
        }
        return new HedgePlan(legs, exposure, hedged, residual, stablecoin, extraCoinUsd);
    }

    /** {@link #coverage(HedgeState, BigDecimal, BigDecimal)} of a hedge that is alone on its coin. */
    public CoverageCheck coverage(HedgeState state, BigDecimal target) {
        return coverage(state, target, BigDecimal.ZERO);
    }

    /**
     * The coverage of the coin by this short hedge and the other open hedges of the same coin, its drift from
     * {@code target} and the resize of <b>this</b> hedge that restores it.
     *
     * <p>Holdings {@code H = spotCoins + accountCoins} coins (each coin counted once). This hedge's delta in coins:
     * inverse {@code D = Q·FV/E} (constant while the coin PnL stays in the account), linear {@code D = q·cs·F/S};
     * {@code Do} is the other hedges' delta. Coverage {@code = (D + Do)/H}, drift {@code = coverage − target}. Orders
     * fill at the mark {@code F}; fees are ignored.
     * <ul>
     *   <li>Inverse, under-hedged: SELL {@code ΔN = (t·H − Do − D)·F} USD more; the harmonic average entry makes the new
     *       delta {@code D + ΔN/F}.</li>
     *   <li>Inverse, over-hedged: BUY back {@code ΔN}; the closed part realizes {@code ΔN·(1/F − 1/E)} coins, which stay
     *       in the account and so join the holdings. Solving {@code (N − ΔN)/E + Do = t·(H + ΔN·(1/F − 1/E))} gives
     *       <b>{@code ΔN = (D + Do − t·H) / (t/F + (1 − t)/E)}</b> (for {@code t = 1}: {@code (D + Do − H)·F}).</li>
     *   <li>Linear: target {@code q* = (t·H − Do)·S/(F·cs)}; SELL or BUY {@code |q* − q|} (USDT PnL does not change the
     *       coins).</li>
     * </ul>
     * The order is rounded <b>down</b> to whole quantity steps, so that applying it moves the coverage towards the
     * target and never past it (empty within one step); a BUY never exceeds the position. The coverage after it fills
     * is reported.
     *
     * @param target           target coverage in (0, 2]
     * @param otherDeltaCoins  {@code Do}, the delta in coins of the other open hedges of this coin, at least 0
     */
    public CoverageCheck coverage(HedgeState state, BigDecimal target, BigDecimal otherDeltaCoins) {
        Objects.requireNonNull(state, "state");
        HedgeRequest.requireCoverage(target, "target");
        Objects.requireNonNull(otherDeltaCoins, "otherDeltaCoins");
        Instrument instrument = state.instrument();
        BigDecimal fv = instrument.contractSize();
        BigDecimal step = instrument.quantityStep();
        BigDecimal spot = state.spotPrice();
        BigDecimal mark = state.markPrice();
        BigDecimal entry = state.entryPrice();
        BigDecimal holdings = state.holdingsCoins();
        BigDecimal own = hedgeDeltaCoins(instrument, state.size(), entry, spot, mark);
        BigDecimal delta = own.add(otherDeltaCoins);
        BigDecimal coverage = delta.divide(holdings, MC);
        BigDecimal targetDelta = target.multiply(holdings);

        Side side = delta.compareTo(targetDelta) <= 0 ? Side.SHORT : Side.LONG;
        BigDecimal orderSize;
        BigDecimal ownAfter;
        BigDecimal holdingsAfter = holdings;
        if (instrument.isInverse()) {
            if (side == Side.SHORT) {
                orderSize = stepsDown(targetDelta.subtract(delta).multiply(mark).divide(fv, MC), step);
                ownAfter = own.add(orderSize.multiply(fv).divide(mark, MC));
            } else {
                BigDecimal denominator = target.divide(mark, MC)
                        .add(BigDecimal.ONE.subtract(target).divide(entry, MC));
                if (denominator.signum() <= 0) {
                    throw new HedgeSizingException(
                            "target " + target.toPlainString() + " cannot be restored by reducing at mark "
                                    + mark.toPlainString() + " from entry " + entry.toPlainString()
                                    + ": each contract bought back realizes more coin than it removes from the hedge");
                }
                BigDecimal notional = delta.subtract(targetDelta).divide(denominator, MC);
                orderSize = stepsDown(notional.divide(fv, MC), step).min(state.size());
                BigDecimal closed = orderSize.multiply(fv);
                ownAfter = state.size().subtract(orderSize).multiply(fv).divide(entry, MC);
                holdingsAfter = holdings.add(closed.divide(mark, MC).subtract(closed.divide(entry, MC)));
            }
        } else {
            BigDecimal targetSize = targetDelta
                    .subtract(otherDeltaCoins)
                    .multiply(spot)
                    .divide(mark.multiply(fv), MC)
                    .max(BigDecimal.ZERO);
            orderSize = stepsDown(targetSize.subtract(state.size()).abs(), step);
            if (side == Side.LONG) {
                orderSize = orderSize.min(state.size());
            }
            BigDecimal sizeAfter = side == Side.SHORT
                    ? state.size().add(orderSize)
                    : state.size().subtract(orderSize);
            ownAfter = hedgeDeltaCoins(instrument, sizeAfter, entry, spot, mark);
        }
        BigDecimal hedgeDeltaCoins = delta.negate();
        BigDecimal holdingsUsd = holdings.multiply(spot);
        BigDecimal hedgeUsd = hedgeDeltaCoins.multiply(spot, MC);
        return new CoverageCheck(
                holdings,
                holdingsUsd,
                hedgeDeltaCoins,
                hedgeUsd,
                holdingsUsd.add(hedgeUsd),
                coverage,
                target,
                coverage.subtract(target),
                new HedgeOrder(side, orderSize, instrument.symbol()),
                ownAfter.add(otherDeltaCoins).divide(holdingsAfter, MC));
    }

    /**
     * The delta in coins of a short of {@code size} (positive magnitude): inverse {@code Q·FV/E}, linear
     * {@code q·cs·F/S} (spot {@code S}, mark {@code F}).
     */
    public static BigDecimal deltaCoins(
            Instrument instrument, BigDecimal size, BigDecimal entry, BigDecimal spot, BigDecimal mark) {
        return hedgeDeltaCoins(instrument, size, entry, spot, mark);
    }

    private static BigDecimal hedgeDeltaCoins(
            Instrument instrument, BigDecimal size, BigDecimal entry, BigDecimal spot, BigDecimal mark) {
        BigDecimal units = size.multiply(instrument.contractSize());
        return instrument.isInverse()
                ? units.divide(entry, MC)
                : units.multiply(mark).divide(spot, MC);
    }

    /** {@code raw} as a whole number of {@code step}s, rounded towards zero (a resize never overshoots). */
    private static BigDecimal stepsDown(BigDecimal raw, BigDecimal step) {
        return raw.divide(step, MC).setScale(0, RoundingMode.DOWN).multiply(step);
    }

    /** {@code raw} as a whole number of {@code step}s, nearest step, ties up. */
    private static BigDecimal toSteps(BigDecimal raw, BigDecimal step) {
        return raw.divide(step, MC).setScale(0, STEP_ROUNDING).multiply(step);
    }
}
