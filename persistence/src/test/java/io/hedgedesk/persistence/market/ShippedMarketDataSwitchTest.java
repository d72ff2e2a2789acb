package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** With {@code hedgedesk.market-data.load-shipped=false} the start-up observer touches nothing. */
class ShippedMarketDataSwitchTest {

    @Test
    void switchedOffTheLoaderNeverReachesTheDatabase() {
        // No data source, repositories or reader: any attempt to load would fail with a NullPointerException.
        ShippedMarketDataLoader off = new ShippedMarketDataLoader(null, null, null, null, false);

        assertThatCode(() -> off.onStart(null)).doesNotThrowAnyException();
    }
}
