package io.hedgedesk.web.calculator;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.InvalidInstrumentException;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.persistence.portfolio.ContractsOfAsset;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The price book's view of the contract catalog: the perpetuals on each coin. */
@ApplicationScoped
public class CatalogContractsOfAsset implements ContractsOfAsset {

    private final ContractCatalog catalog;

    public CatalogContractsOfAsset(ContractCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<String> contracts(String symbol) {
        try {
            return catalog.forBaseAsset(Asset.of(symbol)).stream()
                    .map(Instrument::id)
                    .toList();
        } catch (InvalidInstrumentException e) {
            return List.of(); // a symbol the catalog cannot name has no perpetual
        }
    }
}
