package io.hedgedesk.web.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

/**
 * The public calculator API: every number checked against hand arithmetic written out here or an exchange's
 * published example, and every kind of bad input answered by a 400 that names the field. No login is used.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PerpetualApiTest {

    /** Decimals compared exactly, as BigDecimal (JSON numbers are plain decimals). */
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    /** The JSON number exactly as written, digits and scale: {@code decimal("25000.00")} does not match 25000. */
    static Matcher<Object> decimal(String expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && expected.equals(actual.toString());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the decimal " + expected);
            }
        };
    }

    static io.restassured.specification.RequestSpecification api() {
        return given().config(EXACT)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .redirects()
                .follow(false);
    }

    @Test
    void theClassicEthHedgeOnAnInverseContract() {
        // 50 ETH at 3,500 = 175,000 USD, hedged with 175,000 Bybit ETHUSD contracts of 1 USD, 2x; price falls to 3,000.
        api().body("""
                {"contract":"BYBIT:ETHUSD","side":"SHORT","size":"175000","entryPrice":"3500","leverage":"2",
                 "markPrice":"3000","fundingRate":"0.0001"}""")
                .post("/api/v1/perpetual/position")
                .then()
                .statusCode(200)
                .body("contract.type", equalTo("INVERSE"))
                .body("sizeUnit", equalTo("contracts"))
                // coin notional at the mark: 175,000 / 3,000 = 58.333333333… ETH
                .body("coinNotional.amount", decimal("58.33333333"))
                .body("coinNotional.asset", equalTo("ETH"))
                .body("usdNotional.amount", decimal("175000.00"))
                // short PnL: 175,000 × (1/3,000 − 1/3,500) = 58.3333… − 50 = 8.333333333… ETH; × 3,000 = 25,000 USD
                .body("unrealizedPnl.amount", decimal("8.33333333"))
                .body("unrealizedPnlUsd.amount", decimal("25000.00"))
                // initial margin: 175,000 / (3,500 × 2) = 25 ETH
                .body("initialMargin.amount", decimal("25.00000000"))
                // maintenance at the mark: 58.3333… × 1 % = 0.583333333… ETH
                .body("maintenanceMargin.amount", decimal("0.58333333"))
                // fees: taker 0.055 % × 50 ETH = 0.0275; maker 0.02 % × 50 = 0.01; closing taker 0.055 % × 58.3333… =
                // 0.0320833…
                .body("openTakerFee.amount", decimal("0.02750000"))
                .body("openMakerFee.amount", decimal("0.01000000"))
                .body("closeTakerFee.amount", decimal("0.03208333"))
                // Bybit's own convention first (value at LP): LP = Q·FV·(1 − MMR)/(Q·FV/E − Q·FV/(E·L))
                //   = 175,000 × 0.99 / (50 − 25) = 6,930; distance 6,930 − 3,000 = 3,930 = 131 % of the mark
                .body("liquidation[0].convention", equalTo("MAINTENANCE_ON_MARK_VALUE"))
                .body("liquidation[0].venueConvention", equalTo(true))
                .body("liquidation[0].price", decimal("6930.00"))
                .body("liquidation[0].distance", decimal("3930.00"))
                .body("liquidation[0].distancePercent", decimal("131.00"))
                // entry convention: E·L/(L − 1 + MMR·L) = 7,000 / 1.02 = 6,862.745…
                .body("liquidation[1].convention", equalTo("MAINTENANCE_ON_ENTRY_VALUE"))
                .body("liquidation[1].price", decimal("6862.75"))
                // bankruptcy of a 2x short: E·L/(L − 1) = 7,000
                .body("bankruptcyPrice", decimal("7000.00"))
                // funding at +0.01 %: 58.3333… ETH × 0.0001 = 0.00583333 ETH (17.50 USD) to the short; 0.01 % × 1,095 =
                // 10.95 %/yr
                .body("funding.perInterval.amount", decimal("0.00583333"))
                .body("funding.perIntervalUsd.amount", decimal("17.50"))
                .body("funding.annualizedPercent", decimal("10.95"))
                .body("funding.intervalHours", equalTo(8))
                .body("funding.explanation", containsString("your short receives funding"));
    }

    @Test
    void theClassicEthHedgeOnALinearContract() {
        // SELL 50 ETHUSDT at 3,500; at 3,000 the short earns 50 × (3,500 − 3,000) = 25,000 USDT.
        api().body("""
                {"contract":"BYBIT:ETHUSDT","side":"SHORT","size":50,"entryPrice":3500,"leverage":5,"markPrice":3000,
                 "fundingRate":"-0.0002"}""")
                .post("/api/v1/perpetual/position")
                .then()
                .statusCode(200)
                .body("sizeUnit", equalTo("ETH"))
                .body("unrealizedPnl.amount", decimal("25000.00000000"))
                .body("unrealizedPnl.asset", equalTo("USDT"))
                .body("unrealizedPnlUsd.amount", decimal("25000.00"))
                // 50 × 3,500 / 5 = 35,000 USDT
                .body("initialMargin.amount", decimal("35000.00000000"))
                .body("usdNotional.amount", decimal("150000.00"))
                .body("coinNotional.amount", decimal("50.00000000"))
                // funding at −0.02 %: 150,000 USDT × −0.0002 = −30 USDT: the short pays
                .body("funding.perInterval.amount", decimal("-30.00000000"))
                .body("funding.explanation", containsString("your short pays funding"));
    }

    @Test
    void bybitsLinearLiquidationExample() {
        // https://help.bybit.com/hc/en-us/articles/900000181046-Liquidation-Price-USDT-Contract- :
        // long 1 BTC at 10,000, 50x, MMR 0.5 %: 10,000 × (1 − 2 % + 0.5 %) = 9,850 (entry-value convention).
        // At the liquidation price (Bybit's current convention): 10,000 × 0.98 / 0.995 = 9,849.2462…
        api().body("""
                {"contract":"BYBIT:BTCUSDT","side":"LONG","size":"1","entryPrice":"10000","leverage":"50"}""")
                .post("/api/v1/perpetual/position")
                .then()
                .statusCode(200)
                .body("liquidation[0].price", decimal("9849.25"))
                .body("liquidation[1].price", decimal("9850.00"))
                // bankruptcy long: 10,000 × (1 − 1/50) = 9,800
                .body("bankruptcyPrice", decimal("9800.00"))
                .body("funding", nullValue());
    }

    @Test
    void harmonicAverageEntryFromBybitsExample() {
        // https://testnet.bytick.com/kk-KZ/help-center/article/Profit-Loss-calculations-Inverse-Contracts :
        // 1,000 BTCUSD at 5,000 plus 2,000 at 6,000 → 3,000 / (0.2 + 0.3333…) = 5,625.
        api().body("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","fills":[{"size":"1000","price":"5000"},{"size":"2000","price":"6000"}]}""")
                .post("/api/v1/perpetual/average-entry")
                .then()
                .statusCode(200)
                .body("totalSize", decimal("3000"))
                .body("averageEntry", decimal("5625.00"));
        // Linear: quantity-weighted, (1 × 100 + 3 × 200) / 4 = 175.
        api().body("""
                {"contract":"BYBIT:SOLUSDT","side":"SHORT","fills":[{"size":"1","price":"100"},{"size":"3","price":"200"}]}""")
                .post("/api/v1/perpetual/average-entry")
                .then()
                .statusCode(200)
                .body("averageEntry", decimal("175.00"));
    }

    @Test
    void realizedPnlOfAPartialCloseFromBybitsExample() {
        // https://help.bybit.com/hc/en-us/articles/360008915194-Perpetual-Contracts-Quotes : long 10,000 BTCUSD at
        // 8,000 closed at 12,500 → 1.25 − 0.8 = 0.45 BTC. Closing half: 0.225 BTC, taker fee
        // 5,000 / 12,500 × 0.055 % = 0.00022 BTC, net 0.22478 BTC; USD at 12,500: 2,812.50.
        api().body("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10000","entryPrice":"8000","leverage":"10",
                 "closeSize":"5000","closePrice":"12500"}""")
                .post("/api/v1/perpetual/close")
                .then()
                .statusCode(200)
                .body("realizedPnl.amount", decimal("0.22500000"))
                .body("realizedPnlUsd.amount", decimal("2812.50"))
                .body("fee.amount", decimal("0.00022000"))
                .body("netPnl.amount", decimal("0.22478000"))
                .body("remainingSize", decimal("5000"));
    }

    @Test
    void theCatalogIsPublic() {
        // 40 since the linear USDT perpetuals of every coin with an inverse contract joined (23 before)
        api().get("/api/v1/contracts").then().statusCode(200).body("$", hasSize(40));
        api().get("/api/v1/contracts/BINANCE:BTCUSD_PERP")
                .then()
                .statusCode(200)
                .body("contractSize", decimal("100"))
                .body("settlementAsset", equalTo("BTC"));
        api().get("/api/v1/contracts/NOPE:NOPE").then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void badInputIsA400ThatNamesTheField() {
        String valid = """
                "contract":"BYBIT:BTCUSD","side":"SHORT","entryPrice":"60000","leverage":"2\"""";
        rejects("{" + valid + "}", "size", "size is required");
        rejects("{" + valid + ",\"size\":\"ten\"}", "size", "size must be a number such as 1234.5, was \"ten\"");
        rejects("{" + valid + ",\"size\":\"1e9999\"}", "size", "must be a number such as 1234.5");
        rejects("{" + valid + ",\"size\":\"1,5\"}", "size", "was \"1,5\": did you mean 1.5?");
        rejects("{" + valid + ",\"size\":\"NaN\"}", "size", "must be a number such as 1234.5");
        rejects("{" + valid + ",\"size\":\"-5\"}", "size", "greater than zero");
        rejects("{" + valid + ",\"size\":\"12345678901234567\"}", "size", "too large");
        rejects("{" + valid + ",\"size\":\"0.0000000000000000001\"}", "size", "too many decimals (at most 18)");
        rejects("{" + valid + ",\"size\":[1]}", "size", "wrong type");
        rejects("{" + valid + ",\"size\":\"100\",\"owner\":\"mallory\"}", "owner", "unknown field");
        rejects("""
                {"contract":"BYBIT:BTCUSD","side":"SIDEWAYS","size":"1","entryPrice":"1","leverage":"1"}""", "side", "must be one of LONG, SHORT");
        rejects("""
                {"contract":"FTX:BTC-PERP","side":"LONG","size":"1","entryPrice":"1","leverage":"1"}""", "contract", "not in the contract catalog");
        rejects("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"1","entryPrice":"1","leverage":"101"}""", "leverage", "above the maximum 100x of BYBIT:BTCUSD");
        rejects("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"1","entryPrice":"1","leverage":"1","markPrice":"0"}""", "markPrice", "greater than zero");
        rejects("{\"contract\":", "", "not valid JSON");
        rejects("", "", "JSON body");
        rejects("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","size":"10","entryPrice":"100","leverage":"1",
                 "closeSize":"11","closePrice":"100"}""", "closeSize", "more than the position's size", "/close");
        rejects("""
                {"contract":"BYBIT:BTCUSD","side":"LONG","fills":[{"size":"1","price":"5000"},{"size":"x","price":"1"}]}""", "fills[1].size", "must be a number such as 1234.5", "/average-entry");
    }

    private static void rejects(String body, String field, String message) {
        rejects(body, field, message, "/position");
    }

    private static void rejects(String body, String field, String message, String endpoint) {
        rejectsAt("/api/v1/perpetual" + endpoint, body, field, message);
    }

    static void rejectsAt(String path, String body, String field, String message) {
        api().body(body)
                .post(path)
                .then()
                .statusCode(400)
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("message", containsString(message))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }
}
