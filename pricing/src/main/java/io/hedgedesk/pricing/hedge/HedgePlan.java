package io.hedgedesk.pricing.hedge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * The sized hedges of several holdings and their USD totals (unrounded).
 *
 * @param legs              one per holding, in input order
 * @param exposureUsd       {@code Σ exposureUsd}, including margin coin
 * @param hedgedUsd         {@code Σ hedgedUsd}
 * @param residualUsd       {@code Σ residualUsd} (positive = net long left)
 * @param freshStablecoin   USDT posted as margin ({@link MarginSource#STABLECOIN} legs), fresh capital
 * @param extraCoinUsd      USD value of the extra coin deposited as margin ({@link MarginSource#EXTRA_COIN} legs)
 */
public record HedgePlan(
        List<HedgeLeg> legs,
        BigDecimal exposureUsd,
        BigDecimal hedgedUsd,
        BigDecimal residualUsd,
        BigDecimal freshStablecoin,
        BigDecimal extraCoinUsd) {

    public HedgePlan {
        legs = List.copyOf(Objects.requireNonNull(legs, "legs"));
        Objects.requireNonNull(exposureUsd, "exposureUsd");
        Objects.requireNonNull(hedgedUsd, "hedgedUsd");
        Objects.requireNonNull(residualUsd, "residualUsd");
        Objects.requireNonNull(freshStablecoin, "freshStablecoin");
        Objects.requireNonNull(extraCoinUsd, "extraCoinUsd");
        if (legs.isEmpty()) {
            throw new HedgeSizingException("a plan needs at least one leg");
        }
    }

    /** The plan's USD-weighted coverage {@code hedgedUsd / exposureUsd}. */
    public BigDecimal coverage() {
        return hedgedUsd.divide(exposureUsd, MathContext.DECIMAL128);
    }
}
