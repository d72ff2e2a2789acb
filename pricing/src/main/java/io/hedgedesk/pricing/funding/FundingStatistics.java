package io.hedgedesk.pricing.funding;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Summary of the funding settlements in a history window, all rates in market convention (positive = longs pay
 * shorts) and as decimal fractions of position value.
 *
 * @param contractId       the contract
 * @param firstSettlement  time of the first settlement in the window
 * @param lastSettlement   time of the last settlement in the window
 * @param settlements      number of settlements in the window, at least 2
 * @param meanRate         arithmetic mean of the rates, per funding interval
 * @param meanInterval     {@code (lastSettlement - firstSettlement) / (settlements - 1)}, measured from the timestamps
 * @param shortestInterval shortest gap between consecutive settlements in the window
 * @param longestInterval  longest gap between consecutive settlements in the window; much longer than
 *                         {@code meanInterval} hints at missing data
 * @param intervalsPerYear {@code 365 days / meanInterval} (exact, not from the truncated {@code meanInterval})
 * @param annualizedRate   {@code meanRate × intervalsPerYear}, per 365-day year
 */
public record FundingStatistics(
        String contractId,
        Instant firstSettlement,
        Instant lastSettlement,
        int settlements,
        BigDecimal meanRate,
        Duration meanInterval,
        Duration shortestInterval,
        Duration longestInterval,
        BigDecimal intervalsPerYear,
        BigDecimal annualizedRate) {

    /** The year used for annualization: 365 days (crypto funding settles every day of the year). */
    public static final Duration YEAR = Duration.ofDays(365);

    public FundingStatistics {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(firstSettlement, "firstSettlement");
        Objects.requireNonNull(lastSettlement, "lastSettlement");
        Objects.requireNonNull(meanRate, "meanRate");
        Objects.requireNonNull(meanInterval, "meanInterval");
        Objects.requireNonNull(shortestInterval, "shortestInterval");
        Objects.requireNonNull(longestInterval, "longestInterval");
        Objects.requireNonNull(intervalsPerYear, "intervalsPerYear");
        Objects.requireNonNull(annualizedRate, "annualizedRate");
        if (settlements < 2) {
            throw new FundingProjectionException("settlements must be at least 2, was " + settlements);
        }
        if (!lastSettlement.isAfter(firstSettlement)) {
            throw new FundingProjectionException(
                    "lastSettlement " + lastSettlement + " must be after firstSettlement " + firstSettlement);
        }
        if (intervalsPerYear.signum() <= 0) {
            throw new FundingProjectionException("intervalsPerYear must be positive, was " + intervalsPerYear);
        }
    }

    /** The annualized rate seen by {@code side}: positive = income to the holder, per 365-day year. */
    public BigDecimal annualizedRateToHolder(Side side) {
        return side.fundingToHolder(annualizedRate);
    }

    /**
     * The expected sum of rates over {@code horizon} if the window's mean rate and mean interval persist:
     * {@code meanRate × intervalsPerYear × horizon / 365 days}, i.e. {@code meanRate × horizon / meanInterval}.
     * Seen by {@code side} (positive = income), as a fraction of position value.
     */
    public BigDecimal expectedRateSumToHolder(Duration horizon, Side side) {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new FundingProjectionException("horizon must be positive, was " + horizon);
        }
        BigDecimal yearFraction =
                new BigDecimal(horizon.toNanos()).divide(new BigDecimal(YEAR.toNanos()), MathContext.DECIMAL128);
        return side.fundingToHolder(annualizedRate.multiply(yearFraction, MathContext.DECIMAL128));
    }
}
