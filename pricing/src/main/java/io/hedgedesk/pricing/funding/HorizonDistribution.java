package io.hedgedesk.pricing.funding;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Distribution of historical funding over blocks of a horizon's length, seen by one side (positive = income to
 * the holder), each value a sum of rates as a fraction of position value. See
 * {@link FundingProjector#horizonDistribution} for the block method and the percentile definition.
 *
 * @param contractId the contract
 * @param horizon    length of each block
 * @param side       the side whose income the values are
 * @param blocks     number of (overlapping, hence strongly dependent) blocks
 * @param mean       mean of the block sums
 * @param p10        10th percentile of the block sums (a bad outcome for the holder)
 * @param p50        median of the block sums
 * @param p90        90th percentile of the block sums (a good outcome for the holder)
 * @param worst      the block with the lowest sum for the holder (earliest one on ties)
 */
public record HorizonDistribution(
        String contractId,
        Duration horizon,
        Side side,
        int blocks,
        BigDecimal mean,
        BigDecimal p10,
        BigDecimal p50,
        BigDecimal p90,
        FundingBlock worst) {

    public HorizonDistribution {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(p10, "p10");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(worst, "worst");
        if (blocks < 1) {
            throw new FundingProjectionException("blocks must be at least 1, was " + blocks);
        }
        if (p10.compareTo(p50) > 0 || p50.compareTo(p90) > 0) {
            throw new FundingProjectionException(
                    "percentiles must be ordered, were p10 " + p10 + ", p50 " + p50 + ", p90 " + p90);
        }
        if (worst.rateSumToHolder().compareTo(p10) > 0) {
            throw new FundingProjectionException(
                    "worst block " + worst.rateSumToHolder() + " must not exceed p10 " + p10);
        }
    }
}
