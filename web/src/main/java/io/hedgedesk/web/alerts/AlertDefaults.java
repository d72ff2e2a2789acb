package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.pricing.alerts.HedgeThresholds;
import io.hedgedesk.pricing.alerts.ThresholdSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  AlertDefaults(@ConfigProperty(name = "hedgedesk.alerts.liquidation-distance", defaultValue = "0.10")
                BigDecimal liquidation,
                @ConfigProperty(name = "hedgedesk.alerts.coverage-drift", defaultValue = "0.05") BigDecimal drift,
                @ConfigProperty(name = "hedgedesk.alerts.stops-and-targets", defaultValue = "true") boolean stops,
                @ConfigProperty(name = "hedgedesk.alerts.funding-yearly-rate", defaultValue = "0.20")
                Optional<BigDecimal> funding,
                @ConfigProperty(name = "hedgedesk.alerts.funding-sign-change", defaultValue = "true") boolean sign,
                @ConfigProperty(name = "hedgedesk.alerts.stale-after-hours", defaultValue = "6") int staleHours,
                @ConfigProperty(name = "hedgedesk.alerts.min-interval", defaultValue = "PT1H") Duration minInterval) {
    this.installation = new HedgeThresholds(liquidation, drift, stops, funding, sign, staleHours);
    this.minInterval = minInterval;
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
    return new ThresholdSettings(s.liquidationDistance(), s.coverageDrift(), s.stopsAndTargets(),
        s.fundingYearlyRate(), s.fundingSignChange(), s.staleAfterHours());
  }
}
