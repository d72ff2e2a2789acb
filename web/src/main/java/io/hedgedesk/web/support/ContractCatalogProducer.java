package io.hedgedesk.web.support;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.instrument.catalog.FeeTiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The bundled contract catalog and the venues' fee levels, read once at start: the only place the application loads them. */
@ApplicationScoped
public class ContractCatalogProducer {

    @Produces
    @Singleton
    ContractCatalog catalog() {
        return ContractCatalog.loadDefault();
    }

    @Produces
    @Singleton
    FeeTiers feeTiers() {
        return FeeTiers.loadDefault();
    }
}
