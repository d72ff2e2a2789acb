package io.hedgedesk.pricing.alerts;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Thresholds as stored for a hedge or as a portfolio's defaults: every field may be left empty, meaning "as the level
 * above" (hedge → portfolio → installation). Values as in {@link HedgeThresholds}.
 */
public record ThresholdSettings(
        Optional<BigDecimal> liquidationDistance,
        Optional<BigDecimal> coverageDrift,
        Optional<Boolean> stopsAndTargets,
        Optional<BigDecimal> fundingYearlyRate,
        Optional<Boolean> fundingSignChange,
        Optional<Integer> staleAfterHours) {

    /** Nothing set: everything as the level above. */
    public static final ThresholdSettings INHERIT = new ThresholdSettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ThresholdSettings {
        Objects.requireNonNull(liquidationDistance, "liquidationDistance");
        Objects.requireNonNull(coverageDrift, "coverageDrift");
        Objects.requireNonNull(stopsAndTargets, "stopsAndTargets");
        Objects.requireNonNull(fundingYearlyRate, "fundingYearlyRate");
        Objects.requireNonNull(fundingSignChange, "fundingSignChange");
        Objects.requireNonNull(staleAfterHours, "staleAfterHours");
    }

    /**
     * The thresholds in force: each field set here, else the one of {@code above}. A funding rate left empty here keeps
     * the level above's (which may itself be "no alert").
     */
    public HedgeThresholds over(HedgeThresholds above) {
        return new HedgeThresholds(
                liquidationDistance.orElse(above.liquidationDistance()),
                coverageDrift.orElse(above.coverageDrift()),
                stopsAndTargets.orElse(above.stopsAndTargets()),
                fundingYearlyRate.or(above::fundingYearlyRate),
                fundingSignChange.orElse(above.fundingSignChange()),
                staleAfterHours.orElse(above.staleAfterHours()));
    }
}
