package io.hedgedesk.pricing.valuation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * When the valuer raises alerts.
 *
 * @param staleAfter       a price older than this is stale
 * @param liquidationAlert alert when the adverse move to liquidation is below this fraction of the mark (0.10 = 10 %)
 * @param coverageBand     alert when coverage is further than this from the target, absolute (0.05 = 5 points)
 */
public record AlertThresholds(Duration staleAfter, BigDecimal liquidationAlert, BigDecimal coverageBand) {

    public AlertThresholds {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(liquidationAlert, "liquidationAlert");
        Objects.requireNonNull(coverageBand, "coverageBand");
    }
}
