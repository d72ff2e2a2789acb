package io.hedgedesk.persistence.alerts;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of {@code alert_threshold}: a portfolio's defaults or a hedge's own; an empty field is "as the level above".
 *
 * @param liquidationDistance fraction of the mark
 * @param coverageDrift       absolute coverage points (0.05 = 5 points)
 * @param stopsAndTargets     alert on crossing the stop or take-profit
 * @param fundingYearlyRate   fraction of the position value per year
 * @param fundingSignChange   alert when funding turns to a cost
 * @param staleAfterHours     hours
 * @param syncFailingHours    a portfolio's: hours of failing syncs of its team's exchange connections
 * @param syncFailures        a portfolio's: failed syncs in a row
 * @param keyExpiryDays       a portfolio's: days before an API key's expiry
 * @param version             the row's version (0 when there is no row)
 */
public record StoredThresholds(
        Optional<BigDecimal> liquidationDistance,
        Optional<BigDecimal> coverageDrift,
        Optional<Boolean> stopsAndTargets,
        Optional<BigDecimal> fundingYearlyRate,
        Optional<Boolean> fundingSignChange,
        Optional<Integer> staleAfterHours,
        Optional<Integer> syncFailingHours,
        Optional<Integer> syncFailures,
        Optional<Integer> keyExpiryDays,
        long version) {

    /** No row. */
    public static final StoredThresholds NONE = new StoredThresholds(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0);

    public StoredThresholds {
        Objects.requireNonNull(liquidationDistance, "liquidationDistance");
        Objects.requireNonNull(coverageDrift, "coverageDrift");
        Objects.requireNonNull(stopsAndTargets, "stopsAndTargets");
        Objects.requireNonNull(fundingYearlyRate, "fundingYearlyRate");
        Objects.requireNonNull(fundingSignChange, "fundingSignChange");
        Objects.requireNonNull(staleAfterHours, "staleAfterHours");
        Objects.requireNonNull(syncFailingHours, "syncFailingHours");
        Objects.requireNonNull(syncFailures, "syncFailures");
        Objects.requireNonNull(keyExpiryDays, "keyExpiryDays");
    }
}
