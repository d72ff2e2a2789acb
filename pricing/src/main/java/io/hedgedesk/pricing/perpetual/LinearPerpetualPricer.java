package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pricer for linear (USDT-margined) perpetuals: {@code q} quantity units of {@code cs} coins, {@code q' = q·cs}
 * coins; margin, PnL and fees in USDT. See {@link PerpetualPricer} for every formula, unit and sign convention.
 */
public final class LinearPerpetualPricer extends AbstractPerpetualPricer {

    /** The shared instance; the pricer holds no state. */
    public static final LinearPerpetualPricer DEFAULT = new LinearPerpetualPricer();

    private LinearPerpetualPricer() {}

    @Override
    public ContractType contractType() {
        return ContractType.LINEAR;
    }

    /** {@code q' = q·cs}, coins. */
    private static BigDecimal coins(Instrument instrument, BigDecimal size) {
        return size.multiply(instrument.contractSize());
    }

    private static BigDecimal coins(Position position) {
        return coins(position.instrument(), position.size());
    }

    @Override
    BigDecimal value(Instrument instrument, BigDecimal size, BigDecimal price) {
        return coins(instrument, size).multiply(price);
    }

    @Override
    BigDecimal priceAtValue(Position position, BigDecimal value) {
        return value.divide(coins(position), MATH);
    }

    @Override
    boolean valueGrowsAdversely(Side side) {
        return side == Side.SHORT;
    }

    @Override
    BigDecimal coinNotionalValue(Instrument instrument, BigDecimal size, BigDecimal price) {
        return coins(instrument, size);
    }

    @Override
    BigDecimal usdNotionalValue(Instrument instrument, BigDecimal size, BigDecimal price) {
        return value(instrument, size, price);
    }

    /** {@code ±q'·(X − E)}, exact. */
    @Override
    BigDecimal pnlValue(Position position, BigDecimal exitPrice) {
        BigDecimal pnl = coins(position).multiply(exitPrice.subtract(position.entryPrice()));
        return position.side() == Side.LONG ? pnl : pnl.negate();
    }

    @Override
    BigDecimal pnlUsdValue(Position position, BigDecimal exitPrice) {
        return pnlValue(position, exitPrice);
    }

    /** {@code (q₁·E + q₂·P) / (q₁ + q₂)}. */
    @Override
    BigDecimal averageEntryValue(Position position, BigDecimal addedSize, BigDecimal price) {
        BigDecimal numerator = position.size().multiply(position.entryPrice()).add(addedSize.multiply(price));
        return numerator.divide(position.size().add(addedSize), MATH);
    }

    /** {@code q'·E/L}. */
    @Override
    BigDecimal initialMarginValue(Position position) {
        return coins(position).multiply(position.entryPrice()).divide(position.leverage(), MATH);
    }

    /**
     * Long: {@code M + q'·(P − E) = MMR·q'·E} gives {@code P = (q'·E·(1 + MMR) − M)/q'} (none if not positive);
     * short: {@code P = (q'·E·(1 − MMR) + M)/q'}.
     */
    @Override
    Optional<BigDecimal> entryValueLiquidation(Position position, BigDecimal mmr, BigDecimal margin) {
        BigDecimal coins = coins(position);
        BigDecimal entryValue = coins.multiply(position.entryPrice());
        return position.side() == Side.LONG
                ? priceIfPositive(entryValue.multiply(BigDecimal.ONE.add(mmr)).subtract(margin), coins)
                : priceIfPositive(
                        entryValue.multiply(BigDecimal.ONE.subtract(mmr)).add(margin), coins);
    }

    /**
     * Long: {@code M + q'·(P − E) = q'·P·MMR − A} gives {@code P = (q'·E − M − A)/(q'·(1 − MMR))} (none if not
     * positive); short: {@code P = (q'·E + M + A)/(q'·(1 + MMR))}.
     */
    @Override
    Optional<BigDecimal> markValueLiquidation(Position position, MaintenanceTier tier, BigDecimal margin) {
        BigDecimal coins = coins(position);
        BigDecimal entryValue = coins.multiply(position.entryPrice());
        BigDecimal cushion = margin.add(tier.maintenanceAmount());
        BigDecimal mmr = tier.maintenanceMarginRate();
        return position.side() == Side.LONG
                ? priceIfPositive(entryValue.subtract(cushion), coins.multiply(BigDecimal.ONE.subtract(mmr)))
                : priceIfPositive(entryValue.add(cushion), coins.multiply(BigDecimal.ONE.add(mmr)));
    }
}
