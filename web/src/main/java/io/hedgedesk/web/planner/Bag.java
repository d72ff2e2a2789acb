package io.hedgedesk.web.planner;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** An asset of the planner's selection: its coins, price and USD value (price empty when unknown). */
record Bag(String asset, BigDecimal coins, Optional<BigDecimal> price, String priceNote) {

    /** coins × price, USD, unrounded. */
    Optional<BigDecimal> valueUsd() {
        return price.map(p -> p.multiply(coins, MathContext.DECIMAL128));
    }

    Bag withCoins(BigDecimal other) {
        return new Bag(asset, other, price, priceNote);
    }
}
