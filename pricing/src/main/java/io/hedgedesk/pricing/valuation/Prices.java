package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.market.PriceQuote;
import java.util.Map;
import java.util.Optional;

/**
 * One price per asset (the price book's newest source) and, where a venue's tick of a contract is that newest source,
 * the contract's own mark.
 *
 * @param spot          USD price per asset symbol
 * @param contractMarks mark per contract id, only for contracts whose venue tick is the newest price of their coin
 */
public record Prices(Map<String, PriceQuote> spot, Map<String, PriceQuote> contractMarks) {

    public Prices {
        spot = Map.copyOf(spot);
        contractMarks = Map.copyOf(contractMarks);
    }

    /** The spot price of {@code asset}, if known. */
    public Optional<PriceQuote> spot(String asset) {
        return Optional.ofNullable(spot.get(asset));
    }

    /** The price a hedge on {@code contractId} is valued at: its own venue mark if newest, else its coin's price. */
    public Optional<PriceQuote> mark(String contractId, String asset) {
        return Optional.ofNullable(contractMarks.get(contractId)).or(() -> spot(asset));
    }
}
