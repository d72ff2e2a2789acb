package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.TestUsers;
import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staging, single-use claiming and the all-or-nothing store of CSV imports, on the real database. */
@QuarkusTest
class MarketImportRepositoryTest {

    @Inject
    MarketImportRepository imports;

    @Inject
    PriceHistoryRepository prices;

    @Inject
    AppUserRepository users;

    @Test
    void anImportIsClaimedOnceByItsOwnerAndStoredInChunks() {
        long owner = TestUsers.create(users, "Importer").id();
        long other = TestUsers.create(users, "Other").id();
        UUID id = UUID.randomUUID();
        imports.stage(id, owner, Kind.PRICE, "test", "ZZIMPA", "repository test", "a.csv", "the text", 5);

        assertThat(imports.find(id, other)).isEmpty();
        assertThat(imports.claim(id, other)).isEmpty();
        assertThat(imports.claim(id, owner)).contains("the text");
        assertThat(imports.claim(id, owner)).isEmpty();
        assertThat(imports.find(id, owner).orElseThrow().status()).isEqualTo(MarketImport.Status.RUNNING);

        // 5 closes in chunks of 2: three statements, one transaction
        assertThat(imports.store(id, closes("ZZIMPA", 5, "1"), 2)).isEqualTo(5);
        MarketImport done = imports.find(id, owner).orElseThrow();
        assertThat(done.status()).isEqualTo(MarketImport.Status.DONE);
        assertThat(done.processedRows()).isEqualTo(5);
        assertThat(done.changedRows()).contains(5);
        assertThat(prices.series("ZZIMPA").orElseThrow().size()).isEqualTo(5);
        // the rows name their writer, the import's uploader
        assertThat(prices.writers())
                .hasEntrySatisfying("ZZIMPA", names -> assertThat(names).contains("Importer"));
    }

    @Test
    void aFailedStoreIsMarkedFailedWithItsReason() {
        long owner = TestUsers.create(users, "Importer").id();
        UUID id = UUID.randomUUID();
        imports.stage(id, owner, Kind.PRICE, "test", "ZZIMPB", "repository test", "b.csv", "text", 4);
        imports.claim(id, owner);

        assertThatThrownBy(() -> imports.store(id, "not a series", 2)).isInstanceOf(IllegalArgumentException.class);

        MarketImport failed = imports.find(id, owner).orElseThrow();
        assertThat(failed.status()).isEqualTo(MarketImport.Status.FAILED);
        assertThat(failed.message()).contains("not a price or funding series: java.lang.String");
        assertThat(failed.finishedAt()).isPresent();
        assertThat(prices.series("ZZIMPB")).isEmpty();
    }

    private static PriceSeries closes(String symbol, int days, String close) {
        List<PricePoint> points = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            points.add(new PricePoint(LocalDate.parse("2024-01-01").plusDays(i), new BigDecimal(close)));
        }
        return new PriceSeries(symbol, "repository test", points);
    }
}
