package io.hedgedesk.marketdata;

import io.hedgedesk.domain.instrument.Instrument;
import java.util.Optional;

/**
 * The contract catalog as the market-data jobs see it: a catalog contract by its id ({@code BYBIT:BTCUSD}). The web
 * application produces it from the catalog it loads.
 */
@FunctionalInterface
public interface ContractLookup {

  /** The catalog contract {@code id}; empty when the catalog has none. */
  Optional<Instrument> find(String id);
}
