package io.hedgedesk.pricing.valuation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Unrealized PnL of holdings against what they cost, in USD.
 *
 * <p>Per holding with a price and a cost basis: {@code PnL = V − C} (value at the current price less the total cost
 * basis), {@code PnL % = (V − C) / C} as a fraction (0.25 = 25 %; none when {@code C = 0}). A gain is positive.
 *
 * @param valueUsd     {@code V}, the holding's value now
 * @param costBasisUsd {@code C}, what the whole holding cost
 * @param pnlUsd       {@code V − C}
 * @param fraction     {@code (V − C) / C}; empty when {@code C = 0}
 */
public record CostBasisPnl(
        BigDecimal valueUsd, BigDecimal costBasisUsd, BigDecimal pnlUsd, Optional<BigDecimal> fraction) {

    private static final MathContext MC = MathContext.DECIMAL128;

    public CostBasisPnl {
        Objects.requireNonNull(valueUsd, "valueUsd");
        Objects.requireNonNull(costBasisUsd, "costBasisUsd");
        Objects.requireNonNull(pnlUsd, "pnlUsd");
        Objects.requireNonNull(fraction, "fraction");
    }

    /** A holding's value and cost basis, either of which may be unknown (no price, no cost basis recorded). */
    public record Basis(Optional<BigDecimal> valueUsd, Optional<BigDecimal> costBasisUsd) {

        public Basis {
            Objects.requireNonNull(valueUsd, "valueUsd");
            Objects.requireNonNull(costBasisUsd, "costBasisUsd");
        }
    }

    /**
     * The portfolio's total.
     *
     * @param costBasisUsd {@code Σ C} over every holding with a cost basis (priced or not)
     * @param pnl          {@code Σ V − Σ C} and {@code (Σ V − Σ C) / Σ C} over the holdings that have both a price and a
     *                     cost basis; empty when none has both
     * @param leftOut      holdings not in {@code pnl} (no price or no cost basis)
     */
    public record Total(BigDecimal costBasisUsd, Optional<CostBasisPnl> pnl, int leftOut) {}

    /** The PnL of one holding: present when it has both a value and a cost basis. */
    public static Optional<CostBasisPnl> of(Basis basis) {
        if (basis.valueUsd().isEmpty() || basis.costBasisUsd().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(basis.valueUsd().get(), basis.costBasisUsd().get()));
    }

    /** {@code V − C} and {@code (V − C) / C}. */
    public static CostBasisPnl of(BigDecimal valueUsd, BigDecimal costBasisUsd) {
        BigDecimal pnl = valueUsd.subtract(costBasisUsd);
        Optional<BigDecimal> fraction =
                costBasisUsd.signum() == 0 ? Optional.empty() : Optional.of(pnl.divide(costBasisUsd, MC));
        return new CostBasisPnl(valueUsd, costBasisUsd, pnl, fraction);
    }

    /** The total over {@code holdings}: every cost basis summed; PnL over the holdings with both numbers. */
    public static Total total(List<Basis> holdings) {
        BigDecimal allCosts = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        int counted = 0;
        for (Basis b : holdings) {
            if (b.costBasisUsd().isPresent()) {
                allCosts = allCosts.add(b.costBasisUsd().get());
                if (b.valueUsd().isPresent()) {
                    value = value.add(b.valueUsd().get());
                    cost = cost.add(b.costBasisUsd().get());
                    counted++;
                }
            }
        }
        return new Total(
                allCosts, counted == 0 ? Optional.empty() : Optional.of(of(value, cost)), holdings.size() - counted);
    }
}
