package io.hedgedesk.web.calculator;

import io.hedgedesk.pricing.catalog.ContractCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The bundled contract catalog, read once at start. */
@ApplicationScoped
public class ContractCatalogProducer {

    @Produces
    @Singleton
    ContractCatalog catalog() {
        return ContractCatalog.loadDefault();
    }
}
