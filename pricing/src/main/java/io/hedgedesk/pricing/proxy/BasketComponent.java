package io.hedgedesk.pricing.proxy;

import io.hedgedesk.domain.market.PriceSeries;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One holding of a basket to be proxy-hedged.
 *
 * @param prices daily closes of the holding's asset
 * @param value  current value of the holding in USD (the quote currency of the closes); positive
 */
public record BasketComponent(PriceSeries prices, BigDecimal value) {

    public BasketComponent {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new ProxyHedgeException(
                    "value of " + prices.assetSymbol() + " must be positive, was " + value.toPlainString());
        }
    }
}
