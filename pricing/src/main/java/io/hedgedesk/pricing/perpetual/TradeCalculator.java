package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What the venues' own calculators show beside PnL: return on equity, the price that reaches a chosen return, the
 * cost of an order and the largest position a balance opens. Stateless; notation as in {@link PerpetualPricer}
 * ({@code N} the position value in the settlement asset at the entry price, {@code t} the taker fee rate).
 */
public final class TradeCalculator {

    /** The shared instance; the calculator holds no state. */
    public static final TradeCalculator DEFAULT = new TradeCalculator();

    private TradeCalculator() {}

    /**
     * Return on equity at {@code exitPrice} as a fraction: PnL / initial margin, both in the settlement asset, fees not
     * included (Binance's and Bybit's "ROE" / "ROI"). Linear: {@code side·(X/E − 1)·L}; inverse:
     * {@code side·(1 − E/X)·L}, side +1 for long, −1 for short.
     */
    public BigDecimal returnOnEquity(Position position, BigDecimal exitPrice) {
        Checks.positive(exitPrice, "exitPrice");
        PerpetualPricer pricer = PerpetualPricer.of(position.instrument());
        return pricer.pnl(position, exitPrice)
                .value()
                .divide(pricer.initialMargin(position).value(), PerpetualPricer.MATH);
    }

    /**
     * The exit price at which the position's return on equity is {@code roe} (a fraction, 0.5 = 50 %; negative for a
     * loss). Linear (Binance): long {@code E·(1 + roe/L)}, short {@code E·(1 − roe/L)}; inverse (Binance
     * {@code side·E/(side − roe/L)}): long {@code E/(1 − roe/L)}, short {@code E/(1 + roe/L)}. Empty when no positive
     * price gives that return (a linear short cannot earn {@code L} or more, an inverse long cannot earn {@code L}).
     */
    public Optional<BigDecimal> targetPrice(Position position, BigDecimal roe) {
        Objects.requireNonNull(roe, "roe");
        BigDecimal move = roe.divide(position.leverage(), PerpetualPricer.MATH);
        boolean longSide = position.side() == Side.LONG;
        BigDecimal entry = position.entryPrice();
        if (position.instrument().isInverse()) {
            BigDecimal denominator = longSide ? BigDecimal.ONE.subtract(move) : BigDecimal.ONE.add(move);
            if (denominator.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(entry.divide(denominator, PerpetualPricer.MATH));
        }
        BigDecimal factor = longSide ? BigDecimal.ONE.add(move) : BigDecimal.ONE.subtract(move);
        return factor.signum() <= 0 ? Optional.empty() : Optional.of(entry.multiply(factor, PerpetualPricer.MATH));
    }

    /**
     * Bybit's order cost, settlement asset: initial margin + taker fee to open at the entry price + taker fee to close
     * at the bankruptcy price, {@code N·(1/L + t + k·t)} with {@code k} the bankruptcy value over the entry value:
     * linear long {@code 1 − 1/L}, short {@code 1 + 1/L}; inverse long {@code 1 + 1/L}, short {@code 1 − 1/L}.
     */
    public Amount orderCost(Position position) {
        Instrument instrument = position.instrument();
        BigDecimal value = PerpetualPricer.of(instrument)
                .positionValue(instrument, position.size(), position.entryPrice())
                .value();
        return new Amount(
                value.multiply(costPerValue(instrument, position.side(), position.leverage()), PerpetualPricer.MATH),
                instrument.settlementAsset());
    }

    /**
     * The largest position that {@code balance} (settlement asset) opens at {@code price} and {@code leverage}: the
     * size whose {@link #orderCost order cost} equals the balance, {@code balance / (n·(1/L + t + k·t))} with {@code n}
     * the value of one unit of size, capped at the largest size whose maintenance tier still allows the leverage, and
     * rounded down to the quantity step. Zero when not even one step is affordable.
     *
     * @throws PerpetualPricingException if the balance is negative, or the price or leverage not positive, or the
     *                                   leverage is above the contract's maximum
     */
    public BigDecimal maxPositionSize(
            Instrument instrument, Side side, BigDecimal balance, BigDecimal price, BigDecimal leverage) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(balance, "balance");
        if (balance.signum() < 0) {
            throw new PerpetualPricingException("balance must not be negative, was " + balance.toPlainString());
        }
        Checks.positive(price, "price");
        Checks.positive(leverage, "leverage");
        if (leverage.compareTo(instrument.maxLeverage()) > 0) {
            throw new PerpetualPricingException("leverage " + leverage.toPlainString() + " exceeds the maximum "
                    + instrument.maxLeverage().toPlainString() + " of " + instrument.id());
        }
        BigDecimal unitValue = PerpetualPricer.of(instrument)
                .positionValue(instrument, BigDecimal.ONE, price)
                .value();
        BigDecimal size = balance.divide(
                unitValue.multiply(costPerValue(instrument, side, leverage), PerpetualPricer.MATH),
                PerpetualPricer.MATH);
        size = size.min(tierCap(instrument, leverage, unitValue));
        BigDecimal step = instrument.quantityStep();
        return size.divide(step, 0, RoundingMode.DOWN).multiply(step);
    }

    /** {@code 1/L + t + k·t}: order cost per unit of position value at entry. */
    private static BigDecimal costPerValue(Instrument instrument, Side side, BigDecimal leverage) {
        BigDecimal inverseLeverage = BigDecimal.ONE.divide(leverage, PerpetualPricer.MATH);
        boolean bankruptcyBelowEntryValue = (side == Side.LONG) != instrument.isInverse();
        BigDecimal k = bankruptcyBelowEntryValue
                ? BigDecimal.ONE.subtract(inverseLeverage)
                : BigDecimal.ONE.add(inverseLeverage);
        BigDecimal taker = instrument.takerFeeRate();
        return inverseLeverage.add(taker).add(k.multiply(taker));
    }

    /** The largest size whose tier allows {@code leverage} (the bound of the last such tier, in size units). */
    private static BigDecimal tierCap(Instrument instrument, BigDecimal leverage, BigDecimal unitValue) {
        BigDecimal cap = null;
        for (MaintenanceTier tier : instrument.maintenanceTiers()) {
            if (tier.maxLeverage().compareTo(leverage) < 0) {
                break;
            }
            if (tier.upTo().isEmpty()) {
                return new BigDecimal("1e30");
            }
            cap = tier.upTo().get();
        }
        if (cap == null) {
            return BigDecimal.ZERO;
        }
        return instrument.tierMeasure() == TierMeasure.CONTRACTS ? cap : cap.divide(unitValue, PerpetualPricer.MATH);
    }
}
