package io.hedgedesk.pricing.funding;

import java.util.Objects;

/**
 * Everything the funding view shows for one hedge position: window statistics, the historical distribution of
 * funding over the horizon, and the same figures as cash for the position. All cash is to the holder
 * (positive = income, negative = cost), in the settlement asset and in USD, with position value held constant.
 *
 * @param statistics    the history window's statistics
 * @param distribution  the distribution of horizon sums (as fractions of position value)
 * @param insuranceCost expected funding per 30 days and per 365 days
 * @param expected      expected funding over the horizon at the window's mean rate
 * @param p10           10th percentile of historical horizon funding
 * @param p50           median historical horizon funding
 * @param p90           90th percentile of historical horizon funding
 * @param worst         funding of the worst historical stretch ({@code distribution.worst()})
 */
public record FundingProjection(
        FundingStatistics statistics,
        HorizonDistribution distribution,
        InsuranceCost insuranceCost,
        FundingCash expected,
        FundingCash p10,
        FundingCash p50,
        FundingCash p90,
        FundingCash worst) {

    public FundingProjection {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(insuranceCost, "insuranceCost");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(p10, "p10");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(worst, "worst");
    }
}
