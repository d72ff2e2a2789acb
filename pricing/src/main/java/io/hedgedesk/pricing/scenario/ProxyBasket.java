package io.hedgedesk.pricing.scenario;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A basket hedged by proxy with another asset's perpetual (see {@code io.hedgedesk.pricing.proxy}). In a scenario the
 * hedge asset moves by the shock {@code s} and the basket by {@code β·s}, give or take a residual band.
 *
 * @param valueUsd           current basket value in USD, positive
 * @param beta               β of the basket on the hedge asset (the minimum-variance hedge ratio), finite
 * @param residualVolatility standard deviation of the basket's return not explained by the hedge asset, over the
 *                           scenario horizon, as a fraction (e.g. a daily {@code σ_S·√(1 − ρ²)} times √days); at
 *                           least 0
 * @param bandWidth          {@code k}: the band is {@code ± k × residualVolatility × valueUsd}; at least 0 (0 = no
 *                           band)
 */
public record ProxyBasket(BigDecimal valueUsd, double beta, double residualVolatility, double bandWidth) {

  public ProxyBasket {
    Objects.requireNonNull(valueUsd, "valueUsd");
    if (valueUsd.signum() <= 0) {
      throw new ScenarioException("basket valueUsd must be positive, was " + valueUsd.toPlainString());
    }
    if (!Double.isFinite(beta)) {
      throw new ScenarioException("beta must be finite, was " + beta);
    }
    if (!(residualVolatility >= 0) || !Double.isFinite(residualVolatility)) {
      throw new ScenarioException("residualVolatility must be non-negative and finite, was " + residualVolatility);
    }
    if (!(bandWidth >= 0) || !Double.isFinite(bandWidth)) {
      throw new ScenarioException("bandWidth must be non-negative and finite, was " + bandWidth);
    }
  }

  /** The basket's USD PnL for a hedge-asset shock {@code s}: {@code valueUsd × β × s}, exact in β's decimal form. */
  public BigDecimal pnlUsd(BigDecimal shock) {
    return valueUsd.multiply(BigDecimal.valueOf(beta)).multiply(shock);
  }

  /** Half-width of the residual band in USD: {@code k × residualVolatility × valueUsd}, at least 0. */
  public BigDecimal bandUsd() {
    return valueUsd.multiply(BigDecimal.valueOf(bandWidth)).multiply(BigDecimal.valueOf(residualVolatility));
  }
}
