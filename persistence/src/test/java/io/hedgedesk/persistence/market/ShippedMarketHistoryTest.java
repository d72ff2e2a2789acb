package io.hedgedesk.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.domain.market.PriceSeries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped history as stored by the start-up load, checked against the CSV text read here line by line
 * (independently of the reader the application loads them with).
 */
@QuarkusTest
class ShippedMarketHistoryTest {

    @Inject
    ShippedMarketDataLoader loader;

    @Inject
    PriceHistoryRepository prices;

    @Inject
    FundingHistoryRepository funding;

    @Test
    void everyStoredCloseOfBtcEqualsTheCsv() {
        loader.loadAll();
        List<String> csv = ShippedCsv.lines("market-data/prices/BTC-USDT-1d.csv");

        PriceSeries btc = prices.series("BTC").orElseThrow();

        assertThat(csv.get(0)).isEqualTo("date,close");
        assertThat(btc.size()).isEqualTo(csv.size() - 1).isEqualTo(3_059);
        for (int i = 1; i < csv.size(); i++) {
            String[] fields = csv.get(i).split(",");
            PricePoint point = btc.points().get(i - 1);
            assertThat(point.date()).isEqualTo(LocalDate.parse(fields[0]));
            assertThat(point.close()).as(fields[0]).isEqualByComparingTo(new BigDecimal(fields[1]));
        }
        assertThat(btc.source())
                .isEqualTo(
                        "Binance spot BTCUSDT daily close in USDT (yanniedog/binance-historical-OHLCV-data@eb47266c)");
    }

    @Test
    void everyStoredRateOfBitmexXbtusdEqualsTheCsv() {
        loader.loadAll();
        List<String> csv = ShippedCsv.lines("market-data/funding/BITMEX-XBTUSD-funding.csv");

        FundingRateSeries xbt = funding.series("BITMEX:XBTUSD").orElseThrow();

        assertThat(xbt.size()).isEqualTo(csv.size() - 1).isEqualTo(8_525);
        for (int i = 1; i < csv.size(); i++) {
            String[] fields = csv.get(i).split(",");
            FundingRate rate = xbt.get(i - 1);
            assertThat(rate.time()).isEqualTo(Instant.parse(fields[0]));
            assertThat(rate.rate()).as(fields[0]).isEqualByComparingTo(new BigDecimal(fields[1]));
        }
    }

    @Test
    void aDateRangeOfShippedHistoryMatchesTheCsvRows() {
        loader.loadAll();

        PriceSeries sol = prices.series("SOL", LocalDate.of(2022, 11, 8), LocalDate.of(2022, 11, 9))
                .orElseThrow();

        assertThat(sol.dates()).containsExactly(LocalDate.of(2022, 11, 8), LocalDate.of(2022, 11, 9));
        assertThat(sol.closes())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(closeInCsv("SOL", "2022-11-08"), closeInCsv("SOL", "2022-11-09"));
        // The real -42% day of the FTX crash, from the file: 14.08 / 24.38 - 1 = -0.4225.
        assertThat(sol.closes())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("24.38"), new BigDecimal("14.08"));
    }

    @Test
    void latestClosesOfSeveralShippedAssetsInOneCall() {
        loader.loadAll();

        Map<String, PriceQuote> latest = prices.latestCloses(List.of("BTC", "eth", "SOL", "MATIC", "NOPE"));

        assertThat(latest.keySet()).containsExactly("BTC", "ETH", "SOL", "MATIC");
        for (String symbol : List.of("BTC", "ETH", "SOL", "MATIC")) {
            String[] last = ShippedCsv.lastRow("market-data/prices/" + symbol + "-USDT-1d.csv");
            PriceQuote quote = latest.get(symbol);
            assertThat(quote.priceUsd()).as(symbol).isEqualByComparingTo(new BigDecimal(last[1]));
            assertThat(quote.asOf()).as(symbol).isEqualTo(Instant.parse(last[0] + "T23:59:59.999Z"));
            assertThat(quote.source()).startsWith("Binance spot " + symbol + "USDT daily close in USDT");
        }
        // Written out from the files: BTC closed 2025-12-31 at 87648.22; MATIC's last close was 2024-09-10 at 0.3794.
        assertThat(latest.get("BTC").priceUsd()).isEqualByComparingTo("87648.22");
        assertThat(latest.get("BTC").asOf()).isEqualTo(Instant.parse("2025-12-31T23:59:59.999Z"));
        assertThat(latest.get("MATIC").priceUsd()).isEqualByComparingTo("0.3794");
        assertThat(latest.get("MATIC").asOf()).isEqualTo(Instant.parse("2024-09-10T23:59:59.999Z"));
    }

    @Test
    void coverageOfTheShippedPrices() {
        loader.loadAll();

        List<HistoryCoverage> coverage = prices.coverage();

        assertThat(coverage)
                .contains(
                        new HistoryCoverage(
                                "BTC",
                                LocalDate.of(2017, 8, 17),
                                LocalDate.of(2025, 12, 31),
                                3_059,
                                "Binance spot BTCUSDT daily close in USDT (yanniedog/binance-historical-OHLCV-data@eb47266c)"),
                        new HistoryCoverage(
                                "MATIC",
                                LocalDate.of(2019, 4, 26),
                                LocalDate.of(2024, 9, 10),
                                ShippedCsv.dataRows("market-data/prices/MATIC-USDT-1d.csv"),
                                "Binance spot MATICUSDT daily close in USDT (yanniedog/binance-historical-OHLCV-data@eb47266c)"));
        assertThat(funding.coverage()).anySatisfy(c -> {
            assertThat(c.seriesId()).isEqualTo("BITMEX:XBTUSD");
            assertThat(c.firstTime())
                    .isEqualTo(Instant.parse(ShippedCsv.lines("market-data/funding/BITMEX-XBTUSD-funding.csv")
                            .get(1)
                            .split(",")[0]));
            assertThat(c.lastTime()).isEqualTo(Instant.parse("2024-03-16T04:00:00Z"));
            assertThat(c.rows()).isEqualTo(8_525);
        });
    }

    private static BigDecimal closeInCsv(String symbol, String day) {
        return ShippedCsv.lines("market-data/prices/" + symbol + "-USDT-1d.csv").stream()
                .filter(line -> line.startsWith(day + ","))
                .map(line -> new BigDecimal(line.split(",")[1]))
                .findFirst()
                .orElseThrow();
    }
}
