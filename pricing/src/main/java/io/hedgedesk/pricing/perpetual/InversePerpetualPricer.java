package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pricer for inverse (coin-margined) perpetuals: {@code Q} contracts of face value {@code FV} USD; margin, PnL and
 * fees are paid in the coin. The position's coin value {@code Q·FV/P} changes with the price; its USD face
 * {@code Q·FV} does not. See {@link PerpetualPricer} for every formula, unit and sign convention.
 */
public final class InversePerpetualPricer extends AbstractPerpetualPricer {

    /** The shared instance; the pricer holds no state. */
    public static final InversePerpetualPricer DEFAULT = new InversePerpetualPricer();

    private InversePerpetualPricer() {}

    @Override
    public ContractType contractType() {
        return ContractType.INVERSE;
    }

    /** {@code Q·FV}, USD. */
    private static BigDecimal face(Instrument instrument, BigDecimal size) {
        return size.multiply(instrument.contractSize());
    }

    private static BigDecimal face(Position position) {
        return face(position.instrument(), position.size());
    }

    @Override
    BigDecimal value(Instrument instrument, BigDecimal size, BigDecimal price) {
        return face(instrument, size).divide(price, MATH);
    }

    @Override
    BigDecimal priceAtValue(Position position, BigDecimal value) {
        return face(position).divide(value, MATH);
    }

    @Override
    boolean valueGrowsAdversely(Side side) {
        return side == Side.LONG;
    }

    @Override
    BigDecimal coinNotionalValue(Instrument instrument, BigDecimal size, BigDecimal price) {
        return value(instrument, size, price);
    }

    @Override
    BigDecimal usdNotionalValue(Instrument instrument, BigDecimal size, BigDecimal price) {
        return face(instrument, size);
    }

    /** {@code ±Q·FV·(X − E)/(E·X)}, the same as {@code Q·FV·(1/E − 1/X)} for a long, with one division. */
    @Override
    BigDecimal pnlValue(Position position, BigDecimal exitPrice) {
        BigDecimal move = exitPrice.subtract(position.entryPrice());
        return signed(position, face(position).multiply(move))
                .divide(position.entryPrice().multiply(exitPrice), MATH);
    }

    /** {@code ±Q·FV·(X − E)/E}: the coin PnL times X. */
    @Override
    BigDecimal pnlUsdValue(Position position, BigDecimal exitPrice) {
        BigDecimal move = exitPrice.subtract(position.entryPrice());
        return signed(position, face(position).multiply(move)).divide(position.entryPrice(), MATH);
    }

    /** {@code (Q₁ + Q₂)·E·P / (Q₁·P + Q₂·E)}: {@code ΣQ / Σ(Q/P)} with one division. */
    @Override
    BigDecimal averageEntryValue(Position position, BigDecimal addedSize, BigDecimal price) {
        BigDecimal entry = position.entryPrice();
        BigDecimal numerator = position.size().add(addedSize).multiply(entry).multiply(price);
        BigDecimal denominator = position.size().multiply(price).add(addedSize.multiply(entry));
        return numerator.divide(denominator, MATH);
    }

    /** {@code Q·FV/(E·L)}. */
    @Override
    BigDecimal initialMarginValue(Position position) {
        return face(position).divide(position.entryPrice().multiply(position.leverage()), MATH);
    }

    /**
     * Long: {@code M + Q·FV·(1/E − 1/P) = MMR·Q·FV/E} gives {@code P = Q·FV·E / (Q·FV·(1 − MMR) + M·E)}; short:
     * {@code P = Q·FV·E / (Q·FV·(1 + MMR) − M·E)}, none if the denominator is not positive.
     */
    @Override
    Optional<BigDecimal> entryValueLiquidation(Position position, BigDecimal mmr, BigDecimal margin) {
        BigDecimal face = face(position);
        BigDecimal entry = position.entryPrice();
        BigDecimal marginFace = margin.multiply(entry);
        return position.side() == Side.LONG
                ? priceIfPositive(
                        face.multiply(entry),
                        face.multiply(BigDecimal.ONE.subtract(mmr)).add(marginFace))
                : priceIfPositive(
                        face.multiply(entry),
                        face.multiply(BigDecimal.ONE.add(mmr)).subtract(marginFace));
    }

    /**
     * Long: {@code M + Q·FV·(1/E − 1/P) = Q·FV/P·MMR − A} gives {@code P = Q·FV·(1 + MMR)·E / (Q·FV + (M + A)·E)};
     * short: {@code P = Q·FV·(1 − MMR)·E / (Q·FV − (M + A)·E)}, none if the denominator is not positive.
     */
    @Override
    Optional<BigDecimal> markValueLiquidation(Position position, MaintenanceTier tier, BigDecimal margin) {
        BigDecimal face = face(position);
        BigDecimal entry = position.entryPrice();
        BigDecimal mmr = tier.maintenanceMarginRate();
        BigDecimal cushion = margin.add(tier.maintenanceAmount()).multiply(entry);
        return position.side() == Side.LONG
                ? priceIfPositive(face.multiply(BigDecimal.ONE.add(mmr)).multiply(entry), face.add(cushion))
                : priceIfPositive(face.multiply(BigDecimal.ONE.subtract(mmr)).multiply(entry), face.subtract(cushion));
    }

    private static BigDecimal signed(Position position, BigDecimal longValue) {
        return position.side() == Side.LONG ? longValue : longValue.negate();
    }
}
