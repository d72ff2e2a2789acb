package io.hedgedesk.pricing.proxy;

import java.util.Objects;

/**
 * A basket component's weight and its hedge statistics on the hedge instrument.
 *
 * @param assetSymbol the component's asset
 * @param weight      its share of the basket value, {@code valueᵢ / Σ value}
 * @param statistics  its statistics on the hedge instrument; {@code statistics.hedgeRatio()} is its β
 */
public record ComponentBeta(String assetSymbol, double weight, HedgeStatistics statistics) {

    public ComponentBeta {
        Objects.requireNonNull(assetSymbol, "assetSymbol");
        Objects.requireNonNull(statistics, "statistics");
        if (!(weight > 0 && weight <= 1)) {
            throw new ProxyHedgeException("weight of " + assetSymbol + " must lie in (0, 1], was " + weight);
        }
    }

    /** The component's β on the hedge instrument. */
    public double beta() {
        return statistics.hedgeRatio();
    }
}
