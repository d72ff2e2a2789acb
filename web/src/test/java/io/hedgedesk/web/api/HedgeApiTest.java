package io.hedgedesk.web.api;

import static io.hedgedesk.web.api.PerpetualApiTest.api;
import static io.hedgedesk.web.api.PerpetualApiTest.decimal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** Hedge sizing and scenario tables through the public API, against hand arithmetic written out here. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HedgeApiTest {

    @Test
    void fiftyEthOnALinearContractIsSell50() {
        // 50 ETH × 3,500 = 175,000 USD → SELL 50 ETHUSDT; 5x → 35,000 USDT of fresh stablecoin margin.
        api().body("""
                {"contract":"BYBIT:ETHUSDT","coins":"50","spotPrice":"3500","leverage":"5","marginSource":"STABLECOIN"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("order", equalTo("SELL 50 ETHUSDT"))
                .body("notionalUsd", decimal("175000.00"))
                .body("margin.amount", decimal("35000.00000000"))
                .body("margin.asset", equalTo("USDT"))
                .body("exposureCoins", decimal("50.00000000"))
                .body("residualUsd", decimal("0.00"))
                .body("coveragePercent", decimal("100.00"))
                .body("marginExplained", containsString("fresh stablecoin capital"));
    }

    @Test
    void fiftyEthOnInverseContractsOfEachFaceValue() {
        // Bybit ETHUSD, 1 USD a contract: 175,000 / 1 = 175,000 contracts. Margin at 2x out of the bag:
        // 175,000 / (3,500 × 2) = 25 ETH, leaving 25 ETH in the wallet; the bag (spot + margin) is the 50 ETH exposure.
        api().body("""
                {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2","marginSource":"OUT_OF_BAG"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("order", equalTo("SELL 175000 ETHUSD"))
                .body("sizeUnit", equalTo("contracts"))
                .body("margin.amount", decimal("25.00000000"))
                .body("margin.asset", equalTo("ETH"))
                .body("spotCoinsAfter", decimal("25.00000000"))
                .body("exposureCoins", decimal("50.00000000"))
                .body("marginExplained", containsString("comes out of your ETH"));
        // Binance ETHUSD_PERP, 10 USD a contract: 17,500 contracts.
        api().body("""
                {"contract":"BINANCE:ETHUSD_PERP","coins":"50","spotPrice":"3500","leverage":"2"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("order", equalTo("SELL 17500 ETHUSD_PERP"));
    }

    @Test
    void extraCoinMarginIsExposureToo() {
        // Extra coin at 2x: with M = Q·FV/(E·L) and the exposure C + M = Q·FV/E, C = Q·FV/(2E), so
        // Q·FV = 2 × 50 × 3,500 = 350,000 contracts; the extra margin is 50 ETH and the exposure 100 ETH.
        api().body("""
                {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2","marginSource":"EXTRA_COIN"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("order", equalTo("SELL 350000 ETHUSD"))
                .body("extraCoins", decimal("50.00000000"))
                .body("exposureCoins", decimal("100.00000000"))
                .body("exposureUsd", decimal("350000.00"))
                .body("marginExplained", containsString("That coin is long exposure too"));
    }

    @Test
    void wholeContractsLeaveAResidual() {
        // 1.23456789 ETH × 3,500 = 4,320.987615 USD → 4,321 contracts (nearest); hedged 4,321 / 3,500 =
        // 1.234571428… ETH, residual 1.23456789 − 1.23457142857 = −0.0000035386 ETH (over-hedged), −0.012385 USD.
        api().body("""
                {"contract":"BYBIT:ETHUSD","coins":"1.23456789","spotPrice":"3500","leverage":"2"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("orderSize", decimal("4321"))
                .body("residualCoins", decimal("-0.00000354"))
                .body("residualUsd", decimal("-0.01"));
    }

    @Test
    void halfCoverage() {
        // Target 0.5 of 50 ETH on the linear contract: SELL 25 ETHUSDT.
        api().body("""
                {"contract":"BYBIT:ETHUSDT","coins":"50","spotPrice":"3500","leverage":"5","marginSource":"STABLECOIN",
                 "targetCoverage":"0.5"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("order", equalTo("SELL 25 ETHUSDT"))
                .body("coveragePercent", decimal("50.00"))
                .body("residualUsd", decimal("87500.00"));
    }

    @Test
    void theSyntheticDollarUnderStress() {
        // SELL 175,000 ETHUSD at 3,500, 2x, margin out of the bag, no funding.
        //  −50 %: spot 50 × (1,750 − 3,500) = −87,500; hedge 175,000 × (1/1,750 − 1/3,500) = 50 ETH × 1,750 = +87,500.
        //         fees: open 0.055 % × 50 ETH = 0.0275, close 0.055 % × 100 ETH = 0.055 → 0.0825 ETH × 1,750 = 144.375.
        //  +100 %: spot +175,000. Liquidated: 7,000 is past the LP of 6,930; the hedge loses its margin, 25 ETH, and no
        //         more: −25 ETH × 7,000 = −175,000 (the open position would lose as much here: 7,000 is its bankruptcy
        //         price). Fees: only the fee to open, 0.0275 ETH × 7,000 = 192.50; net −192.50. From 6,930 to 7,000
        //         the 25 ETH left move unhedged: 25 × 70 = +1,750.
        api().body("""
                {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2","shocks":["-0.5","1"]}""")
                .post("/api/v1/hedge/scenarios")
                .then()
                .statusCode(200)
                .body("hedge.order", equalTo("SELL 175000 ETHUSD"))
                .body("scenarios.liquidationPrice", decimal("6930.00"))
                .body("scenarios.rows", hasSize(2))
                .body("scenarios.rows[0].shockPercent", decimal("-50.00"))
                .body("scenarios.rows[0].spotPnlUsd", decimal("-87500.00"))
                .body("scenarios.rows[0].hedgePnl", decimal("50.00000000"))
                .body("scenarios.rows[0].hedgePnlUsd", decimal("87500.00"))
                .body("scenarios.rows[0].fees", decimal("0.08250000"))
                .body("scenarios.rows[0].netPnlUsd", decimal("-144.38"))
                .body("scenarios.rows[0].liquidated", equalTo(false))
                .body("scenarios.rows[1].spotPnlUsd", decimal("175000.00"))
                .body("scenarios.rows[1].hedgePnlUsd", decimal("-175000.00"))
                .body("scenarios.rows[1].fees", decimal("0.02750000"))
                .body("scenarios.rows[1].netPnlUsd", decimal("-192.50"))
                .body("scenarios.rows[1].marginBalanceUsd", decimal("0.00"))
                .body("scenarios.rows[1].liquidated", equalTo(true))
                .body("scenarios.rows[1].liquidatedAtPrice", decimal("6930.00"))
                .body("scenarios.rows[1].unhedgedPnlUsd", decimal("1750.00"))
                .body(
                        "scenarios.rows[1].liquidation",
                        equalTo("Liquidated at 6,930.00: the 25 ETH margin is"
                                + " lost, and no more; the rest of the move, to 7,000.00, is unhedged (+1,750.00 USD)"))
                .body("scenarios.rows[0].liquidation", equalTo(""));
    }

    @Test
    void aLiquidatedLinearShortLosesItsMarginAndNoMore() {
        // 30 ETH at 3,000 hedged with SELL 30 ETHUSDT at 2x, USDT margin: notional 90,000, margin 45,000. ETH +100 %
        // → 6,000. LP (mark value, MMR 0.5 %) = 3,000 × 1.5 / 1.005 = 4,477.61. Open, the short would lose 90,000;
        // liquidated it loses the 45,000 margin, no funding accrues, the fee is the one to open, 90,000 × 0.055 %
        // = 49.50. Spot +90,000 → net 90,000 − 45,000 − 49.50 = 44,950.50. Unhedged from 4,477.61 to 6,000:
        // 30 × (6,000 − 4,500/1.005) = 30 × 1,522.388 = 45,671.64.
        api().body("""
                {"contract":"BYBIT:ETHUSDT","coins":"30","spotPrice":"3000","leverage":"2","marginSource":"STABLECOIN",
                 "fundingRateSum":"0.01","shocks":["1"]}""")
                .post("/api/v1/hedge/scenarios")
                .then()
                .statusCode(200)
                .body("hedge.order", equalTo("SELL 30 ETHUSDT"))
                .body("scenarios.rows[0].hedgePnl", decimal("-45000.00000000"))
                .body("scenarios.rows[0].hedgePnlUsd", decimal("-45000.00"))
                .body("scenarios.rows[0].fundingUsd", decimal("0.00"))
                .body("scenarios.rows[0].feesUsd", decimal("49.50"))
                .body("scenarios.rows[0].netPnlUsd", decimal("44950.50"))
                .body("scenarios.rows[0].marginBalanceUsd", decimal("0.00"))
                .body("scenarios.rows[0].liquidated", equalTo(true))
                .body("scenarios.rows[0].liquidatedAtPrice", decimal("4477.61"))
                .body("scenarios.rows[0].unhedgedPnlUsd", decimal("45671.64"));
    }

    @Test
    void theDefaultGridHasTenRowsAndFundingHasTheHedgersSign() {
        // Funding rates summing to +0.3 % over the horizon: the short receives 0.3 % of the position value.
        // At 0 % shock the value is 175,000 / 3,500 = 50 ETH → +0.15 ETH (525 USD).
        api().body("""
                {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2","fundingRateSum":"0.003"}""")
                .post("/api/v1/hedge/scenarios")
                .then()
                .statusCode(200)
                .body("scenarios.rows", hasSize(10))
                .body("scenarios.rows[5].shockPercent", decimal("0.00"))
                .body("scenarios.rows[5].funding", decimal("0.15000000"))
                .body("scenarios.rows[5].fundingUsd", decimal("525.00"));
    }

    @Test
    void coverageDriftsWhenPartOfTheBagIsSoldAndTheResizeRestoresIt() {
        // Short 175,000 ETHUSD at 3,500 (delta 175,000 / 3,500 = 50 ETH). The holder sold 10 of the 25 ETH left in the
        // wallet: 15 spot + 25 margin = 40 ETH. Coverage 50 / 40 = 125 %, drift +25 %.
        // At a mark of 3,000 the buy-back for target 1 is (D − H)·F = (50 − 40) × 3,000 = 30,000 contracts; it realizes
        // 30,000 × (1/3,000 − 1/3,500) = 1.4285714 ETH, so H = 41.4285714 and D = 145,000 / 3,500 = 41.4285714: 100 %.
        api().body("""
                {"contract":"BYBIT:ETHUSD","spotCoins":"15","accountCoins":"25","size":"175000","entryPrice":"3500",
                 "spotPrice":"3000","markPrice":"3000"}""")
                .post("/api/v1/hedge/coverage")
                .then()
                .statusCode(200)
                .body("holdingsCoins", decimal("40.00000000"))
                .body("hedgeDeltaCoins", decimal("-50.00000000"))
                .body("coveragePercent", decimal("125.00"))
                .body("driftPercent", decimal("25.00"))
                .body("resize", equalTo("BUY 30000 ETHUSD"))
                .body("coverageAfterResizePercent", decimal("100.00"));
        // Linear: short 50 ETHUSDT against 40 ETH, spot = mark = 3,000: 50 / 40 = 125 %; BUY back 10.
        api().body("""
                {"contract":"BYBIT:ETHUSDT","spotCoins":"40","size":"50","entryPrice":"3500","spotPrice":"3000"}""")
                .post("/api/v1/hedge/coverage")
                .then()
                .statusCode(200)
                .body("coveragePercent", decimal("125.00"))
                .body("resize", equalTo("BUY 10 ETHUSDT"))
                .body("coverageAfterResizePercent", decimal("100.00"));
        // Half coverage wanted, 50 ETH hedged against 40: SELL is wrong, BUY back to 20 ETH → BUY 30.
        api().body("""
                {"contract":"BYBIT:ETHUSDT","spotCoins":"40","size":"50","entryPrice":"3500","spotPrice":"3000",
                 "targetCoverage":"0.5"}""")
                .post("/api/v1/hedge/coverage")
                .then()
                .statusCode(200)
                .body("targetPercent", decimal("50.00"))
                .body("driftPercent", decimal("75.00"))
                .body("resize", equalTo("BUY 30 ETHUSDT"));
    }

    @Test
    void aBasketHedgedByProxyMovesByBeta() {
        // 100,000 USD basket, β 1.2, hedged with SELL 2 BYBIT:BTCUSDT at 60,000 (120,000 USD = β × value), 5x.
        // BTC −20 % → 48,000: basket 100,000 × (0.8^1.2 − 1); 0.8^1.2 = 0.262144^(1/5) = 0.7650820 (0.765082^5 =
        // 0.262144), so −23,491.80; hedge 2 × (60,000 − 48,000) = +24,000; fees 0.055 % × (120,000 + 96,000) = 66
        // + 52.80 = 118.80; net 389.40. Residual band ± 2 × 0.05 × 100,000 = ± 10,000: low −9,610.60, high 10,389.40.
        api().body("""
                {"contract":"BYBIT:BTCUSDT","size":"2","entryPrice":"60000","leverage":"5","basketValueUsd":"100000",
                 "beta":"1.2","residualVolatility":"0.05","bandWidth":"2","shocks":["-0.2"]}""")
                .post("/api/v1/hedge/proxy-scenarios")
                .then()
                .statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].basketPnlUsd", decimal("-23491.80"))
                .body("rows[0].spotPnlUsd", decimal("0.00"))
                .body("rows[0].hedgePnlUsd", decimal("24000.00"))
                .body("rows[0].feesUsd", decimal("118.80"))
                .body("rows[0].netPnlUsd", decimal("389.40"))
                .body("rows[0].netLowUsd", decimal("-9610.60"))
                .body("rows[0].netHighUsd", decimal("10389.40"))
                .body("rows[0].liquidated", equalTo(false));
        // The reported tail: 91,108 USD at β 1.6 with BTC −80 %. β × shock would lose 116,618.24, more than the basket
        // is worth; (1 − 0.8)^1.6 − 1 = 0.2^1.6 − 1 = 0.0761462 − 1 (0.0761462^5 = 2.56e-6 = 0.2^8) = −0.9238538:
        // 91,108 × −0.9238538 = −84,170.48.
        api().body("""
                {"contract":"BYBIT:BTCUSDT","size":"2","entryPrice":"60000","leverage":"5","basketValueUsd":"91108",
                 "beta":"1.6","shocks":["-0.8"]}""")
                .post("/api/v1/hedge/proxy-scenarios")
                .then()
                .statusCode(200)
                .body("rows[0].basketPnlUsd", decimal("-84170.48"));
        PerpetualApiTest.rejectsAt(
                "/api/v1/hedge/proxy-scenarios", """
                {"contract":"BYBIT:BTCUSDT","size":"2","entryPrice":"60000","leverage":"5","basketValueUsd":"100000",
                 "beta":"eleven"}""", "beta", "beta must be a number such as 1234.5");
    }

    @Test
    void impossibleHedgesAreRefusedWithAReason() {
        PerpetualApiTest.rejectsAt(
                "/api/v1/hedge/size", """
                {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"2","marginSource":"STABLECOIN"}""", "", "marginSource STABLECOIN is impossible on BYBIT:ETHUSD");
        PerpetualApiTest.rejectsAt("/api/v1/hedge/size", """
                {"contract":"BYBIT:ETHUSD","coins":"50","spotPrice":"3500","leverage":"51"}""", "leverage", "above the maximum 50x");
        PerpetualApiTest.rejectsAt("/api/v1/hedge/size", """
                {"contract":"BYBIT:ETHUSD","coins":"0","spotPrice":"3500","leverage":"2"}""", "coins", "greater than zero");
        PerpetualApiTest.rejectsAt("/api/v1/hedge/size", """
                {"contract":"BYBIT:ETHUSD","coins":"1","spotPrice":"3500","leverage":"2","targetCoverage":"3"}""", "", "targetCoverage must lie in (0, 2]");
        PerpetualApiTest.rejectsAt("/api/v1/hedge/coverage", """
                {"contract":"BYBIT:ETHUSDT","spotCoins":"-1","size":"50","entryPrice":"3500","spotPrice":"3000"}""", "spotCoins", "must not be negative");
        PerpetualApiTest.rejectsAt("/api/v1/hedge/scenarios", """
                {"contract":"BYBIT:ETHUSD","coins":"1","spotPrice":"3500","leverage":"2","shocks":["-1"]}""", "shocks[0]", "must be above −1");
    }
}
