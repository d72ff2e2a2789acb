package io.hedgedesk.pricing.funding;

import static io.hedgedesk.domain.instrument.Side.LONG;
import static io.hedgedesk.domain.instrument.Side.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.marketdata.importer.MarketCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The projector on real funding history (see src/test/resources/market-data/README.md), checked against
 * straightforward loops written here over rows parsed here, independently of the production reader and code.
 */
class FundingProjectorRealDataTest {

    /** The present for the CSV reader's bounds (no row may be later). */
    private static final Instant NOW = Instant.now();

    private static final FundingProjector PROJECTOR = FundingProjector.DEFAULT;
    private static final Instant Y2021 = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant Y2022 = Instant.parse("2022-01-01T00:00:00Z");
    private static final Instant Y2024 = Instant.parse("2024-01-01T00:00:00Z");

    /** One raw CSV row, parsed by the test itself. */
    private record Row(Instant time, BigDecimal rate) {}

    private static List<Row> xbtRows;
    private static List<Row> btcRows;
    private static FundingRateSeries xbt;
    private static FundingRateSeries btcusdt;
    private static FundingRateSeries solusdt;

    @BeforeAll
    static void load() {
        xbtRows = rows("BITMEX-XBTUSD-funding.csv");
        btcRows = rows("BINANCE-BTCUSDT-funding.csv");
        xbt = series("BITMEX-XBTUSD-funding.csv", "BITMEX:XBTUSD");
        btcusdt = series("BINANCE-BTCUSDT-funding.csv", "BINANCE:BTCUSDT");
        solusdt = series("BINANCE-SOLUSDT-funding.csv", "BINANCE:SOLUSDT");
    }

    @Test
    void seriesLoadCompletely() {
        assertThat(xbt.size()).isEqualTo(8525).isEqualTo(xbtRows.size());
        assertThat(btcusdt.size()).isEqualTo(4948).isEqualTo(btcRows.size());
        assertThat(solusdt.size()).isEqualTo(3848);
    }

