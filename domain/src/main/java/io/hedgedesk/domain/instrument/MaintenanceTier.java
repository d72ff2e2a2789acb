package io.hedgedesk.domain.instrument;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One risk-limit / leverage-bracket tier. Maintenance margin of a position whose measure falls in this tier:
 * {@code MM = N × maintenanceMarginRate − maintenanceAmount} (settlement asset), N the position value.
 *
 * @param upTo                  inclusive upper bound in the instrument's {@link TierMeasure}; empty = unbounded
 * @param maintenanceMarginRate MMR, a fraction in (0, 1)
 * @param maxLeverage           highest leverage allowed in this tier, at least 1
 * @param maintenanceAmount     the venue's deduction (Binance {@code cum}, Bybit {@code mmDeduction}) in the
 *                              settlement asset, at least 0
 */
public record MaintenanceTier(
        Optional<BigDecimal> upTo,
        BigDecimal maintenanceMarginRate,
        BigDecimal maxLeverage,
        BigDecimal maintenanceAmount) {

    public MaintenanceTier {
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
        Objects.requireNonNull(maxLeverage, "maxLeverage");
        Objects.requireNonNull(maintenanceAmount, "maintenanceAmount");
        upTo.ifPresent(bound -> {
            if (bound.signum() <= 0) {
                throw new InvalidInstrumentException("tier upTo must be positive, was " + bound.toPlainString());
            }
        });
        if (maintenanceMarginRate.signum() <= 0 || maintenanceMarginRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInstrumentException(
                    "maintenanceMarginRate must be in (0, 1), was " + maintenanceMarginRate.toPlainString());
        }
        if (maxLeverage.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInstrumentException(
                    "tier maxLeverage must be at least 1, was " + maxLeverage.toPlainString());
        }
        if (maintenanceAmount.signum() < 0) {
            throw new InvalidInstrumentException(
                    "maintenanceAmount must not be negative, was " + maintenanceAmount.toPlainString());
        }
    }

    /** True when {@code measure} (≥ 0) is at most this tier's bound. */
    public boolean covers(BigDecimal measure) {
        return upTo.map(bound -> measure.compareTo(bound) <= 0).orElse(true);
    }
}
