package io.hedgedesk.marketdata.importer;

import io.smallrye.config.ConfigMapping;

/** {@code hedgedesk.market-import.*}: how the market-history CSV import stores its rows. */
@ConfigMapping(prefix = "hedgedesk.market-import")
public interface MarketImportConfig {

    /** Rows per upsert statement; each chunk commits its progress. */
    int chunkRows();
}
