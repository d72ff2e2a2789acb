package io.hedgedesk.pricing.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.marketdata.importer.MarketCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calculator on real Binance daily closes (see src/test/resources/market-data/README.md), checked against an
 * independent two-pass computation written here on closes parsed here as doubles.
 */
class ProxyHedgeRealDataTest {

    /** The present for the CSV reader's bounds (no row may be later). */
    private static final Instant NOW = Instant.now();

    private static final ProxyHedgeCalculator CALC = ProxyHedgeCalculator.DEFAULT;
    private static final LocalDate FROM = LocalDate.of(2022, 12, 31); // last 2022 close: base of the first 2023 return
    private static final LocalDate TO = LocalDate.of(2023, 12, 31);
    private static final double TOLERANCE = 1e-12;

    private static PriceSeries btc;
    private static PriceSeries eth;
    private static PriceSeries sol;

    @BeforeAll
    static void load() {
        btc = series("BTC").between(FROM, TO);
        eth = series("ETH").between(FROM, TO);
        sol = series("SOL").between(FROM, TO);
    }

    @Test
    void solOnBtcOver2023MatchesTwoPass() {
        double[] s = simpleReturns(rawCloses("SOL"));
        double[] h = simpleReturns(rawCloses("BTC"));
        assertThat(s).hasSize(365);

        HedgeEstimate estimate = CALC.estimate(sol, btc, ReturnType.SIMPLE, Weighting.EQUAL);
        HedgeStatistics stats = estimate.statistics();

        double meanS = mean(s);
        double meanH = mean(h);
        double sxx = 0;
        double shh = 0;
        double sxh = 0;
        for (int i = 0; i < s.length; i++) {
            sxx += (s[i] - meanS) * (s[i] - meanS);
            shh += (h[i] - meanH) * (h[i] - meanH);
            sxh += (s[i] - meanS) * (h[i] - meanH);
        }
        int n = s.length;
        assertThat(stats.observations()).isEqualTo(365);
        assertThat(estimate.firstReturnDate()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(estimate.lastReturnDate()).isEqualTo(TO);
        assertThat(stats.basketVolatility()).isCloseTo(Math.sqrt(sxx / (n - 1)), within(TOLERANCE));
        assertThat(stats.hedgeVolatility()).isCloseTo(Math.sqrt(shh / (n - 1)), within(TOLERANCE));
        assertThat(stats.covariance()).isCloseTo(sxh / (n - 1), within(TOLERANCE));
        assertThat(stats.hedgeRatio()).isCloseTo(sxh / shh, within(TOLERANCE));
        assertThat(stats.correlation()).isCloseTo(sxh / Math.sqrt(sxx * shh), within(TOLERANCE));
        assertThat(stats.residualVolatility())
                .isCloseTo(Math.sqrt(sxx / (n - 1)) * Math.sqrt(1 - sxh * sxh / (sxx * shh)), within(TOLERANCE));
    }

    @Test
    void ewmaOnRealDataMatchesExplicitWeights() {
        double lambda = 0.94;
        double[] s = simpleReturns(rawCloses("SOL"));
        double[] h = simpleReturns(rawCloses("BTC"));
        int n = s.length;
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(lambda, n - 1 - i);
            total += w[i];
        }
        double meanS = 0;
        double meanH = 0;
        for (int i = 0; i < n; i++) {
            meanS += w[i] / total * s[i];
            meanH += w[i] / total * h[i];
        }
        double vs = 0;
        double vh = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            vs += w[i] / total * (s[i] - meanS) * (s[i] - meanS);
            vh += w[i] / total * (h[i] - meanH) * (h[i] - meanH);
            c += w[i] / total * (s[i] - meanS) * (h[i] - meanH);
        }

        HedgeStatistics stats = CALC.estimate(sol, btc, ReturnType.SIMPLE, Weighting.ewma(lambda))
                .statistics();

