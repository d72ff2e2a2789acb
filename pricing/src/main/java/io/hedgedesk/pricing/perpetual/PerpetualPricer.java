package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Stateless pricer of perpetual positions of one {@link ContractType}: notional, PnL, averaging, partial closes,
 * fees, initial and maintenance margin, isolated liquidation and bankruptcy prices.
 *
 * <p><b>Notation.</b> Inverse: {@code Q} contracts of face value {@code FV} USD ({@code contractSize}); linear:
 * {@code q} quantity units of {@code cs} coins ({@code contractSize}), {@code q' = q·cs} coins. {@code E} entry
 * price, {@code X} exit or mark price, {@code L} leverage, {@code MMR} maintenance margin rate, {@code A} the tier's
 * maintenance amount, {@code M} the isolated margin ({@code IM} + extra margin). Prices are in the quote currency
 * (USD for inverse, USDT for linear).
 *
 * <p><b>Signs.</b> Sizes are positive; the {@link io.hedgedesk.domain.instrument.Side} gives the direction. PnL is
 * positive for a profit to the holder. A fee is positive when the trader pays it, negative for a rebate.
 *
 * <p><b>Units.</b> Margin, PnL and fees are {@link Amount}s in the instrument's settlement asset (the coin for
 * inverse, USDT for linear). "USD" results are in {@link io.hedgedesk.domain.instrument.Asset#USD}; for linear
 * contracts the USDT figure is taken at 1 USDT = 1 USD.
 *
 * <p><b>Precision.</b> Results are exact or {@link MathContext#DECIMAL128} (one division per formula where
 * possible); nothing is rounded: callers round for display. Venues round their printed examples (Bybit shows
 * coin values at 8 dp, Binance truncates fees); the tests say where.
 */
public interface PerpetualPricer {

    /** The precision of every division in the pricers. */
    MathContext MATH = MathContext.DECIMAL128;

    /** The pricer for the instrument's contract type. */
    static PerpetualPricer of(Instrument instrument) {
        return forType(Objects.requireNonNull(instrument, "instrument").type());
    }

    /** {@link InversePerpetualPricer#DEFAULT} or {@link LinearPerpetualPricer#DEFAULT}. */
    static PerpetualPricer forType(ContractType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case INVERSE -> InversePerpetualPricer.DEFAULT;
            case LINEAR -> LinearPerpetualPricer.DEFAULT;
        };
    }

    /** The contract type this pricer handles; any other instrument is rejected. */
    ContractType contractType();

    // ---------------------------------------------------------------------------------------------- notional

    /**
     * Position value in the settlement asset at {@code price}: inverse {@code Q·FV/P} coins, linear
     * {@code q·cs·P} USDT. This is the notional that fees, funding and maintenance margin are rates of.
     */
    Amount positionValue(Instrument instrument, BigDecimal size, BigDecimal price);

    /** Notional in the base coin at {@code price}: inverse {@code Q·FV/P}, linear {@code q·cs} (price-independent). */
    Amount coinNotional(Instrument instrument, BigDecimal size, BigDecimal price);

    /** Notional in USD at {@code price}: inverse {@code Q·FV} (price-independent), linear {@code q·cs·P}. */
    Amount usdNotional(Instrument instrument, BigDecimal size, BigDecimal price);

    /**
     * The number the instrument's tiers are bounded in: the {@link #positionValue position value} at {@code price}
     * (coins or USDT) for {@code POSITION_VALUE}, the size for {@code CONTRACTS}.
     */
    BigDecimal tierMeasure(Instrument instrument, BigDecimal size, BigDecimal price);

    /** The maintenance tier a position of {@code size} falls in at {@code price} (see {@link #tierMeasure}). */
    MaintenanceTier tierAt(Instrument instrument, BigDecimal size, BigDecimal price);

    // --------------------------------------------------------------------------------------------------- PnL

    /**
     * PnL in the settlement asset if the position is closed (or marked) at {@code exitPrice}; positive = profit.
     * Inverse: long {@code Q·FV·(1/E − 1/X)}, short {@code Q·FV·(1/X − 1/E)} coins. Linear: long
     * {@code q·cs·(X − E)}, short {@code q·cs·(E − X)} USDT.
     */
    Amount pnl(Position position, BigDecimal exitPrice);

    /**
     * The same PnL valued in USD at {@code exitPrice}: inverse coin PnL × X (long {@code Q·FV·(X − E)/E}), linear
     * the USDT PnL at 1 USDT = 1 USD.
     */
    Amount pnlUsd(Position position, BigDecimal exitPrice);

    // ------------------------------------------------------------------------------------- adding, closing

    /**
     * Average entry after adding {@code addedSize} at {@code price} to the position (same side). Inverse: harmonic,
     * {@code ΣQ / Σ(Q/P)} = {@code (Q₁+Q₂)·E·P / (Q₁·P + Q₂·E)}; linear: size-weighted {@code (q₁·E + q₂·P)/(q₁+q₂)}.
     */
    BigDecimal averageEntry(Position position, BigDecimal addedSize, BigDecimal price);

    /**
     * The position after adding {@code addedSize} at {@code price} on the same side: size summed, entry
     * {@link #averageEntry averaged}, leverage kept (rejected if it exceeds the larger position's tier maximum).
     */
    Position increase(Position position, BigDecimal addedSize, BigDecimal price);

    /**
     * Closes {@code closedSize} (≤ the position's size) at {@code exitPrice}: the realized PnL is {@link #pnl} of
     * the closed part; the remaining position keeps its entry price and leverage. Fees are not included.
     *
     * @throws PerpetualPricingException if {@code closedSize} is not positive or exceeds the position's size
     */
    PositionClose close(Position position, BigDecimal closedSize, BigDecimal exitPrice);

    // -------------------------------------------------------------------------------------------------- fees

    /**
     * Trading fee in the settlement asset: position value at the trade price × rate, i.e. inverse
     * {@code Q·FV/P·rate} coins, linear {@code q·cs·P·rate} USDT. Positive = paid; a negative rate gives a rebate.
     */
    Amount fee(Instrument instrument, BigDecimal size, BigDecimal price, BigDecimal feeRate);

    /** {@link #fee(Instrument, BigDecimal, BigDecimal, BigDecimal)} at the instrument's maker or taker rate. */
    Amount fee(Instrument instrument, BigDecimal size, BigDecimal price, Liquidity liquidity);

    // ------------------------------------------------------------------------------------------------ margin

    /** Initial margin in the settlement asset: inverse {@code Q·FV/(E·L)} coins, linear {@code q·cs·E/L} USDT. */
    Amount initialMargin(Position position);

    /**
     * Maintenance margin at {@code price} (settlement asset): {@code MM = N·MMR − A}, with {@code N} the
     * {@link #positionValue position value} at {@code price} and the tier the position falls in at that price
     * (for a {@code CONTRACTS}-tiered instrument the tier is chosen by the size, {@code MM} is still {@code N·MMR −
     * A}). For the {@code MAINTENANCE_ON_ENTRY_VALUE} convention pass the entry price.
     */
    Amount maintenanceMargin(Position position, BigDecimal price);

    /**
     * Isolated margin balance at {@code price}, settlement asset: {@code IM + extraMargin + PnL(price)} (fees and
     * funding not included). It reaches the maintenance margin at the liquidation price and 0 at the bankruptcy price;
     * it is negative beyond that.
     *
     * @param extraMargin margin added beyond IM, settlement asset, ≥ 0
     */
    Amount marginBalance(Position position, Amount extraMargin, BigDecimal price);

    // ------------------------------------------------------------------------------------------- liquidation

    /**
     * Isolated liquidation price: the first price, moving against the position, at which the isolated margin
     * {@code M = IM + extraMargin} plus the PnL equals the maintenance margin. Closing fees are not included.
     *
     * <ul>
     *   <li>{@code MAINTENANCE_ON_ENTRY_VALUE} (MM = MMR × value at entry, entry tier): inverse long
     *   {@code LP = Q·FV / (Q·FV/E·(1 + 1/L − MMR) + X)}, short {@code Q·FV / (Q·FV/E·(1 − 1/L + MMR) − X)} (with
     *   {@code X = 0}: {@code E·L/(L + 1 − MMR·L)} and {@code E·L/(L − 1 + MMR·L)}); linear long
     *   {@code E·(1 − 1/L + MMR) − X/q'}, short {@code E·(1 + 1/L − MMR) + X/q'}.</li>
     *   <li>{@code MAINTENANCE_ON_MARK_VALUE} (MM = value at LP × MMR − A): inverse long
     *   {@code LP = Q·FV·(1 + MMR) / (Q·FV/E + Q·FV/(E·L) + X + A)}, short
     *   {@code Q·FV·(1 − MMR) / (Q·FV/E − Q·FV/(E·L) − X − A)}; linear long
     *   {@code (q'·E·(1 − 1/L) − X − A) / (q'·(1 − MMR))}, short {@code (q'·E·(1 + 1/L) + X + A) / (q'·(1 + MMR))}.
     *   Solved exactly per tier, with the tier the notional <b>at LP</b> falls in: starting from the entry tier, the
     *   tiers are walked in the direction the notional moves as the price goes against the position until the
     *   solution lies in the tier that produced it. Where a venue publishes no maintenance amount, MM jumps at a
     *   bound; if the equity crosses it there, LP is the price at the bound.</li>
     * </ul>
     *
     * @param extraMargin margin added to the isolated position beyond IM, settlement asset, ≥ 0
     * @return the price, or empty if none exists (e.g. an inverse short whose margin covers any rise)
     * @throws PerpetualPricingException "position would be liquidated at entry" if the maintenance margin at entry
     *                                   is at least the isolated margin (with no extra margin: {@code MMR ≥ 1/L})
     */
    Optional<BigDecimal> liquidationPrice(Position position, LiquidationConvention convention, Amount extraMargin);

    /** {@link #liquidationPrice(Position, LiquidationConvention, Amount)} with the instrument's convention, no extra. */
    Optional<BigDecimal> liquidationPrice(Position position);

    /**
     * Bankruptcy price: where the isolated margin {@code M = IM + extraMargin} is exhausted (MM = 0, so the same in
     * both conventions; closing fees not included). Inverse long {@code Q·FV / (Q·FV/E + M)} ({@code E·L/(L+1)}
     * without extra), short {@code Q·FV / (Q·FV/E − M)} ({@code E·L/(L−1)}); linear long {@code E − M/q'}
     * ({@code E·(1 − 1/L)}), short {@code E + M/q'} ({@code E·(1 + 1/L)}).
     *
     * @return empty when margin covers any move: an inverse short with {@code M ≥ Q·FV/E} (e.g. 1×), a linear long
     *         with {@code M ≥ q'·E}
     */
    Optional<BigDecimal> bankruptcyPrice(Position position, Amount extraMargin);

    /**
     * Distance from {@code markPrice} to the {@link #liquidationPrice liquidation price}, positive while not
     * liquidated: long {@code mark − LP}, short {@code LP − mark}; the fraction is that distance / mark.
     *
     * @return empty when there is no liquidation price
     */
    Optional<LiquidationDistance> distanceToLiquidation(
            Position position, LiquidationConvention convention, Amount extraMargin, BigDecimal markPrice);
}
