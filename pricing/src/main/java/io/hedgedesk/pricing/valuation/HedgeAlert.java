package io.hedgedesk.pricing.valuation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Something about open hedges that their holder should look at; the numbers are unrounded, the page words them.
 *
 * @param kind    what it is about
 * @param hedgeId the hedge concerned; empty when it concerns an asset's hedges together (coverage, price)
 * @param asset   the coin concerned
 * @param value   the measured value: the distance to liquidation or to a target as a fraction of the mark, the
 *                coverage, funding paid in USD, the price's age in hours; empty for {@link Kind#NO_PRICE}
 * @param limit   the threshold crossed: the alert distance, the target coverage (with {@link #band}), the maximum
 *                funding cost, the stale age in hours; empty where there is none
 * @param band    the coverage band for {@link Kind#COVERAGE_DRIFT}, else empty
 */
public record HedgeAlert(
        Kind kind,
        Optional<Long> hedgeId,
        String asset,
        Optional<BigDecimal> value,
        Optional<BigDecimal> limit,
        Optional<BigDecimal> band) {

    /** Kinds, most urgent first (the order alerts are listed in). */
    public enum Kind {
        LIQUIDATION_NEAR,
        STOP_REACHED,
        TAKE_PROFIT_REACHED,
        COVERAGE_DRIFT,
        FUNDING_COST,
        NO_PRICE,
        STALE_PRICE
    }

    public HedgeAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hedgeId, "hedgeId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(band, "band");
    }

    static HedgeAlert ofHedge(Kind kind, HedgeAccount hedge, BigDecimal value, BigDecimal limit) {
        return new HedgeAlert(
                kind,
                Optional.of(hedge.hedgeId()),
                hedge.asset(),
                Optional.ofNullable(value),
                Optional.ofNullable(limit),
                Optional.empty());
    }
}
