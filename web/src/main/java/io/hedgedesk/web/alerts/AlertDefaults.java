package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.pricing.alerts.HedgeThresholds;
import io.hedgedesk.pricing.alerts.ThresholdSettings;
import io.hedgedesk.web.config.HedgedeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The installation's alert thresholds (the level under every portfolio's defaults) and the minimum interval between two
 * messages of one alert: {@code hedgedesk.alerts.liquidation-distance} (fraction of the mark, 0.10),
 * {@code coverage-drift} (0.05), {@code stops-and-targets} (true), {@code funding-yearly-rate} (0.20),
 * {@code funding-sign-change} (true), {@code stale-after-hours} (6), {@code min-interval} (PT1H).
 */
@ApplicationScoped
public class AlertDefaults {

    private final HedgeThresholds installation;
    private final Duration minInterval;

    AlertDefaults(HedgedeskConfig config) {
        HedgedeskConfig.Alerts a = config.alerts();
        this.installation = new HedgeThresholds(
                a.liquidationDistance(),
                a.coverageDrift(),
                a.stopsAndTargets(),
                a.fundingYearlyRate(),
                a.fundingSignChange(),
                a.staleAfterHours());
        this.minInterval = a.minInterval();
    }

    /** The installation's thresholds. */
    public HedgeThresholds installation() {
        return installation;
    }

    /** The least time between two messages of one alert. */
    public Duration minInterval() {
        return minInterval;
    }

    /** The thresholds in force for a hedge: its own over its portfolio's defaults over the installation's. */
    public HedgeThresholds resolve(StoredThresholds portfolio, StoredThresholds hedge) {
        return settings(hedge).over(settings(portfolio).over(installation));
    }

    static ThresholdSettings settings(StoredThresholds s) {
        return new ThresholdSettings(
                s.liquidationDistance(),
                s.coverageDrift(),
                s.stopsAndTargets(),
                s.fundingYearlyRate(),
                s.fundingSignChange(),
                s.staleAfterHours());
    }
}
