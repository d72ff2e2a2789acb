package io.hedgedesk.domain.portfolio;

import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A holding with its USD value.
 *
 * @param holding  the holding
 * @param quote    the price used; empty when no price is known
 * @param valueUsd quantity × price in USD, unrounded; empty when no price is known
 */
public record ValuedHolding(Holding holding, Optional<PriceQuote> quote, Optional<BigDecimal> valueUsd) {

    public ValuedHolding {
        Objects.requireNonNull(holding, "holding");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(valueUsd, "valueUsd");
    }
}