        assertThat(stats.basketVolatility()).isCloseTo(Math.sqrt(vs), within(TOLERANCE));
        assertThat(stats.hedgeVolatility()).isCloseTo(Math.sqrt(vh), within(TOLERANCE));
        assertThat(stats.hedgeRatio()).isCloseTo(c / vh, within(1e-10));
        assertThat(stats.correlation()).isCloseTo(c / Math.sqrt(vs * vh), within(1e-10));
    }

    @Test
    void logReturnsMatchTwoPass() {
        double[] sc = rawCloses("SOL");
        double[] hc = rawCloses("BTC");
        double[] s = new double[sc.length - 1];
        double[] h = new double[hc.length - 1];
        for (int i = 1; i < sc.length; i++) {
            s[i - 1] = Math.log(sc[i] / sc[i - 1]);
            h[i - 1] = Math.log(hc[i] / hc[i - 1]);
        }
        double ms = mean(s);
        double mh = mean(h);
        double shh = 0;
        double sxh = 0;
        for (int i = 0; i < s.length; i++) {
            shh += (h[i] - mh) * (h[i] - mh);
            sxh += (s[i] - ms) * (h[i] - mh);
        }
        assertThat(CALC.estimate(sol, btc, ReturnType.LOG, Weighting.EQUAL).beta())
                .isCloseTo(sxh / shh, within(1e-10));
    }

    @Test
    void basketBetaOfSolAndEthOnBtcAgreesBothWays() {
        List<BasketComponent> basket = List.of(
                new BasketComponent(sol, new BigDecimal("3000")), new BasketComponent(eth, new BigDecimal("7000")));
        for (ReturnType type : ReturnType.values()) {
            for (Weighting weighting : List.of(Weighting.EQUAL, Weighting.ewma(0.94))) {
                BasketBeta beta = CALC.basketBeta(basket, btc, type, weighting);
                assertThat(beta.seriesBeta()).as(type + " " + weighting).isCloseTo(beta.weightedBeta(), within(1e-12));
                assertThat(beta.weightedBeta())
                        .isCloseTo(
                                0.3 * beta.components().get(0).beta()
                                        + 0.7 * beta.components().get(1).beta(),
                                within(1e-15));
            }
        }
        BasketBeta equal = CALC.basketBeta(basket, btc, ReturnType.SIMPLE, Weighting.EQUAL);
        // each component's β is the single-asset estimate
        assertThat(equal.components().get(0).beta())
                .isCloseTo(
                        CALC.estimate(sol, btc, ReturnType.SIMPLE, Weighting.EQUAL)
                                .beta(),
                        within(1e-15));
        // hedge notional = β × 10,000 USD
        BigDecimal notional = CALC.hedgeNotional(equal.seriesBeta(), equal.basketValue());
        assertThat(notional.doubleValue()).isCloseTo(equal.seriesBeta() * 10_000, within(1e-9));
    }

    @Test
    void inSampleReductionIsRhoSquaredAndRollingEndsAtTheFullWindow() {
        ReturnSeries s = ReturnSeries.of(sol, ReturnType.SIMPLE);
        ReturnSeries h = ReturnSeries.of(btc, ReturnType.SIMPLE);
        for (Weighting weighting : List.of(Weighting.EQUAL, Weighting.ewma(0.94))) {
            HedgeStatistics stats = CALC.statistics(s, h, weighting);
            VarianceReduction reduction = CALC.inSampleVarianceReduction(s, h, weighting);
            assertThat(reduction.reduction()).isCloseTo(stats.hedgeEffectiveness(), within(1e-12));
            assertThat(reduction.label()).isEqualTo("in-sample");
        }

        List<HedgeEstimate> rolling = CALC.rolling(s, h, 90, Weighting.EQUAL);
        assertThat(rolling).hasSize(365 - 90 + 1);
        HedgeEstimate last = rolling.get(rolling.size() - 1);
        assertThat(last.lastReturnDate()).isEqualTo(TO);
        assertThat(last.beta())
                .isCloseTo(
                        CALC.estimate(sol.lastDays(91), btc.lastDays(91), ReturnType.SIMPLE, Weighting.EQUAL)
                                .beta(),
                        within(1e-12));

        // honest backtest: ratio from H1 2023, applied to H2 2023; it cannot beat the in-sample optimum on H2
        VarianceReduction outOfSample =
                CALC.outOfSampleVarianceReduction(s, h, LocalDate.of(2023, 7, 1), Weighting.EQUAL);
        VarianceReduction inSampleH2 =
                CALC.inSampleVarianceReduction(s.subSeries(181, 365), h.subSeries(181, 365), Weighting.EQUAL);
        assertThat(s.dates().get(181)).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(outOfSample.label()).isEqualTo("out-of-sample");
        assertThat(outOfSample.reduction()).isLessThanOrEqualTo(inSampleH2.reduction());
    }

    private static double[] rawCloses(String symbol) {
        Map<LocalDate, Double> byDate = new LinkedHashMap<>();
        try (InputStream in = resource(symbol)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].trim().split(",");
                LocalDate date = LocalDate.parse(f[0]);
                if (!date.isBefore(FROM) && !date.isAfter(TO)) {
                    byDate.put(date, Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byDate.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] simpleReturns(double[] closes) {
        double[] r = new double[closes.length - 1];
        for (int i = 1; i < closes.length; i++) {
            r[i - 1] = closes[i] / closes[i - 1] - 1;
        }
        return r;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static PriceSeries series(String symbol) {
        try (Reader in = new InputStreamReader(resource(symbol), StandardCharsets.UTF_8)) {
            return MarketCsv.readPrices(
                    in,
                    symbol + "-USDT-1d.csv",
                    symbol,
                    "Binance spot " + symbol + "USDT 1d, see market-data/README.md",
                    NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String symbol) {
        InputStream in =
                ProxyHedgeRealDataTest.class.getResourceAsStream("/market-data/prices/" + symbol + "-USDT-1d.csv");
        if (in == null) {
            throw new IllegalStateException("missing test resource for " + symbol);
        }
        return in;
    }
}
