package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.perpetual.Liquidity;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.perpetual.PositionClose;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One short hedge leg during a replay: its isolated position and the two balances of its venue account, in the
 * settlement asset (the coin for inverse, USDT for linear).
 *
 * <ul>
 *   <li>{@code isolated}: the isolated margin {@code M} — initial margin, top-ups and funding (a settlement lands in
 *   the position's margin, as in {@link io.hedgedesk.pricing.scenario.ScenarioCalculator}); lost whole at a
 *   liquidation, and no more.</li>
 *   <li>{@code wallet}: what the account holds beside it — realized PnL and margin released by reductions, less
 *   trading fees.</li>
 * </ul>
 * The leg's value is {@code wallet + M + PnL(X)}, PnL of the short at the close {@code X} as
 * {@link PerpetualPricer#pnl}: inverse {@code N/X − N/E} coins ({@code N = Q·FV}), linear {@code q'·(E − X)} USDT.
 *
 * <p>With {@code s} the leg coin's spot held outside the venue, the leg and that spot are worth, in USD,
 * {@code coinPart·X + usdPart}: inverse {@code (s + wallet + M − N/E)·X + N}, linear
 * {@code (s − q')·X + (wallet + M + q'·E)}. Both parts change only at events and by funding, so they are kept.
 * The {@code double} copies serve only to skip exact checks that cannot trigger; every decision near its threshold and
 * every amount is exact.
 */
final class Leg {

    private static final MathContext MC = MathContext.DECIMAL128;
    /** A double check is trusted only this far (relative) from its threshold. */
    private static final double SLACK = 1e-9;

    final String asset;
    final LegPolicy policy;
    final Instrument instrument;
    final PerpetualPricer pricer;
    final boolean inverse;
    final BigDecimal[] funding;

    Position position;
    BigDecimal isolated = BigDecimal.ZERO;
    BigDecimal wallet = BigDecimal.ZERO;
    BigDecimal initialMargin = BigDecimal.ZERO;
    boolean liquidated;
    int lastResize;
    /** Inverse {@code N = Q·FV} USD; linear {@code q' = q·cs} coins. */
    private BigDecimal units = BigDecimal.ZERO;
    /** Inverse {@code N/E} coins; linear {@code q'·E} USDT: the position value at entry. */
    private BigDecimal valueAtEntry = BigDecimal.ZERO;

    private BigDecimal coinPart;
    private BigDecimal usdPart;
    private double unitsD;
    private double valueAtEntryD;
    private double isolatedD;
    private double walletD;
    private double initialMarginD;
    private double capD = Double.NaN;
    private double capValueD;
    private int valueDay = -1;
    private BigDecimal value;

    Leg(String asset, LegPolicy policy, BigDecimal[] funding) {
        this.asset = asset;
        this.policy = policy;
        this.instrument = policy.instrument();
        this.pricer = PerpetualPricer.of(instrument);
        this.inverse = instrument.isInverse();
        this.funding = funding;
    }

    boolean open() {
        return position != null;
    }

    /** Sets the position and what the daily loop derives from it. */
    private void hold(Position next) {
        position = next;
        if (next == null) {
            units = BigDecimal.ZERO;
            valueAtEntry = BigDecimal.ZERO;
            initialMargin = BigDecimal.ZERO;
        } else {
            units = next.size().multiply(instrument.contractSize());
            valueAtEntry = inverse ? units.divide(next.entryPrice(), MC) : units.multiply(next.entryPrice());
            initialMargin = pricer.initialMargin(next).value();
        }
        unitsD = approx(units);
        initialMarginD = approx(initialMargin);
        valueAtEntryD = approx(valueAtEntry);
        changed();
    }

    /** Drops the kept parts and refreshes the double copies after an event. */
    void changed() {
        coinPart = null;
        capD = Double.NaN;
        valueDay = -1;
        isolatedD = approx(isolated);
        walletD = approx(wallet);
    }

    /** A double near {@code value} (16 digits), for the guards only; cheaper than a 34-digit conversion. */
    static double approx(BigDecimal value) {
        return value.round(MathContext.DECIMAL64).doubleValue();
    }

    /** Position value at {@code x} (the notional funding and maintenance are rates of): {@code N/X} or {@code q'·X}. */
    BigDecimal valueAt(BigDecimal x) {
        return inverse ? units.divide(x, MC) : units.multiply(x, MC);
    }

    /** The short's PnL at {@code x} given its value there: inverse {@code N/X − N/E}, linear {@code q'·E − q'·X}. */
    BigDecimal pnl(BigDecimal valueAtX) {
        return inverse ? valueAtX.subtract(valueAtEntry, MC) : valueAtEntry.subtract(valueAtX, MC);
    }

    /** The hedge's delta in coins: inverse {@code N/E}, linear {@code q'} (perpetual and spot at the same close). */
    BigDecimal deltaCoins() {
        return inverse ? valueAtEntry : units;
    }

    /** {@link #valueAt} as a double. */
    double valueAtD(double xD) {
        return inverse ? unitsD / xD : unitsD * xD;
    }

    double deltaCoinsD() {
        return inverse ? valueAtEntryD : unitsD;
    }

    /** The account's value in the settlement asset at a close where the position is worth {@code valueAtX}. */
    BigDecimal balance(BigDecimal valueAtX) {
        return open() ? wallet.add(isolated, MC).add(pnl(valueAtX), MC) : wallet;
    }

    /** Coins on the account counted as exposure (unrealized PnL excluded), at least 0; linear: none. */
    BigDecimal accountCoins() {
        return inverse ? wallet.add(isolated, MC).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    }

    double accountCoinsD() {
        return inverse ? Math.max(0, walletD + isolatedD) : 0;
    }

    /** Settlement asset → USD at the close {@code x}. */
    BigDecimal usd(BigDecimal amount, BigDecimal x) {
        return inverse ? amount.multiply(x, MC) : amount;
    }

    /** USD of this leg's account plus {@code spot} coins of its asset at {@code x}: {@code coinPart·X + usdPart}. */
    BigDecimal usdWithSpot(BigDecimal spot, BigDecimal x) {
        parts(spot);
        return coinPart.multiply(x, MC).add(usdPart, MC);
    }

    private void parts(BigDecimal spot) {
        if (coinPart == null) {
            BigDecimal account = wallet.add(isolated, MC);
            coinPart = inverse ? spot.add(account, MC).subtract(valueAtEntry, MC) : spot.subtract(units, MC);
            usdPart = inverse ? units : account.add(valueAtEntry, MC);
        }
    }

    /**
     * The USD value of funding {@code rate × value} at the close it was paid: inverse {@code rate × N/X × X =
     * rate × N}, linear {@code rate × q'·X} (USDT, the amount itself).
     */
    BigDecimal fundingUsd(BigDecimal rate, BigDecimal received) {
        return inverse ? rate.multiply(units) : received;
    }

    /** Coins of the leg's asset held with this leg, outside the venue ({@code spot}) and on it: {@code coinPart + N/X}. */
    BigDecimal coinsWithSpot(BigDecimal spot, BigDecimal valueAtX) {
        parts(spot);
        return open() ? coinPart.add(valueAtX, MC) : coinPart;
    }

    /** Funding received into the isolated margin (negative = paid), settlement asset; {@code approx} its double. */
    void credit(BigDecimal received, double approx) {
        isolated = isolated.add(received, MC);
        isolatedD += approx;
        if (coinPart != null) {
            if (inverse) {
                coinPart = coinPart.add(received, MC);
            } else {
                usdPart = usdPart.add(received, MC);
            }
        }
    }

    /** {@link #valueAt} on day {@code day}, computed once per day and event. */
    BigDecimal valueOn(int day, BigDecimal x) {
        if (valueDay != day) {
            value = valueAt(x);
            valueDay = day;
        }
        return value;
    }

    /**
     * Whether the isolated margin balance {@code M + PnL(X)} is at or below the maintenance margin at {@code x}
     * ({@link PerpetualPricer#maintenanceMargin}, at the entry price for the entry-value convention): the close is at or
     * beyond the liquidation price. The exact check runs only when the balance comes near a bound of the maintenance
     * margin (see {@link #maintenanceCap}).
     */
    boolean breached(BigDecimal x, double xD) {
        double valueD = inverse ? unitsD / xD : unitsD * xD;
        double marginD = isolatedD + (inverse ? valueD - valueAtEntryD : valueAtEntryD - valueD);
        if (marginD - maintenanceCap(valueD) > SLACK * (Math.abs(isolatedD) + valueD + valueAtEntryD)) {
            return false;
        }
        BigDecimal margin = isolated.add(pnl(valueAt(x)), MC);
        boolean onEntry = instrument.liquidationConvention() == LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
        return margin.compareTo(pricer.maintenanceMargin(position, onEntry ? position.entryPrice() : x)
                        .value())
                <= 0;
    }

    /**
     * A maintenance margin at least the one at any position value up to {@code valueD}: the pricer's at a value 25 %
     * above the largest seen since the last event (maintenance grows with the value), or at the entry for the
     * entry-value convention. Kept until an event or a larger value.
     */
    private double maintenanceCap(double valueD) {
        if (Double.isNaN(capD) || valueD > capValueD) {
            boolean onEntry = instrument.liquidationConvention() == LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
            capValueD = onEntry ? Double.POSITIVE_INFINITY : Math.max(valueD, valueAtEntryD) * 1.25;
            BigDecimal price = onEntry
                    ? position.entryPrice()
                    : BigDecimal.valueOf(inverse ? unitsD / capValueD : capValueD / unitsD);
            capD = approx(pricer.maintenanceMargin(position, price).value()) * (1 + SLACK);
        }
        return capD;
    }

    /** Whether the isolated balance may be under {@code level × IM} (false only when it certainly is not). */
    boolean mayNeedTopUp(double level, double xD) {
        double valueD = inverse ? unitsD / xD : unitsD * xD;
        double marginD = isolatedD + (inverse ? valueD - valueAtEntryD : valueAtEntryD - valueD);
        double threshold = level * initialMarginD;
        return marginD - threshold <= SLACK * (Math.abs(isolatedD) + valueD + valueAtEntryD);
    }

    /** The taker fee of an order of {@code size} at {@code x}, settlement asset. */
    BigDecimal fee(BigDecimal size, BigDecimal x) {
        return pricer.fee(instrument, size, x, Liquidity.TAKER).value();
    }

    /** Opens {@code size} at {@code x}; returns the initial margin to deposit. */
    BigDecimal openShort(BigDecimal size, BigDecimal x) {
        hold(new Position(instrument, Side.SHORT, size, x, policy.leverage()));
        isolated = initialMargin;
        changed();
        return initialMargin;
    }

    /** Adds {@code size} at {@code x} (harmonic or size-weighted entry); returns the extra initial margin to deposit. */
    BigDecimal increase(BigDecimal size, BigDecimal x) {
        BigDecimal before = initialMargin;
        hold(pricer.increase(position, size, x));
        BigDecimal added = initialMargin.subtract(before).max(BigDecimal.ZERO);
        isolated = isolated.add(added, MC);
        changed();
        return added;
    }

    /**
     * Buys back {@code size} at {@code x}: the realized PnL and the closed part's share {@code M·size/Q} of the isolated
     * margin move to the wallet.
     */
    void reduce(BigDecimal size, BigDecimal x) {
        PositionClose close = pricer.close(position, size, x);
        BigDecimal released = isolated.multiply(size).divide(position.size(), MC);
        isolated = isolated.subtract(released, MC);
        wallet = wallet.add(released, MC).add(close.realizedPnl().value(), MC);
        hold(close.remaining().orElse(null));
        if (position == null) {
            wallet = wallet.add(isolated, MC);
            isolated = BigDecimal.ZERO;
        }
        changed();
    }

    /** Margin added to the isolated position (a top-up), settlement asset. */
    void topUp(BigDecimal added) {
        isolated = isolated.add(added, MC);
        changed();
    }

    /** A fee paid from the wallet, settlement asset. */
    void payFromWallet(BigDecimal fee) {
        wallet = wallet.subtract(fee, MC);
        changed();
    }

    /** A liquidation: the position and its isolated margin are gone; the wallet stays. */
    void liquidate() {
        isolated = BigDecimal.ZERO;
        liquidated = true;
        hold(null);
    }
}
