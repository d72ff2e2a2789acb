package io.hedgedesk.domain.instrument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact quantity of one asset: money, a coin balance, a fee, a PnL. Arithmetic keeps full precision
 * ({@link MathContext#DECIMAL128} where a division is involved); the only lossy step is {@link #rounded}, which
 * names its {@link RoundingMode}. Adding amounts of different assets is an error, never a conversion.
 *
 * @param value the number, any sign
 * @param asset what it counts
 */
public record Amount(BigDecimal value, Asset asset) {

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(asset, "asset");
    }

    public static Amount of(String value, Asset asset) {
        return new Amount(new BigDecimal(value), asset);
    }

    public static Amount zero(Asset asset) {
        return new Amount(BigDecimal.ZERO, asset);
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(sameAsset(other).value), asset);
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(sameAsset(other).value), asset);
    }

    public Amount negate() {
        return new Amount(value.negate(), asset);
    }

    /** This amount times a dimensionless factor, exact. */
    public Amount times(BigDecimal factor) {
        return new Amount(value.multiply(factor), asset);
    }

    /**
     * Converts at a price quoted as {@code target per this asset}: {@code value × price}, exact. For example 0.5 BTC
     * at 60,000 USD/BTC is 30,000 USD.
     */
    public Amount convert(BigDecimal pricePerUnit, Asset target) {
        return new Amount(value.multiply(pricePerUnit), target);
    }

    /** The amount at the asset's display scale ({@link Asset#scale()}) with the given rounding. */
    public Amount rounded(RoundingMode mode) {
        return rounded(asset.scale(), mode);
    }

    /** The amount at {@code scale} decimal places with the given rounding. */
    public Amount rounded(int scale, RoundingMode mode) {
        return new Amount(value.setScale(scale, Objects.requireNonNull(mode, "mode")), asset);
    }

    public int signum() {
        return value.signum();
    }

    private Amount sameAsset(Amount other) {
        if (!asset.equals(other.asset)) {
            throw new InvalidInstrumentException("cannot combine " + asset + " with " + other.asset);
        }
        return other;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + asset;
    }
}