    @Test
    void accrualOver2021MatchesLoop() {
        for (var pair : List.of(new Object[] {xbt, xbtRows}, new Object[] {btcusdt, btcRows})) {
            FundingRateSeries series = (FundingRateSeries) pair[0];
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) pair[1];
            BigDecimal sum = BigDecimal.ZERO;
            int count = 0;
            for (Row row : rows) {
                if (!row.time().isBefore(Y2021) && row.time().isBefore(Y2022)) {
                    sum = sum.add(row.rate());
                    count++;
                }
            }
            FundingAccrual accrual = PROJECTOR.accrue(series, Y2021, Y2022);
            assertThat(accrual.settlements())
                    .as(series.contractId())
                    .isEqualTo(count)
                    .isEqualTo(3 * 365);
            assertThat(accrual.rateSum()).as(series.contractId()).isEqualByComparingTo(sum);
            assertThat(accrual.rateSumToHolder(SHORT)).isEqualByComparingTo(sum);
            assertThat(accrual.rateSumToHolder(LONG)).isEqualByComparingTo(sum.negate());
        }
    }

    @Test
    void statisticsMatchLoop() {
        List<Row> window = new ArrayList<>();
        for (Row row : btcRows) {
            if (!row.time().isBefore(Y2021) && row.time().isBefore(Y2024)) {
                window.add(row);
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Row row : window) {
            sum = sum.add(row.rate());
        }
        int n = window.size();
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        long spanSeconds =
                window.get(n - 1).time().getEpochSecond() - window.get(0).time().getEpochSecond();
        BigDecimal perYear = BigDecimal.valueOf(365L * 24 * 3600 * (n - 1))
                .divide(BigDecimal.valueOf(spanSeconds), MathContext.DECIMAL128);

        FundingStatistics stats = PROJECTOR.statistics(btcusdt, Y2021, Y2024);

        assertThat(stats.settlements()).isEqualTo(n);
        assertThat(stats.meanRate()).isEqualByComparingTo(mean);
        assertThat(stats.meanInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(stats.shortestInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(stats.longestInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(stats.intervalsPerYear()).isEqualByComparingTo("1095");
        assertThat(stats.intervalsPerYear()).isEqualByComparingTo(perYear);
        assertThat(stats.annualizedRate()).isEqualByComparingTo(mean.multiply(perYear, MathContext.DECIMAL128));
    }

    @Test
    void thirtyDayDistributionMatchesBruteForce() {
        Duration horizon = Duration.ofDays(30);
        for (Side side : Side.values()) {
            List<Instant> starts = new ArrayList<>();
            List<BigDecimal> sums = new ArrayList<>();
            for (int i = 0; i < btcRows.size(); i++) {
                Instant start = btcRows.get(i).time();
                Instant stop = start.plus(horizon);
                if (start.isBefore(Y2021) || stop.isAfter(Y2024)) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = i; j < btcRows.size() && btcRows.get(j).time().isBefore(stop); j++) {
                    sum = sum.add(btcRows.get(j).rate());
                }
                starts.add(start);
                sums.add(side == SHORT ? sum : sum.negate());
            }
            int worstIndex = 0;
            for (int i = 1; i < sums.size(); i++) {
                if (sums.get(i).compareTo(sums.get(worstIndex)) < 0) {
                    worstIndex = i;
                }
            }
            List<BigDecimal> sorted = new ArrayList<>(sums);
            sorted.sort(null);

            HorizonDistribution d = PROJECTOR.horizonDistribution(btcusdt, Y2021, Y2024, horizon, side);

            assertThat(d.blocks()).isEqualTo(sums.size());
            assertThat(d.p10()).as(side.name()).isEqualByComparingTo(interpolated(sorted, 1, 10));
            assertThat(d.p50()).as(side.name()).isEqualByComparingTo(interpolated(sorted, 1, 2));
            assertThat(d.p90()).as(side.name()).isEqualByComparingTo(interpolated(sorted, 9, 10));
            assertThat(d.worst().start()).isEqualTo(starts.get(worstIndex));
            assertThat(d.worst().end()).isEqualTo(starts.get(worstIndex).plus(horizon));
            assertThat(d.worst().rateSumToHolder()).isEqualByComparingTo(sums.get(worstIndex));
            assertThat(d.worst().settlements()).isEqualTo(90);
        }
    }

    @Test
    void longAndShortDistributionsMirrorEachOther() {
        Duration horizon = Duration.ofDays(7);
        Instant from = Instant.parse("2016-06-01T00:00:00Z");
        HorizonDistribution shortSide = PROJECTOR.horizonDistribution(xbt, from, Y2024, horizon, SHORT);
        HorizonDistribution longSide = PROJECTOR.horizonDistribution(xbt, from, Y2024, horizon, LONG);
        assertThat(longSide.blocks()).isEqualTo(shortSide.blocks());
        assertThat(longSide.p10()).isEqualByComparingTo(shortSide.p90().negate());
        assertThat(longSide.p50()).isEqualByComparingTo(shortSide.p50().negate());
        assertThat(longSide.p90()).isEqualByComparingTo(shortSide.p10().negate());
        assertThat(longSide.mean()).isEqualByComparingTo(shortSide.mean().negate());
        // the long's worst week is the short's best week: no short block beats it
        assertThat(longSide.worst().rateSumToHolder().negate()).isGreaterThanOrEqualTo(shortSide.p90());
    }

    @Test
    void solusdtIntervalsChangeDuringTheFtxCrashAndTheGapShows() {
        Instant from = Instant.parse("2022-11-01T00:00:00Z");
        Instant to = Instant.parse("2022-12-15T00:00:00Z");
        FundingStatistics stats = PROJECTOR.statistics(solusdt, from, to);
        assertThat(stats.shortestInterval()).isEqualTo(Duration.ofHours(2));
        // 2022-11-16T00:00Z .. 2022-12-01T00:00Z is missing in the source: 15 days
        assertThat(stats.longestInterval()).isEqualTo(Duration.ofDays(15));

        // The worst 7 days for a SHORT over the crash contain the -2% capped settlements of 2022-11-10.
        HorizonDistribution worst = PROJECTOR.horizonDistribution(solusdt, from, to, Duration.ofDays(7), SHORT);
        Instant capped = Instant.parse("2022-11-10T00:00:00Z");
        assertThat(worst.worst().start()).isBeforeOrEqualTo(capped);
        assertThat(worst.worst().end()).isAfter(capped);
        BigDecimal loop = BigDecimal.ZERO;
        for (var rate : solusdt.rates()) {
            if (!rate.time().isBefore(worst.worst().start())
                    && rate.time().isBefore(worst.worst().end())) {
                loop = loop.add(rate.rate());
            }
        }
        assertThat(worst.worst().rateSumToHolder()).isEqualByComparingTo(loop);
        // more settlements than 7 days of 8 h intervals (21), because of the 2 h / 4 h intervals
        assertThat(worst.worst().settlements()).isGreaterThan(21);
    }

    @Test
    void insuranceCostOfInverseShortOnXbtusd() {
        // Short XBTUSD worth 1 XBT at 40,000 USD, funding history 2021..2023:
        // per year = annualized × 1 XBT, per month = annualized × 30/365 × 1 XBT, USD = × 40,000.
        FundingStatistics stats = PROJECTOR.statistics(xbt, Y2021, Y2024);
        InsuranceCost cost = PROJECTOR.insuranceCost(stats, SHORT, BigDecimal.ONE, new BigDecimal("40000"));
        BigDecimal perMonth =
                stats.annualizedRate().multiply(new BigDecimal(30)).divide(new BigDecimal(365), MathContext.DECIMAL128);
        assertThat(cost.perYear().inSettlementAsset()).isEqualByComparingTo(stats.annualizedRate());
        assertThat(cost.perMonth().inSettlementAsset().setScale(20, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(perMonth.setScale(20, RoundingMode.HALF_EVEN));
        assertThat(cost.perYear().inUsd())
                .isCloseTo(stats.annualizedRate().multiply(new BigDecimal("40000")), within(new BigDecimal("1e-25")));
        // 2021-2023 XBTUSD funding was positive on balance (longs paid), so the short hedge earned it
        assertThat(stats.annualizedRate()).isPositive();
        assertThat(cost.directionWord()).isEqualTo("income");
        assertThat(PROJECTOR
                        .insuranceCost(stats, LONG, BigDecimal.ONE, BigDecimal.TEN)
                        .directionWord())
                .isEqualTo("cost");
    }

    /** Linear interpolation between order statistics at p = num/den: h = (N-1)·p. */
    private static BigDecimal interpolated(List<BigDecimal> sorted, int num, int den) {
        int n = sorted.size();
        int lower = (n - 1) * num / den;
        BigDecimal fraction = BigDecimal.valueOf((long) (n - 1) * num - (long) lower * den)
                .divide(BigDecimal.valueOf(den), MathContext.DECIMAL128);
        if (fraction.signum() == 0) {
            return sorted.get(lower);
        }
        return sorted.get(lower).add(fraction.multiply(sorted.get(lower + 1).subtract(sorted.get(lower))));
    }

    private static List<Row> rows(String file) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = resource(file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].trim().split(",");
                rows.add(new Row(Instant.parse(f[0]), new BigDecimal(f[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static FundingRateSeries series(String file, String contractId) {
        try (Reader in = new InputStreamReader(resource(file), StandardCharsets.UTF_8)) {
            return MarketCsv.readFunding(in, file, contractId, "see market-data/README.md", NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = FundingProjectorRealDataTest.class.getResourceAsStream("/market-data/funding/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + file);
        }
        return in;
    }
}
