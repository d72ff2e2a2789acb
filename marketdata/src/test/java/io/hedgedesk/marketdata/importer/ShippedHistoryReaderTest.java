package io.hedgedesk.marketdata.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.persistence.market.ShippedMarketDataFile;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Every file of the shipped history reads whole with the application's reader, one row per data line. */
class ShippedHistoryReaderTest {

    private final ShippedHistoryReader reader = new ShippedHistoryReader(Clock.systemUTC());

    @Test
    void everyShippedFileReads() {
        for (ShippedMarketDataFile file : ShippedMarketDataFile.manifest()) {
            String text = new String(file.read(), StandardCharsets.UTF_8);
            long dataLines = text.lines().count() - 1;
            int rows = file.kind() == Kind.PRICE
                    ? reader.prices(file, text).size()
                    : reader.funding(file, text).size();
            assertThat(rows).as(file.file()).isEqualTo(dataLines).isPositive();
        }
    }
}
