package io.hedgedesk.persistence.portfolio;

import java.util.List;

/**
 * The contract catalog ids of the perpetuals on a coin, so that the price book can read their venue ticks. The
 * catalog lives outside this module; the application provides the implementation.
 */
public interface ContractsOfAsset {

    /** Contract ids whose base asset is {@code symbol}, e.g. {@code ["BYBIT:ETHUSD", "BYBIT:ETHUSDT"]}. */
    List<String> contracts(String symbol);
}
