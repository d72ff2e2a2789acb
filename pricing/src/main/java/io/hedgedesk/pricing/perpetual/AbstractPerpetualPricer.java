package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the inverse and linear pricers share: argument checks, tiers, fees, averaging and closing, and the
 * liquidation workflow. Each subclass supplies the contract-type formulas as plain numbers (settlement asset or
 * quote currency); this class wraps them into {@link Amount}s.
 */
abstract class AbstractPerpetualPricer implements PerpetualPricer {

    // ------------------------------------------------------------------------ formulas supplied by the subclass

    /** Position value in the settlement asset at {@code price}. */
    abstract BigDecimal value(Instrument instrument, BigDecimal size, BigDecimal price);

    /** Inverse of {@link #value} in the price: the price at which the position's value is {@code value}. */
    abstract BigDecimal priceAtValue(Position position, BigDecimal value);

    /** True when the position value grows as the price moves against {@code side}. */
    abstract boolean valueGrowsAdversely(Side side);

    abstract BigDecimal coinNotionalValue(Instrument instrument, BigDecimal size, BigDecimal price);

    abstract BigDecimal usdNotionalValue(Instrument instrument, BigDecimal size, BigDecimal price);

    abstract BigDecimal pnlValue(Position position, BigDecimal exitPrice);

    abstract BigDecimal pnlUsdValue(Position position, BigDecimal exitPrice);

    abstract BigDecimal averageEntryValue(Position position, BigDecimal addedSize, BigDecimal price);

    abstract BigDecimal initialMarginValue(Position position);

    /** Price where {@code margin + PnL = mmr × value at entry}; empty if there is none. */
    abstract Optional<BigDecimal> entryValueLiquidation(Position position, BigDecimal mmr, BigDecimal margin);

    /** Price where {@code margin + PnL = value at that price × tier MMR − tier amount}; empty if none. */
    abstract Optional<BigDecimal> markValueLiquidation(Position position, MaintenanceTier tier, BigDecimal margin);

    // -------------------------------------------------------------------------------------------- notional

    @Override
    public Amount positionValue(Instrument instrument, BigDecimal size, BigDecimal price) {
        return new Amount(
                value(checked(instrument), Checks.positive(size, "size"), Checks.positive(price, "price")),
                instrument.settlementAsset());
    }

    @Override
    public Amount coinNotional(Instrument instrument, BigDecimal size, BigDecimal price) {
        return new Amount(
                coinNotionalValue(checked(instrument), Checks.positive(size, "size"), Checks.positive(price, "price")),
                instrument.baseAsset());
    }

    @Override
    public Amount usdNotional(Instrument instrument, BigDecimal size, BigDecimal price) {
        return new Amount(
                usdNotionalValue(checked(instrument), Checks.positive(size, "size"), Checks.positive(price, "price")),
                Asset.USD);
    }

    @Override
    public BigDecimal tierMeasure(Instrument instrument, BigDecimal size, BigDecimal price) {
        checked(instrument);
        Checks.positive(size, "size");
        Checks.positive(price, "price");
        return instrument.tierMeasure() == TierMeasure.CONTRACTS ? size : value(instrument, size, price);
    }

    @Override
    public MaintenanceTier tierAt(Instrument instrument, BigDecimal size, BigDecimal price) {
        return instrument.tierFor(tierMeasure(instrument, size, price));
    }

    // ------------------------------------------------------------------------------------------------- PnL

    @Override
    public Amount pnl(Position position, BigDecimal exitPrice) {
        return new Amount(
                pnlValue(checked(position), Checks.positive(exitPrice, "exitPrice")), position.settlementAsset());
    }

    @Override
    public Amount pnlUsd(Position position, BigDecimal exitPrice) {
        return new Amount(pnlUsdValue(checked(position), Checks.positive(exitPrice, "exitPrice")), Asset.USD);
    }

    // ------------------------------------------------------------------------------------ adding, closing

    @Override
    public BigDecimal averageEntry(Position position, BigDecimal addedSize, BigDecimal price) {
        return averageEntryValue(
                checked(position), Checks.positive(addedSize, "addedSize"), Checks.positive(price, "price"));
    }

    @Override
    public Position increase(Position position, BigDecimal addedSize, BigDecimal price) {
        BigDecimal entry = averageEntry(position, addedSize, price);
        return new Position(
                position.instrument(), position.side(), position.size().add(addedSize), entry, position.leverage());
    }

    @Override
    public PositionClose close(Position position, BigDecimal closedSize, BigDecimal exitPrice) {
        checked(position);
        Checks.positive(closedSize, "closedSize");
        Checks.positive(exitPrice, "exitPrice");
        int cmp = closedSize.compareTo(position.size());
        if (cmp > 0) {
            throw new PerpetualPricingException("cannot close " + closedSize.toPlainString() + " of a position of "
                    + position.size().toPlainString() + " in "
                    + position.instrument().id());
        }
        Amount realized = pnl(position.withSize(closedSize), exitPrice);
        Optional<Position> remaining = cmp == 0
                ? Optional.empty()
                : Optional.of(position.withSize(position.size().subtract(closedSize)));
        return new PositionClose(closedSize, exitPrice, realized, remaining);
    }

    // ------------------------------------------------------------------------------------------------ fees

