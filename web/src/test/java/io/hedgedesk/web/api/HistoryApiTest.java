package io.hedgedesk.web.api;

import static io.hedgedesk.web.api.PerpetualApiTest.api;
import static io.hedgedesk.web.api.PerpetualApiTest.decimal;
import static io.hedgedesk.web.api.PerpetualApiTest.rejectsAt;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The funding-projection and proxy-β API against independent computations from the raw CSV files shipped with the
 * app (read here directly, not through the repositories or the pricing module), and its 400s.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HistoryApiTest {

    static final Path DATA = Path.of("../persistence/src/main/resources/market-data");

    /** Rows of a CSV ({@code key,value}) with {@code from <= key < to} (ISO dates and times sort as text). */
    static TreeMap<String, BigDecimal> csv(String file, String from, String to) throws IOException {
        TreeMap<String, BigDecimal> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DATA.resolve(file))
                .subList(1, Files.readAllLines(DATA.resolve(file)).size())) {
            String[] cells = line.split(",");
            if (cells[0].compareTo(from) >= 0 && cells[0].compareTo(to) < 0) {
                rows.put(cells[0], new BigDecimal(cells[1].strip()));
            }
        }
        return rows;
    }

    @Test
    void fundingProjectionOfAShortOnXbtusdInJanuary2024() throws IOException {
        // BITMEX:XBTUSD settles every 8 h (04:00, 12:00, 20:00 UTC). January 2024: 31 days x 3 = 93 settlements from
        // 01-01T04:00 to 01-31T20:00, span 736 h = 92 x 8 h, so settlements per year = 365 x 24 / 8 = 1095 exactly.
        List<BigDecimal> rates = new ArrayList<>(csv("funding/BITMEX-XBTUSD-funding.csv", "2024-01-01T", "2024-02-01T")
                .values());
        assertEquals(93, rates.size());
        BigDecimal sum = rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(93), MathContext.DECIMAL128);
        // Expected per 30 days for a short of 2 BTC of position value: mean x 1095 x 30/365 x 2 = mean x 90 x 2.
        BigDecimal perMonthBtc = mean.multiply(BigDecimal.valueOf(180));
        // One-day stretches: every settlement starts one, holding it and the next two; stretches must end by
        // 02-01T00:00, so the last starts 01-30T20:00 (index 3 x 29 + 2 = 89): 90 stretches. Percentiles interpolate at
        // h = (n - 1) p = 89 p: p10 at 8.9, p50 at 44.5, p90 at 80.1 (Hyndman-Fan 7).
        List<BigDecimal> blocks = new ArrayList<>();
        for (int i = 0; i + 2 < 92; i++) {
            blocks.add(rates.get(i).add(rates.get(i + 1)).add(rates.get(i + 2)));
        }
        assertEquals(90, blocks.size());
        blocks.sort(null);
        BigDecimal p10 = between(blocks, 8, "0.9");
        BigDecimal p50 = between(blocks, 44, "0.5");
        BigDecimal p90 = between(blocks, 80, "0.1");
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal usd = new BigDecimal("40000");
        api().body("""
        {"seriesId":"BITMEX:XBTUSD","from":"2024-01-01","to":"2024-01-31","horizonDays":"1","side":"SHORT",
         "positionValue":"2","settlementAssetUsdPrice":"40000","settlementAsset":"BTC"}""")
                .post("/api/v1/funding/projection")
                .then()
                .statusCode(200)
                .body("seriesId", equalTo("BITMEX:XBTUSD"))
                .body("settlements", equalTo(93))
                .body("meanIntervalHours", decimal("8.00"))
                .body(
                        "meanRatePercent",
                        decimal(mean.movePointRight(2)
                                .setScale(6, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body("blocks", equalTo(90))
                .body(
                        "perMonth.amount.amount",
                        decimal(perMonthBtc.setScale(8, RoundingMode.HALF_UP).toPlainString()))
                .body("perMonth.amount.asset", equalTo("BTC"))
                .body(
                        "perMonth.usd.amount",
                        decimal(perMonthBtc
                                .multiply(usd)
                                .setScale(2, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body(
                        "p10.amount.amount",
                        decimal(p10.multiply(two)
                                .setScale(8, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body(
                        "p50.amount.amount",
                        decimal(p50.multiply(two)
                                .setScale(8, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body(
                        "p50.usd.amount",
                        decimal(p50.multiply(two)
                                .multiply(usd)
                                .setScale(2, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body(
                        "p90.amount.amount",
                        decimal(p90.multiply(two)
                                .setScale(8, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body(
                        "worst.amount.amount",
                        decimal(blocks.get(0)
                                .multiply(two)
                                .setScale(8, RoundingMode.HALF_UP)
                                .toPlainString()))
                .body("perMonth.direction", equalTo(mean.signum() > 0 ? "income" : "cost"))
                .body("signWords", containsString("your short receives funding"));
    }

    /** {@code sorted[k] + fraction × (sorted[k + 1] − sorted[k])}. */
    static BigDecimal between(List<BigDecimal> sorted, int k, String fraction) {
        return sorted.get(k)
                .add(new BigDecimal(fraction).multiply(sorted.get(k + 1).subtract(sorted.get(k))));
    }

    @Test
    void aLongPaysWhatAShortReceives() {
        api().body("""
        {"seriesId":"BINANCE:ETHUSDT","from":"2024-01-01","to":"2024-03-31","horizonDays":"30","side":"LONG",
         "positionValue":"10000","settlementAssetUsdPrice":"1"}""")
                .post("/api/v1/funding/projection")
                .then()
                .statusCode(200)
                .body("side", equalTo("LONG"))
                .body("perMonth.amount.asset", equalTo("USDT"))
                .body("perMonth.direction", equalTo("cost"))
                .body("signWords", containsString("your long pays funding"));
    }

    @Test
    void fundingProjectionRejectsBadFields() {
        String path = "/api/v1/funding/projection";
        rejectsAt(path, """
        {"seriesId":"NOWHERE:FOO","horizonDays":"30","side":"SHORT","positionValue":"1","settlementAssetUsdPrice":"1"}""", "seriesId", "no stored funding history");
        rejectsAt(path, """
        {"seriesId":"BITMEX:XBTUSD","horizonDays":"0","side":"SHORT","positionValue":"1","settlementAssetUsdPrice":"1"}""", "horizonDays", "between 1 and");
        rejectsAt(path, """
        {"seriesId":"BITMEX:XBTUSD","side":"UP","positionValue":"1","settlementAssetUsdPrice":"1"}""", "side", "must be one of");
        rejectsAt(path, """
        {"seriesId":"BITMEX:XBTUSD","side":"SHORT","positionValue":"-1","settlementAssetUsdPrice":"1"}""", "positionValue", "greater than zero");
        rejectsAt(path, """
        {"seriesId":"BITMEX:XBTUSD","from":"2030-01-01","to":"2030-02-01","side":"SHORT","positionValue":"1",
         "settlementAssetUsdPrice":"1"}""", "from", "cannot be projected");
        rejectsAt(path, """
        {"seriesId":"BITMEX:XBTUSD","from":"1st May","side":"SHORT","positionValue":"1","settlementAssetUsdPrice":"1"}""", "from", "must be a date");
    }

    /** Daily simple returns of {@code closes} on {@code dates}: r_t = P_t / P_{t-1} - 1. */
    static double[] returns(Map<String, BigDecimal> closes, List<String> dates) {
        double[] r = new double[dates.size() - 1];
        for (int i = 1; i < dates.size(); i++) {
            r[i - 1] = closes.get(dates.get(i)).doubleValue()
                            / closes.get(dates.get(i - 1)).doubleValue()
                    - 1;
        }
        return r;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample covariance, n - 1 in the denominator. */
    static double cov(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    /** Daily simple returns over 2024 from the raw CSVs: {basket 60 % ETH / 40 % SOL, BTC, ETH}. */
    static double[][] basketAndBtcReturns2024() throws IOException {
        TreeMap<String, BigDecimal> btc = csv("prices/BTC-USDT-1d.csv", "2024-01-01", "2025-01-01");
        TreeMap<String, BigDecimal> eth = csv("prices/ETH-USDT-1d.csv", "2024-01-01", "2025-01-01");
        TreeMap<String, BigDecimal> sol = csv("prices/SOL-USDT-1d.csv", "2024-01-01", "2025-01-01");
        List<String> dates = new ArrayList<>(btc.keySet());
        dates.retainAll(eth.keySet());
        dates.retainAll(sol.keySet());
        double[] h = returns(btc, dates);
        double[] e = returns(eth, dates);
        double[] s = returns(sol, dates);
        double[] b = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            b[i] = 0.6 * e[i] + 0.4 * s[i];
        }
        return new double[][] {b, h, e};
    }

    @Test
    void varianceReductionAndRollingBeta() throws IOException {
        double[][] returns = basketAndBtcReturns2024();
        double[] b = returns[0];
        double[] h = returns[1];
        int n = h.length;
        // In-sample, the β hedge removes exactly ρ² of the variance: 1 − Var(b − βh)/Var(b) = ρ².
        double rho = cov(b, h) / Math.sqrt(cov(b, b) * cov(h, h));
        // The last 30-return window, estimated independently.
        double[] lastB = java.util.Arrays.copyOfRange(b, n - 30, n);
        double[] lastH = java.util.Arrays.copyOfRange(h, n - 30, n);
        double lastBeta = cov(lastB, lastH) / cov(lastH, lastH);
        api().body("""
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"6000"},{"asset":"SOL","valueUsd":"4000"}],
         "from":"2024-01-01","to":"2024-12-31","rollingDays":"30"}""")
                .post("/api/v1/proxy/beta")
                .then()
                .statusCode(200)
                .body("varianceReduction.label", equalTo("in-sample"))
                .body(
                        "varianceReduction.reductionPercent",
                        closeTo(BigDecimal.valueOf(rho * rho * 100), new BigDecimal("0.01")))
                .body("rolling", hasSize(n - 30 + 1))
                .body("rolling[-1].lastReturn", equalTo("2024-12-31"))
                .body("rolling[-1].beta", closeTo(BigDecimal.valueOf(lastBeta), new BigDecimal("0.0001")));
        rejectsAt("/api/v1/proxy/beta", """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"}],"windowDays":"30","rollingDays":"60"}""", "rollingDays", "longer than the");
    }

    /** β of a basket 60 % ETH, 40 % SOL on BTC over 2024, recomputed from the raw CSVs with simple returns. */
    static double[] basketOnBtc2024() throws IOException {
        double[][] returns = basketAndBtcReturns2024();
        double[] b = returns[0];
        double[] h = returns[1];
        double[] e = returns[2];
        double beta = cov(b, h) / cov(h, h);
        double rho = cov(b, h) / Math.sqrt(cov(b, b) * cov(h, h));
        double betaEth = cov(e, h) / cov(h, h);
        double residual = Math.sqrt(cov(b, b)) * Math.sqrt(1 - rho * rho);
        return new double[] {beta, rho, betaEth, residual, h.length};
    }

    @Test
    void basketBetaMatchesAnIndependentComputationFromTheCsv() throws IOException {
        double[] expected = basketOnBtc2024();
        double beta = expected[0];
        double rho = expected[1];
        BigDecimal tolerance = new BigDecimal("0.0001");
        var json = api().body("""
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"6000"},{"asset":"SOL","valueUsd":"4000"}],
         "from":"2024-01-01","to":"2024-12-31","returnType":"SIMPLE","weighting":"EQUAL","contract":"BYBIT:BTCUSD"}""")
                .post("/api/v1/proxy/beta")
                .then()
                .statusCode(200)
                .body("beta.basket.observations", equalTo((int) expected[4]))
                .body("beta.seriesBeta", closeTo(BigDecimal.valueOf(beta), tolerance))
                .body("beta.weightedBeta", closeTo(BigDecimal.valueOf(beta), tolerance))
                .body("beta.basket.correlation", closeTo(BigDecimal.valueOf(rho), tolerance))
                .body("beta.basket.rSquared", closeTo(BigDecimal.valueOf(rho * rho), tolerance))
                .body(
                        "beta.basket.residualVolatilityPercent",
                        closeTo(BigDecimal.valueOf(expected[3] * 100), new BigDecimal("0.01")))
                .body("beta.components", hasSize(2))
                .body("beta.components[0].asset", equalTo("ETH"))
                .body("beta.components[0].weightPercent", decimal("60.00"))
                .body("beta.components[0].statistics.beta", closeTo(BigDecimal.valueOf(expected[2]), tolerance))
                // notional = beta x 10,000 USD; Bybit BTCUSD has a 1 USD face value, so contracts = notional, rounded.
                .body("beta.hedgeNotionalUsd", closeTo(BigDecimal.valueOf(beta * 10000), new BigDecimal("0.01")))
                .body("order", containsString(" BTCUSD inverse contracts"))
                .body("prices", containsString("USDT-quoted daily closes"))
                .extract()
                .jsonPath();
        // Bybit BTCUSD: 1 USD face value, so contracts = β × 10,000 rounded to whole contracts (±1 for the last bit).
        long contracts = json.getLong("contracts");
        assertEquals((double) Math.round(beta * 10000), contracts, 1.0);
        assertEquals("SELL " + contracts + " BTCUSD inverse contracts", json.getString("order"));
    }

    @Test
    void linearContractsAreTheNotionalOverTheLastClose() throws IOException {
        // BINANCE:ETHUSDT: 1 ETH per quantity unit, step 0.001. Notional / last stored ETH close, rounded to 0.001.
        String last = Files.readAllLines(DATA.resolve("prices/ETH-USDT-1d.csv")).stream()
                .reduce((a, b) -> b)
                .orElseThrow()
                .split(",")[1];
        var response = api().body("""
        {"hedgeAsset":"ETH","basket":[{"asset":"SOL","valueUsd":"10000"}],"windowDays":"90",
         "contract":"BINANCE:ETHUSDT"}""")
                .post("/api/v1/proxy/beta")
                .then()
                .statusCode(200)
                .body("hedgePrice", decimal(last))
                .extract()
                .jsonPath();
        BigDecimal notional = new BigDecimal(response.getString("beta.hedgeNotionalUsd"));
        BigDecimal contracts = new BigDecimal(response.getString("contracts"));
        // notional is β × value at cents; contracts use the unrounded β: allow one step of 0.001 ETH.
        BigDecimal expected = notional.divide(new BigDecimal(last), 3, RoundingMode.HALF_UP);
        assertEquals(expected.doubleValue(), contracts.doubleValue(), 0.0011);
        // 90 calendar days of closes give 89 daily returns.
        assertEquals(89, response.getInt("beta.basket.observations"));
    }

    @Test
    void proxyBetaRejectsImpossibleInputs() {
        String path = "/api/v1/proxy/beta";
        rejectsAt(path, """
        {"hedgeAsset":"FOO","basket":[{"asset":"ETH","valueUsd":"1"}]}""", "hedgeAsset", "no stored price history");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"},{"asset":"NOPE","valueUsd":"1"}]}""", "basket[1].asset", "no stored price history for NOPE");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"AVAX","valueUsd":"1"}],"from":"2020-01-01","to":"2020-12-31"}""", "basket[0].asset", "longer than the stored history of AVAX, which starts on 2020-09-22");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"}],"from":"2024-01-01","to":"2024-01-02"}""", "basket", "share 2 dates with BTC");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"0"}]}""", "basket[0].valueUsd", "greater than zero");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[]}""", "basket", "at least one asset");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"}],"weighting":"MAGIC"}""", "weighting", "EQUAL, EWMA");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"}],"returnType":"CUBIC"}""", "returnType", "must be one of");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"}],"contract":"BYBIT:ETHUSD"}""", "contract", "not the hedge asset BTC");
        rejectsAt(path, """
        {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"1"}],"windowDays":"1"}""", "windowDays", "between 2 and");
    }
}
