package io.hedgedesk.web.market;

import io.hedgedesk.marketdata.ContractLookup;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Gives the market-data jobs (refresh, backfill) the contract catalog the application loads. */
@ApplicationScoped
public class MarketDataContracts {

  @Produces
  @Singleton
  ContractLookup contracts(ContractCatalog catalog) {
    return catalog::find;
  }
}
