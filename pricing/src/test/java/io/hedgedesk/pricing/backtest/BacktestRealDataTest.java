package io.hedgedesk.pricing.backtest;

import static io.hedgedesk.pricing.backtest.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.marketdata.importer.MarketCsv;
import io.hedgedesk.pricing.hedge.MarginSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The replay on the shipped real history (src/test/resources/market-data: Binance daily closes, BitMEX and Binance
 * funding), with the expected numbers recomputed here from the raw CSV rows.
 */
class BacktestRealDataTest {

    /** The present for the CSV reader's bounds (no row may be later). */
    private static final Instant NOW = Instant.now();

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final PriceSeries BTC = prices("BTC");
    private static final PriceSeries SOL = prices("SOL");

    /**
     * 2022: BTC fell from 47,738 to 16,537 (−65 %; low 15,787 on 2022-11-21). One BTC hedged 1:1 with Bybit BTCUSD
     * at 2x, margin out of the bag, funding from BitMEX XBTUSD (the inverse series), never resized and on a 5 % band. The inverse short
     * keeps the bag's USD value: the hedged path falls only by fees and funding (which shorts paid that year). Funding in USD at each settlement's
     * close is {@code rate × N/X × X = rate × N}, so over the year it is N × the sum of the rates settled in
     * (2022-01-01T24:00Z, 2022-12-31T24:00Z], summed here from the raw rows.
     */
    @Test
    void aPerAssetInverseHedgeThroughTheBearMarketOf2022() {
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 12, 31);
        FundingRateSeries xbt = funding("BITMEX-XBTUSD-funding.csv", "BITMEX:XBTUSD");
        BacktestMarket market = BacktestMarket.of(List.of(BTC), from, to, 0, Map.of("BYBIT:BTCUSD", xbt));
        LegPolicy leg = new LegPolicy(CATALOG.get("BYBIT:BTCUSD"), bd("2"), MarginSource.OUT_OF_BAG, BigDecimal.ONE);
        BacktestResult result = BacktestEngine.DEFAULT.run(
                market,
                new BacktestPolicy(
                        Map.of("BTC", BigDecimal.ONE),
                        Map.of("BTC", leg),
                        Optional.empty(),
                        Rebalancing.never(),
                        Optional.empty()));
        BacktestResult banded = BacktestEngine.DEFAULT.run(
                market,
                new BacktestPolicy(
                        Map.of("BTC", BigDecimal.ONE),
                        Map.of("BTC", leg),
                        Optional.empty(),
                        Rebalancing.band(bd("0.05")),
                        Optional.empty()));

        BacktestMeasures m = result.measures();
        assertThat(result.path()).hasSize(365);
        assertThat(result.gaps()).isEmpty();
        assertThat(m.endUnhedgedUsd()).isEqualByComparingTo(BTC.closeOn(to).orElseThrow());
        assertThat(m.drawdownUnhedged().fraction()).isGreaterThan(0.65);
        // BitMEX funding summed to −3.4 % of the notional over 2022 (shorts paid): the hedged path's only real fall
        assertThat(m.drawdownHedged().fraction()).isBetween(0.02, 0.05);
        assertThat(m.fundingUsd()).isNegative();
        assertThat(m.varianceReduction().getAsDouble()).isGreaterThan(0.99);
        assertThat(m.dollarOffset().getAsDouble()).isBetween(0.98, 1.02);
        assertThat(m.liquidations()).isZero();
        assertThat(m.rebalances()).isZero();
        // the funding paid in coin (rate × N/X, more coin as X fell) shrank the coins held: the hedge was reduced
        assertThat(banded.measures().rebalances()).isPositive();
        assertThat(banded.events())
                .filteredOn(e -> e.kind() == BacktestEvent.Kind.REBALANCE)
                .allSatisfy(e -> assertThat(e.words()).startsWith("BUY "));

