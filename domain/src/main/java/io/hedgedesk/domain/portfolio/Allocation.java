package io.hedgedesk.domain.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The part of a portfolio's priced value held in one asset.
 *
 * @param assetSymbol the asset
 * @param valueUsd    sum of the values of its priced holdings, USD, unrounded
 * @param percent     {@code 100 × valueUsd / total}, in percent (0-100), DECIMAL128
 */
public record Allocation(String assetSymbol, BigDecimal valueUsd, BigDecimal percent) {

    public Allocation {
        Objects.requireNonNull(assetSymbol, "assetSymbol");
        Objects.requireNonNull(valueUsd, "valueUsd");
        Objects.requireNonNull(percent, "percent");
    }
}
