package io.hedgedesk.pricing.valuation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A holding of the portfolio: so many coins of an asset (the whole bag in that place, including coins moved from it to
 * a venue as margin).
 *
 * @param holdingId the holding
 * @param asset     its coin, e.g. {@code "ADA"}
 * @param quantity  coins, positive
 */
public record HeldCoins(long holdingId, String asset, BigDecimal quantity) {

    public HeldCoins {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(quantity, "quantity");
    }
}