        BigDecimal contracts = new BigDecimal(result.events().get(0).words().split(" ")[1]);
        BigDecimal rateSum = BigDecimal.ZERO;
        Instant start = Instant.parse("2022-01-02T00:00:00Z");
        Instant end = Instant.parse("2023-01-01T00:00:00Z");
        for (var rate : xbt.rates()) {
            if (rate.time().isAfter(start) && !rate.time().isAfter(end)) {
                rateSum = rateSum.add(rate.rate());
            }
        }
        // BYBIT:BTCUSD has a face value of 1 USD: N = Q
        assertThat(m.fundingUsd().setScale(6, RoundingMode.HALF_UP))
                .isEqualByComparingTo(contracts.multiply(rateSum).setScale(6, RoundingMode.HALF_UP));
    }

    /**
     * 2023: BTC rose from 16,625 to 42,284. A 2x short out of the bag is liquidated near 2 × entry / 1.01 (BTC passed
     * 33,000 in late October) and the bag is unhedged from there; topping the margin up at half the initial margin
     * keeps it alive, and the hedged equity then stays within a few percent of the start.
     */
    @Test
    void theRallyOf2023LiquidatesATwoTimesShortUnlessItsMarginIsToppedUp() {
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        BacktestMarket market = BacktestMarket.of(List.of(BTC), from, to, 0, Map.of());
        LegPolicy leg = new LegPolicy(CATALOG.get("BYBIT:BTCUSD"), bd("2"), MarginSource.OUT_OF_BAG, BigDecimal.ONE);
        BacktestResult bare = BacktestEngine.DEFAULT.run(
                market,
                new BacktestPolicy(
                        Map.of("BTC", BigDecimal.ONE),
                        Map.of("BTC", leg),
                        Optional.empty(),
                        Rebalancing.never(),
                        Optional.empty()));
        BacktestResult toppedUp = BacktestEngine.DEFAULT.run(
                market,
                new BacktestPolicy(
                        Map.of("BTC", BigDecimal.ONE),
                        Map.of("BTC", leg),
                        Optional.empty(),
                        Rebalancing.never(),
                        Optional.of(bd("0.5"))));

        assertThat(bare.measures().liquidations()).isEqualTo(1);
        BacktestEvent liquidation = bare.events().get(1);
        BigDecimal entry = BTC.closeOn(from).orElseThrow();
        BigDecimal closeThen = BTC.closeOn(liquidation.date()).orElseThrow();
        assertThat(closeThen).isGreaterThan(entry.multiply(bd("1.9")));
        assertThat(BTC.closeOn(liquidation.date().minusDays(1)).orElseThrow())
                .isLessThan(entry.multiply(bd("2")).divide(bd("1.01"), MathContext.DECIMAL128));
        assertThat(toppedUp.measures().liquidations()).isZero();
        assertThat(toppedUp.measures().topUps()).isPositive();
        BigDecimal drift = toppedUp.measures()
                .endHedgedUsd()
                .divide(toppedUp.measures().capitalUsd(), MathContext.DECIMAL128)
                .subtract(BigDecimal.ONE)
                .abs();
        assertThat(drift).isLessThan(bd("0.05"));
    }

    /**
     * SOL through the FTX crash, hedged on Bybit SOLUSDT with the Binance SOLUSDT funding series (the only SOL one): the source has no settlement from 2022-11-16 to
     * 2022-12-01, and the result names that gap (nothing is filled).
     */
    @Test
    void theSolFundingGapOfNovember2022IsNamed() {
        BacktestMarket market = BacktestMarket.of(
                List.of(SOL),
                LocalDate.of(2022, 10, 1),
                LocalDate.of(2022, 12, 31),
                0,
                Map.of("BYBIT:SOLUSDT", funding("BINANCE-SOLUSDT-funding.csv", "BINANCE:SOLUSDT")));
        BacktestResult result = BacktestEngine.DEFAULT.run(
                market,
                new BacktestPolicy(
                        Map.of("SOL", bd("100")),
                        Map.of(
                                "SOL",
                                new LegPolicy(
                                        CATALOG.get("BYBIT:SOLUSDT"),
                                        bd("2"),
                                        MarginSource.STABLECOIN,
                                        BigDecimal.ONE)),
                        Optional.empty(),
                        Rebalancing.everyDays(7),
                        Optional.empty()));

        assertThat(result.gaps()).hasSize(1);
        FundingGap gap = result.gaps().get(0);
        assertThat(gap.reason()).isEqualTo("missing in the series");
        assertThat(gap.from())
                .isBefore(Instant.parse("2022-11-17T00:00:00Z"))
                .isAfter(Instant.parse("2022-11-15T00:00:00Z"));
        assertThat(gap.to())
                .isAfter(Instant.parse("2022-11-30T00:00:00Z"))
                .isBefore(Instant.parse("2022-12-02T00:00:00Z"));
        assertThat(result.measures().liquidations()).isZero();
        assertThat(result.measures().varianceReduction().getAsDouble()).isGreaterThan(0.95);
    }

    private static PriceSeries prices(String asset) {
        try (Reader in = reader("prices/" + asset + "-USDT-1d.csv")) {
            return MarketCsv.readPrices(in, asset, asset, "Binance spot daily close", NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FundingRateSeries funding(String file, String contract) {
        try (Reader in = reader("funding/" + file)) {
            return MarketCsv.readFunding(in, file, contract, "see market-data/README.md", NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String path) {
        InputStream in = BacktestRealDataTest.class.getResourceAsStream("/market-data/" + path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