    @Override
    public Amount fee(Instrument instrument, BigDecimal size, BigDecimal price, BigDecimal feeRate) {
        Objects.requireNonNull(feeRate, "feeRate");
        return positionValue(instrument, size, price).times(feeRate);
    }

    @Override
    public Amount fee(Instrument instrument, BigDecimal size, BigDecimal price, Liquidity liquidity) {
        return fee(
                instrument,
                size,
                price,
                Objects.requireNonNull(liquidity, "liquidity").rate(instrument));
    }

    // ---------------------------------------------------------------------------------------------- margin

    @Override
    public Amount initialMargin(Position position) {
        return new Amount(initialMarginValue(checked(position)), position.settlementAsset());
    }

    @Override
    public Amount maintenanceMargin(Position position, BigDecimal price) {
        checked(position);
        MaintenanceTier tier = tierAt(position.instrument(), position.size(), price);
        BigDecimal value = value(position.instrument(), position.size(), price);
        return new Amount(
                value.multiply(tier.maintenanceMarginRate()).subtract(tier.maintenanceAmount()),
                position.settlementAsset());
    }

    @Override
    public Amount marginBalance(Position position, Amount extraMargin, BigDecimal price) {
        BigDecimal pnl = pnl(position, price).value();
        return new Amount(isolatedMargin(position, extraMargin).add(pnl), position.settlementAsset());
    }

    // ----------------------------------------------------------------------------------------- liquidation

    @Override
    public Optional<BigDecimal> liquidationPrice(
            Position position, LiquidationConvention convention, Amount extraMargin) {
        checked(position);
        Objects.requireNonNull(convention, "convention");
        BigDecimal margin = isolatedMargin(position, extraMargin);
        BigDecimal entry = position.entryPrice();
        MaintenanceTier entryTier = tierAt(position.instrument(), position.size(), entry);
        BigDecimal entryValue = value(position.instrument(), position.size(), entry);
        BigDecimal mmAtEntry = entryValue.multiply(entryTier.maintenanceMarginRate());
        if (convention == LiquidationConvention.MAINTENANCE_ON_MARK_VALUE) {
            mmAtEntry = mmAtEntry.subtract(entryTier.maintenanceAmount());
        }
        if (mmAtEntry.compareTo(margin) >= 0) {
            throw new PerpetualPricingException("position would be liquidated at entry: maintenance margin "
                    + plain(mmAtEntry) + " " + position.settlementAsset() + " is at least the isolated margin "
                    + plain(margin)
                    + " " + position.settlementAsset() + " ("
                    + position.instrument().id() + " " + position.side() + " "
                    + position.size().toPlainString() + " at " + entry.toPlainString() + ", leverage "
                    + position.leverage().toPlainString() + ", maintenance margin rate "
                    + entryTier.maintenanceMarginRate().toPlainString() + ")");
        }
        return convention == LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE
                ? entryValueLiquidation(position, entryTier.maintenanceMarginRate(), margin)
                : MarkValueLiquidationSolver.solve(this, position, margin);
    }

    @Override
    public Optional<BigDecimal> liquidationPrice(Position position) {
        return liquidationPrice(
                position,
                checked(position).instrument().liquidationConvention(),
                Amount.zero(position.settlementAsset()));
    }

    @Override
    public Optional<BigDecimal> bankruptcyPrice(Position position, Amount extraMargin) {
        checked(position);
        return entryValueLiquidation(position, BigDecimal.ZERO, isolatedMargin(position, extraMargin));
    }

    @Override
    public Optional<LiquidationDistance> distanceToLiquidation(
            Position position, LiquidationConvention convention, Amount extraMargin, BigDecimal markPrice) {
        Checks.positive(markPrice, "markPrice");
        return liquidationPrice(position, convention, extraMargin).map(lp -> {
            BigDecimal distance = position.side() == Side.LONG ? markPrice.subtract(lp) : lp.subtract(markPrice);
            return new LiquidationDistance(lp, markPrice, distance, distance.divide(markPrice, MATH));
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** {@code IM + extraMargin}, settlement asset. */
    private BigDecimal isolatedMargin(Position position, Amount extraMargin) {
        return initialMarginValue(position).add(Checks.extraMargin(extraMargin, position.settlementAsset()));
    }

    /** Empty unless {@code price} is positive: a formula's non-positive result means no such price exists. */
    static Optional<BigDecimal> ifPositive(BigDecimal price) {
        return price.signum() > 0 ? Optional.of(price) : Optional.empty();
    }

    /** {@code numerator / denominator} if the denominator is positive, else empty (the price does not exist). */
    static Optional<BigDecimal> priceIfPositive(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() > 0 ? ifPositive(numerator.divide(denominator, MATH)) : Optional.empty();
    }

    Position checked(Position position) {
        checked(Objects.requireNonNull(position, "position").instrument());
        return position;
    }

    Instrument checked(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument");
        if (instrument.type() != contractType()) {
            throw new PerpetualPricingException(
                    getClass().getSimpleName() + " cannot price " + instrument.type() + " contract " + instrument.id());
        }
        return instrument;
    }

    private static String plain(BigDecimal value) {
        return value.round(MATH).stripTrailingZeros().toPlainString();
    }
}
