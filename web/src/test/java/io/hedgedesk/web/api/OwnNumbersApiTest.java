package io.hedgedesk.web.api;

import static io.hedgedesk.web.api.PerpetualApiTest.api;
import static io.hedgedesk.web.api.PerpetualApiTest.decimal;
import static io.hedgedesk.web.api.PerpetualApiTest.rejectsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The API with the trader's own numbers: fee levels and rates, a contract of one's own, the exchanges' calculator
 * figures (ROE, target price, order cost, largest position) and the minimum-variance hedge of Hull's example.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OwnNumbersApiTest {

    private static final String POSITION = "/api/v1/perpetual/position";
    private static final String MINIMUM_VARIANCE = "/api/v1/hedge/minimum-variance";
    private static final String ETH_HEDGE = """
            "contract":"BYBIT:ETHUSD","side":"SHORT","size":"175000","entryPrice":"3500","leverage":"2\"""";

    @Test
    void aFeeLevelAndAMakerRebate() {
        // Bybit VIP 2: taker 0.0375 %, maker 0.016 %. The short is worth 175,000 / 3,500 = 50 ETH at entry:
        // taker 50 × 0.000375 = 0.01875 ETH, maker 50 × 0.00016 = 0.008 ETH.
        api().body("{" + ETH_HEDGE + ",\"feeTier\":\"VIP 2\"}")
                .post(POSITION)
                .then()
                .statusCode(200)
                .body("contract.takerFeeRate", decimal("0.000375"))
                .body("openTakerFee.amount", decimal("0.01875000"))
                .body("openMakerFee.amount", decimal("0.00800000"));
        // a rebate of 0.01 % on top of the level's taker rate: 50 × −0.0001 = −0.005 ETH (paid to the trader)
        api().body("{" + ETH_HEDGE + ",\"feeTier\":\"vip2\",\"makerFeeRate\":\"-0.0001\"}")
                .post(POSITION)
                .then()
                .statusCode(200)
                .body("contract.makerFeeRate", decimal("-0.0001"))
                .body("openMakerFee.amount", decimal("-0.00500000"))
                .body("openTakerFee.amount", decimal("0.01875000"));
    }

    @Test
    void badFeesNameTheirField() {
        rejectsAt(
                POSITION,
                "{" + ETH_HEDGE + ",\"feeTier\":\"VIP 42\"}",
                "feeTier",
                "feeTier must be one of VIP 0, VIP 1, VIP 2, VIP 3, VIP 4, VIP 5, Supreme VIP for BYBIT:ETHUSD");
        rejectsAt(POSITION, """
                {"contract":"BINANCE:BTCUSD_PERP","side":"SHORT","size":"10","entryPrice":"60000","leverage":"2",
                 "feeTier":"VIP 1"}""", "feeTier", "BINANCE:BTCUSD_PERP has no published fee levels");
        rejectsAt(POSITION, "{" + ETH_HEDGE + ",\"makerFeeRate\":\"0.5\"}", "makerFeeRate", "between -0.01 and 0.01");
        rejectsAt(POSITION, "{" + ETH_HEDGE + ",\"takerFeeRate\":\"-0.0001\"}", "takerFeeRate", "must not be negative");
        rejectsAt(
                POSITION,
                "{" + ETH_HEDGE + ",\"takerFeeRate\":\"1e-4\"}",
                "takerFeeRate",
                "takerFeeRate must be a number such as 1234.5, was \"1e-4\": did you mean 0.0001?");
    }

    @Test
    void closingAndAveragingTakeTheSameNumbers() {
        // Close 5,000 of 10,000 BTCUSD bought at 8,000, at 12,500, as a maker with a 0.025 % rebate (Bybit's older
        // maker rate): fee = 5,000 / 12,500 × −0.00025 = −0.0001 BTC; PnL 5,000 × (1/8,000 − 1/12,500) = 0.225 BTC.
        api().body("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10000","entryPrice":"8000","leverage":"10",
                 "closeSize":"5000","closePrice":"12500","liquidity":"MAKER","makerFeeRate":"-0.00025"}""")
                .post("/api/v1/perpetual/close")
                .then()
                .statusCode(200)
                .body("fee.amount", decimal("-0.00010000"))
                .body("netPnl.amount", decimal("0.22510000"));
        // a VIP 4 taker on Bybit: 5,000 / 12,500 × 0.00032 = 0.000128 BTC
        api().body("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10000","entryPrice":"8000","leverage":"10",
                 "closeSize":"5000","closePrice":"12500","feeTier":"VIP 4"}""")
                .post("/api/v1/perpetual/close")
                .then()
                .statusCode(200)
                .body("fee.amount", decimal("0.00012800"));
        // fills of a linear contract of one's own: (1 × 20 + 3 × 24) / 4 = 23
        api().body("""
                {"side":"LONG","fills":[{"size":"1","price":"20"},{"size":"3","price":"24"}],
                 "customContract":{"type":"LINEAR","baseAsset":"HYPE","contractSize":"1","maintenanceMarginRate":"0.01"}}""")
                .post("/api/v1/perpetual/average-entry")
                .then()
                .statusCode(200)
                .body("contract", equalTo("CUSTOM:HYPEUSDT"))
                .body("averageEntry", decimal("23.00"));
        rejectsAt("/api/v1/perpetual/close", """
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10","entryPrice":"8000","closeSize":"5",
                 "closePrice":"9000","feeTier":"VIP 9"}""", "feeTier", "must be one of");
    }

    @Test
    void aLinearContractOfOnesOwn() {
        // Long 100 HYPE at 20 USDT, 10x, MMR 1 %, no deduction, taker 0.05 %: value 2,000, IM 200 USDT.
        // Value-at-LP convention: 200 + 100 × (LP − 20) = 100 × LP × 0.01 → 99 LP = 1,800 → LP = 18.1818… → 18.18.
        // Entry-value convention: 20 × (1 − 1/10 + 0.01) = 18.20. Opening taker fee 2,000 × 0.0005 = 1 USDT.
        api().body("""
                {"side":"LONG","size":"100","entryPrice":"20","leverage":"10","takerFeeRate":"0.0005",
                 "customContract":{"type":"LINEAR","baseAsset":"HYPE","contractSize":"1","maintenanceMarginRate":"0.01"}}""")
                .post(POSITION)
                .then()
                .statusCode(200)
                .body("contract.id", equalTo("CUSTOM:HYPEUSDT"))
                .body("contract.settlementAsset", equalTo("USDT"))
                .body("initialMargin.amount", decimal("200.00000000"))
                .body("openTakerFee.amount", decimal("1.00000000"))
                .body("openMakerFee.amount", closeTo(BigDecimal.ZERO, BigDecimal.ZERO))
                .body("liquidation[0].convention", equalTo("MAINTENANCE_ON_MARK_VALUE"))
                .body("liquidation[0].price", decimal("18.18"))
                .body("liquidation[1].price", decimal("18.20"));
    }

    @Test
    void anInverseContractOfOnesOwnWithTiers() {
        // 1,000 contracts of 100 USD at 50,000 = 2 BTC: past tier 1 (up to 1 BTC), so MMR 1 % less 0.005 BTC:
        // MM at the mark = 2 × 0.01 − 0.005 = 0.015 BTC; tier 2 allows 50x at most.
        String custom = """
                "customContract":{"type":"INVERSE","baseAsset":"BTC","contractSize":"100","tickSize":"0.5",
                 "maintenanceTiers":[{"upTo":"1","maintenanceMarginRate":"0.005","maxLeverage":"100"},
                                     {"maintenanceMarginRate":"0.01","maxLeverage":"50","maintenanceAmount":"0.005"}]}""";
        api().body("{\"side\":\"SHORT\",\"size\":\"1000\",\"entryPrice\":\"50000\",\"leverage\":\"10\"," + custom + "}")
                .post(POSITION)
                .then()
                .statusCode(200)
                .body("contract.settlementAsset", equalTo("BTC"))
                .body("coinNotional.amount", decimal("2.00000000"))
                .body("maintenanceMargin.amount", decimal("0.01500000"));
        rejectsAt(
                POSITION,
                "{\"side\":\"SHORT\",\"size\":\"1000\",\"entryPrice\":\"50000\",\"leverage\":\"60\"," + custom + "}",
                "leverage",
                "exceeds the maximum 50");
    }

    @Test
    void aBadContractOfOnesOwnNamesTheField() {
        rejectsAt(
                POSITION,
                "{" + LONG_HYPE + ",\"contract\":\"BYBIT:BTCUSDT\",\"customContract\":{\"type\":\"LINEAR\"}}",
                "contract",
                "either contract");
        rejectsCustom("\"baseAsset\":\"X\"", "customContract.type", "customContract.type is required");
        rejectsCustom(
                "\"type\":\"INVERSE\",\"baseAsset\":\"BTC\",\"settlementAsset\":\"USDT\",\"contractSize\":\"1\","
                        + "\"maintenanceMarginRate\":\"0.01\"",
                "customContract.settlementAsset",
                "settles in its base asset BTC");
        String linear = "\"type\":\"LINEAR\",\"baseAsset\":\"X\",\"contractSize\":\"1\",";
        rejectsCustom(
                "\"type\":\"LINEAR\",\"baseAsset\":\"x y\",\"contractSize\":\"1\",\"maintenanceMarginRate\":\"0.01\"",
                "customContract.baseAsset",
                "asset symbol");
        rejectsCustom(
                linear + "\"maintenanceMarginRate\":\"1.5\"",
                "customContract.maintenanceMarginRate",
                "must be in (0, 1)");
        rejectsCustom(
                "\"type\":\"LINEAR\",\"baseAsset\":\"X\",\"contractSize\":\"0\",\"maintenanceMarginRate\":\"0.01\"",
                "customContract.contractSize",
                "greater than zero");
        rejectsCustom(
                linear
                        + "\"maintenanceMarginRate\":\"0.01\",\"maintenanceTiers\":[{\"maintenanceMarginRate\":\"0.01\"}]",
                "customContract.maintenanceMarginRate",
                "not both");
        rejectsCustom(
                linear + "\"maintenanceTiers\":[{\"upTo\":\"100\",\"maintenanceMarginRate\":\"0.01\"},"
                        + "{\"upTo\":\"200\",\"maintenanceMarginRate\":\"0.02\"}]",
                "customContract.maintenanceTiers[1].upTo",
                "the last tier is unbounded");
        rejectsCustom(
                linear + "\"maintenanceTiers\":[{\"upTo\":\"100\",\"maintenanceMarginRate\":\"0.01\"},"
                        + "{\"upTo\":\"50\",\"maintenanceMarginRate\":\"0.02\"},{\"maintenanceMarginRate\":\"0.03\"}]",
                "customContract.maintenanceTiers",
                "must ascend");
        rejectsCustom(
                linear + "\"maintenanceMarginRate\":\"0.01\",\"fundingIntervalHours\":\"25\"",
                "customContract.fundingIntervalHours",
                "between 0 and 24");
        rejectsCustom(linear + "\"maintenanceMarginRate\":\"0.01\",\"owner\":\"me\"", "owner", "unknown field");
    }

    private static final String LONG_HYPE = "\"side\":\"LONG\",\"size\":\"1\",\"entryPrice\":\"20\",\"leverage\":\"2\"";

    private static void rejectsCustom(String customFields, String field, String message) {
        rejectsAt(POSITION, "{" + LONG_HYPE + ",\"customContract\":{" + customFields + "}}", field, message);
    }

    @Test
    void whatTheExchangesCalculatorsShow() {
        // Bybit's order-cost example (Help Center 900000169703): long 1 BTC at 50,000, 10x, taker 0.06 %:
        // 5,000 + 30 + 27 = 5,057 USDT, and 5,057 USDT opens exactly 1 BTC. At a mark of 55,000 the ROE is
        // 5,000 / 5,000 = 100 %; the exit price of a 50 % ROE is 50,000 × (1 + 0.5 / 10) = 52,500 (Binance's rule).
        JsonPath answer = api().body("""
                {"contract":"BYBIT:BTCUSDT","side":"LONG","size":"1","entryPrice":"50000","leverage":"10",
                 "markPrice":"55000","takerFeeRate":"0.0006","targetRoePercent":"50","balance":"5057"}""")
                .post(POSITION)
                .then()
                .statusCode(200)
                .body("roePercent", decimal("100.00"))
                .body("orderCost.amount", decimal("5057.00000000"))
                .body("target.roePercent", decimal("50"))
                .body("target.price", decimal("52500.00"))
                .body("maxPosition.size", decimal("1"))
                .body("maxPosition.sizeUnit", equalTo("BTC"))
                .body("maxPosition.orderCost.amount", decimal("5057.00000000"))
                .extract()
                .jsonPath();
        assertThat(answer.getString("maxPosition.balance.asset")).isEqualTo("USDT");
        // a 10x short cannot earn 1,000 %: no price
        api().body("""
                {"contract":"BYBIT:BTCUSDT","side":"SHORT","size":"1","entryPrice":"50000","leverage":"10",
                 "targetRoePercent":"1000"}""").post(POSITION).then().statusCode(200).body("target.price", nullValue());
        rejectsAt(POSITION, "{" + ETH_HEDGE + ",\"balance\":\"-1\"}", "balance", "must not be negative");
        rejectsAt(
                POSITION,
                "{" + ETH_HEDGE + ",\"targetRoePercent\":\"fifty\"}",
                "targetRoePercent",
                "targetRoePercent must be a number such as 1234.5, was \"fifty\"");
    }

    @Test
    void hullsCrossHedgeFromItsTable() {
        // Hull, Example 3.3 / Table 3.2: σ_F = 0.0313, σ_S = 0.0263, ρ = 0.928 (printed), h* ≈ 0.78;
        // N* = 0.7777 × 2,000,000 / 42,000 = 37.03 → 37 contracts (the book: 0.78 × … = 37.14 → 37).
        JsonPath answer = api().body("""
                {"spotChanges":["0.029","0.020","-0.044","0.008","0.026","-0.019","-0.010","-0.007","0.043","0.011",
                                "-0.036","-0.018","0.009","-0.032","0.023"],
                 "futuresChanges":["0.021","0.035","-0.046","0.001","0.044","-0.029","-0.026","-0.029","0.048",
                                   "-0.006","-0.036","-0.011","0.019","-0.027","0.029"],
                 "exposure":"2000000","contractSize":"42000"}""")
                .post(MINIMUM_VARIANCE)
                .then()
                .statusCode(200)
                .body("observations", equalTo(15))
                .body("contracts", decimal("37"))
                .extract()
                .jsonPath();
        assertThat(round(answer.getDouble("futuresVolatility"), 4)).isEqualByComparingTo("0.0313");
        assertThat(round(answer.getDouble("spotVolatility"), 4)).isEqualByComparingTo("0.0263");
        assertThat(round(answer.getDouble("correlation"), 3)).isEqualByComparingTo("0.928");
        assertThat(round(answer.getDouble("hedgeRatio"), 2)).isEqualByComparingTo("0.78");
        // full precision: h* = Cov/σ_F² = 0.000763971428571 / 0.000982409523810 = 0.777654…
        assertThat(answer.getDouble("hedgeRatio"))
                .isCloseTo(0.000763971428571 / 0.000982409523810, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void hullsCrossHedgeFromRhoAndTheTwoSigmas() {
        // h* = 0.928 × 0.0263 / 0.0313 = 0.779757…; N* = 0.779757 × 2,000,000 / 42,000 = 37.1313 → 37
        api().body("""
                {"correlation":"0.928","spotVolatility":"0.0263","futuresVolatility":"0.0313",
                 "exposure":"2000000","contractSize":"42000"}""")
                .post(MINIMUM_VARIANCE)
                .then()
                .statusCode(200)
                .body("hedgeRatio", closeTo(new BigDecimal("0.7797571884984025"), new BigDecimal("1e-15")))
                .body("hedgeEffectiveness", closeTo(new BigDecimal("0.861184"), new BigDecimal("1e-15")))
                .body("optimalContracts", closeTo(new BigDecimal("37.1313"), new BigDecimal("0.0001")))
                .body("contracts", decimal("37"))
                .body("observations", nullValue());
        // a catalog contract as the unit: BYBIT:BTCUSD is 1 USD a contract, so N* = 1 × 100,000 USD / 1
        api().body("""
                {"correlation":"1","spotVolatility":"0.02","futuresVolatility":"0.02","exposure":"100000",
                 "contract":"BYBIT:BTCUSD"}""").post(MINIMUM_VARIANCE).then().statusCode(200).body("contracts", decimal("100000"));
    }

    @Test
    void badMinimumVarianceInputNamesTheField() {
        rejectsAt(MINIMUM_VARIANCE, """
                {"correlation":"1.5","spotVolatility":"0.02","futuresVolatility":"0.03"}""", "correlation", "between -1 and 1");
        rejectsAt(MINIMUM_VARIANCE, """
                {"correlation":"0.5","spotVolatility":"0.02","futuresVolatility":"0"}""", "futuresVolatility", "greater than zero");
        rejectsAt(MINIMUM_VARIANCE, """
                {"spotChanges":["1","2"],"futuresChanges":["1","3"],"correlation":"0.5"}""", "spotChanges", "not both");
        rejectsAt(MINIMUM_VARIANCE, """
                {"spotChanges":["1"],"futuresChanges":["1"]}""", "spotChanges", "at least 2");
        rejectsAt(MINIMUM_VARIANCE, """
                {"spotChanges":["1","2","3"],"futuresChanges":["1","2"]}""", "futuresChanges", "pair with");
        rejectsAt(MINIMUM_VARIANCE, """
                {"spotChanges":["1","2","3"],"futuresChanges":["1","1","1"]}""", "spotChanges", "zero variance");
        rejectsAt(MINIMUM_VARIANCE, """
                {"spotChanges":["1","x"],"futuresChanges":["1","2"]}""", "spotChanges[1]", "must be a number such as 1234.5");
        rejectsAt(MINIMUM_VARIANCE, """
                {"correlation":"0.5","spotVolatility":"0.02","futuresVolatility":"0.03","exposure":"10"}""", "contractSize", "required");
        rejectsAt(MINIMUM_VARIANCE, """
                {"correlation":"0.5","spotVolatility":"0.02","futuresVolatility":"0.03","contractSize":"10"}""", "exposure", "required");
        rejectsAt(MINIMUM_VARIANCE, "{}", "correlation", "correlation is required");
    }

    @Test
    void betaCorrelationAndRSquaredAreNotRounded() {
        JsonPath answer = api().body("""
                {"hedgeAsset":"BTC","basket":[{"asset":"ETH","valueUsd":"6000"},{"asset":"SOL","valueUsd":"4000"}],
                 "from":"2024-01-01","to":"2024-12-31"}""")
                .post("/api/v1/proxy/beta")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String field : new String[] {
            "beta.seriesBeta", "beta.basket.correlation", "beta.basket.rSquared", "beta.components[0].statistics.beta"
        }) {
            BigDecimal value = new BigDecimal(answer.getString(field));
            assertThat(value.scale()).as(field + " = " + value).isGreaterThan(4);
        }
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_UP);
    }
}
