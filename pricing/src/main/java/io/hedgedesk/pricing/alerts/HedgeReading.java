package io.hedgedesk.pricing.alerts;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What is measured of one open hedge now (unrounded), the input of {@link AlertEvaluator}.
 *
 * @param hedgeId              the hedge
 * @param side                 SHORT for a hedge of long holdings
 * @param liquidationFraction  the adverse move to liquidation as a fraction of the mark, if there is a liquidation price
 * @param stopDistance         {@code (stop − mark) / mark}, if a stop level is set
 * @param takeProfitDistance   {@code (take profit − mark) / mark}, if set
 * @param coverageDrift        {@code coverage − target}, if coverage is computable
 * @param fundingRate          the contract's current funding rate per interval (positive = longs pay shorts), if known
 * @param fundingIntervalHours the contract's funding interval in hours, positive
 * @param markAge              how old the mark the hedge is valued at is, if it has one
 */
public record HedgeReading(
        long hedgeId,
        Side side,
        Optional<BigDecimal> liquidationFraction,
        Optional<BigDecimal> stopDistance,
        Optional<BigDecimal> takeProfitDistance,
        Optional<BigDecimal> coverageDrift,
        Optional<BigDecimal> fundingRate,
        int fundingIntervalHours,
        Optional<Duration> markAge) {

    public HedgeReading {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(liquidationFraction, "liquidationFraction");
        Objects.requireNonNull(stopDistance, "stopDistance");
        Objects.requireNonNull(takeProfitDistance, "takeProfitDistance");
        Objects.requireNonNull(coverageDrift, "coverageDrift");
        Objects.requireNonNull(fundingRate, "fundingRate");
        Objects.requireNonNull(markAge, "markAge");
        if (fundingIntervalHours <= 0) {
            throw new IllegalArgumentException("fundingIntervalHours must be positive, was " + fundingIntervalHours);
        }
    }
}
