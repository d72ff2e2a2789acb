package io.hedgedesk.web.calculator;

import io.hedgedesk.pricing.catalog.ContractCatalog;
import io.hedgedesk.pricing.catalog.FeeTiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The bundled contract catalog and the venues' fee levels, read once at start. */
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
