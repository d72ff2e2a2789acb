package io.hedgedesk.pricing.funding;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of funding cash to the position holder, unrounded.
 *
 * @param inSettlementAsset the amount in the contract's settlement asset (the coin for inverse contracts, USDT for
 *                          linear ones); positive = income to the holder, negative = cost
 * @param inUsd             the same amount in USD at the given settlement-asset price; same sign
 */
public record FundingCash(BigDecimal inSettlementAsset, BigDecimal inUsd) {

    public FundingCash {
        Objects.requireNonNull(inSettlementAsset, "inSettlementAsset");
        Objects.requireNonNull(inUsd, "inUsd");
        if (inSettlementAsset.signum() != inUsd.signum()) {
            throw new FundingProjectionException("inSettlementAsset " + inSettlementAsset.toPlainString()
                    + " and inUsd " + inUsd.toPlainString() + " must have the same sign");
        }
    }

    /** The sign in words: "income", "cost" or "none". */
    public CashDirection direction() {
        return CashDirection.of(inSettlementAsset);
    }
}
