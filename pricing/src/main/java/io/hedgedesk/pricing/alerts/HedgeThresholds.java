package io.hedgedesk.pricing.alerts;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The thresholds one hedge is evaluated with.
 *
 * @param liquidationDistance alert when the adverse move to liquidation, as a fraction of the mark, falls below this
 *                            (0.10 = 10 %); in (0, 1)
 * @param coverageDrift       alert when |coverage − target| rises above this, absolute (0.05 = 5 points); in (0, 2]
 * @param stopsAndTargets     alert when the mark crosses the hedge's stop or take-profit level
 * @param fundingYearlyRate   alert when the hedge pays funding at a yearly rate above this (0.20 = 20 % a year of the
 *                            position value); empty = no such alert
 * @param fundingSignChange   alert when the hedge goes from receiving funding to paying it
 * @param staleAfterHours     alert when the hedge's mark is older than this many hours; at least 1
 */
public record HedgeThresholds(
        BigDecimal liquidationDistance,
        BigDecimal coverageDrift,
        boolean stopsAndTargets,
        Optional<BigDecimal> fundingYearlyRate,
        boolean fundingSignChange,
        int staleAfterHours) {

    public HedgeThresholds {
        Objects.requireNonNull(liquidationDistance, "liquidationDistance");
        Objects.requireNonNull(coverageDrift, "coverageDrift");
        Objects.requireNonNull(fundingYearlyRate, "fundingYearlyRate");
        if (liquidationDistance.signum() <= 0 || liquidationDistance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("liquidationDistance must be in (0, 1), was " + liquidationDistance);
        }
        if (coverageDrift.signum() <= 0 || coverageDrift.compareTo(BigDecimal.valueOf(2)) > 0) {
            throw new IllegalArgumentException("coverageDrift must be in (0, 2], was " + coverageDrift);
        }
        if (fundingYearlyRate.map(r -> r.signum() < 0).orElse(false)) {
            throw new IllegalArgumentException("fundingYearlyRate must be zero or more");
        }
        if (staleAfterHours < 1) {
            throw new IllegalArgumentException("staleAfterHours must be at least 1, was " + staleAfterHours);
        }
    }
}
