package io.hedgedesk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioValuationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Holding holding(long id, String asset, String quantity) {
        HoldingDraft d = HoldingDraft.parse(
                new HoldingInput(asset, true, quantity, "W", "", "", ""), LocalDate.of(2026, 11, 29));
        return new Holding(id, 1, d, NOW, "Alice", 0);
    }

    private static PriceQuote quote(String asset, String price, String source, String at) {
        return new PriceQuote(asset, new BigDecimal(price), source, Instant.parse(at));
    }

    /**
     * Hand arithmetic: BTC 0.5 × 60000 = 30000; BTC 0.25 × 60000 = 15000; ETH 2 × 2500 = 5000; USDC 5000 × 1 = 5000.
     * Total 55000. Allocation BTC 45000/55000 = 81.8181...%, ETH and USDC 5000/55000 = 9.0909...% each. XYZ unpriced.
     */
    @Test
    void valuesHoldingsAggregatesAllocationsAndCountsUnpricedOnes() {
        List<Holding> holdings = List.of(
                holding(1, "BTC", "0.5"),
                holding(2, "ETH", "2"),
                holding(3, "BTC", "0.25"),
                holding(4, "USDC", "5000"),
                holding(5, "XYZ", "7"));
        Map<String, PriceQuote> market = Map.of(
                "BTC", quote("BTC", "60000", "Binance spot daily close", "2026-11-28T23:59:59Z"),
                "ETH", quote("ETH", "2400", "Binance spot daily close", "2026-11-28T23:59:59Z"));
        Map<String, PriceQuote> manual = Map.of("ETH", quote("ETH", "2500", "manual (Alice)", "2026-11-29T09:00:00Z"));

        PortfolioValuation v = PortfolioValuation.of(holdings, market, manual, NOW);

        assertThat(v.totalUsd()).isEqualByComparingTo("55000");
        assertThat(v.unpriced()).isEqualTo(1);
        assertThat(v.allocations()).extracting(Allocation::assetSymbol).containsExactly("BTC", "ETH", "USDC");
        assertThat(v.allocations().get(0).percent())
                .isEqualByComparingTo(new BigDecimal("81.81818181818181818181818181818182"));
        assertThat(v.lines().get(1).quote().orElseThrow().source()).isEqualTo("manual (Alice)");
        assertThat(v.lines().get(4).valueUsd()).isEmpty();
    }

    @Test
    void theMoreRecentOfMarketAndManualWinsAndStablecoinsAreOneDollar() {
        Optional<PriceQuote> market = Optional.of(quote("SOL", "150", "market", "2026-11-29T00:00:00Z"));
        Optional<PriceQuote> oldManual = Optional.of(quote("SOL", "100", "manual", "2026-11-01T00:00:00Z"));
        assertThat(PortfolioValuation.latest("SOL", market, oldManual, NOW)).isEqualTo(market);
        assertThat(PortfolioValuation.latest("SOL", Optional.empty(), oldManual, NOW))
                .isEqualTo(oldManual);
        assertThat(PortfolioValuation.latest("SOL", Optional.empty(), Optional.empty(), NOW))
                .isEmpty();
        assertThat(PortfolioValuation.latest("USDT", market, oldManual, NOW)
                        .orElseThrow()
                        .priceUsd())
                .isEqualByComparingTo("1");
        assertThat(PortfolioValuation.of(List.of(), Map.of(), Map.of(), NOW).totalUsd())
                .isEqualByComparingTo("0");
    }
}
