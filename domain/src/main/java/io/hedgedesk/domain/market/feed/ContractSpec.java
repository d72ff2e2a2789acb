package io.hedgedesk.domain.market.feed;

import io.hedgedesk.domain.market.InvalidMarketDataException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A contract as its venue currently specifies it.
 *
 * @param contractId   the catalog id, e.g. {@code "BINANCE:BTCUSD_PERP"}
 * @param venueSymbol  the venue's symbol, e.g. {@code "BTCUSD_PERP"}
 * @param contractSize inverse: face value of one contract in USD; linear: coins per quantity unit; positive
 * @param tickSize     minimum price increment in the quote currency; positive
 * @param source       where it was read, e.g. {@code "Binance COIN-M exchangeInfo"}
 */
public record ContractSpec(
        String contractId, String venueSymbol, BigDecimal contractSize, BigDecimal tickSize, String source) {

    public ContractSpec {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        Objects.requireNonNull(source, "source");
        positive(contractSize, "contractSize", contractId);
        positive(tickSize, "tickSize", contractId);
    }

    private static void positive(BigDecimal value, String field, String contractId) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidMarketDataException(field + " of " + contractId + " must be positive, was " + value);
        }
    }
}
