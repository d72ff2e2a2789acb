package io.hedgedesk.web.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The public calculator page, used as a visitor would: no login, no JavaScript. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalculatorPageTest {

    @TestHTTPResource("/calculator")
    URL calculator;

    @Test
    void opensWithTheEthHedgeExampleWorkedOut() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage page = browser.getPage(calculator);
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            // Same hand arithmetic as PerpetualApiTest: short 175,000 ETHUSD at 3,500, 2x, mark 3,000.
            assertThat(page.getElementById("pnlUsd").asNormalizedText()).isEqualTo("25,000.00 USD");
            assertThat(page.getElementById("initialMargin").asNormalizedText()).isEqualTo("25 ETH");
            assertThat(page.asNormalizedText())
                    .contains("6,930.00") // Bybit's own (value at LP) convention
                    .contains("6,862.75") // entry-value convention
                    .contains("your short receives funding")
                    .contains("synthetic dollar");
        }
    }

    @Test
    void aVisitorCalculatesALinearLongAndFixesATypo() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlForm form = longPosition(browser, "BYBIT:BTCUSDT", "1", "10.000,00", "50");
            HtmlPage rejected = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();

            assertThat(rejected.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(rejected.querySelector("#entryPrice + .field-error").asNormalizedText())
                    .contains("Entry price must be a number such as 1234.5, was \"10.000,00\": did you mean 10000.00?");
            assertThat(rejected.<org.htmlunit.html.HtmlInput>querySelector("#entryPrice")
                            .getValue())
                    .isEqualTo("10.000,00");
            assertThat(rejected.getElementById("result")).isNull();

            HtmlForm again = rejected.getForms().stream()
                    .filter(f -> "get".equals(f.getMethodAttribute()))
                    .findFirst()
                    .orElseThrow();
            again.getInputByName("entryPrice").setValue("10000");
            HtmlPage result = again.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            // https://help.bybit.com/hc/en-us/articles/900000181046 : 10,000 × (1 − 2 % + 0.5 %) = 9,850 (entry value)
            assertThat(result.asNormalizedText()).contains("9,850.00").contains("9,849.25");
            assertThat(result.getElementById("initialMargin").asNormalizedText())
                    .isEqualTo("200 USDT");
        }
    }

    private static HtmlForm calculatorForm(HtmlPage page) {
        return page.getForms().stream()
                .filter(f -> "get".equals(f.getMethodAttribute()))
                .findFirst()
                .orElseThrow();
    }

    /** The page's form filled in for a long, mark and funding left blank. */
    private HtmlForm longPosition(WebClient browser, String contract, String size, String entry, String leverage)
            throws Exception {
        HtmlForm form = calculatorForm(browser.getPage(calculator));
        form.getSelectByName("contract").setSelectedAttribute(contract, true);
        form.getInputByValue("LONG").setChecked(true);
        form.getInputByName("size").setValue(size);
        form.getInputByName("entryPrice").setValue(entry);
        form.getInputByName("leverage").setValue(leverage);
        form.getInputByName("markPrice").setValue("");
        form.getInputByName("fundingRate").setValue("");
        return form;
    }

    @Test
    void aTraderWithAVipLevelAsksWhatTheExchangesCalculatorsGive() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlForm form = longPosition(browser, "BYBIT:BTCUSDT", "1", "50000", "10");
            form.getInputByName("markPrice").setValue("55000");
            form.getInputByName("feeTier").setValue("VIP 1");
            form.getInputByName("takerFeeRate").setValue("0.0006");
            form.getInputByName("targetRoePercent").setValue("50");
            form.getInputByName("balance").setValue("5057");
            HtmlPage result = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            // Bybit's order-cost example: 5,000 + 30 + 27 = 5,057 USDT opens 1 BTC; ROE at 55,000 = 100 %;
            // 50 % ROE at 50,000 × (1 + 0.5/10) = 52,500. VIP 1's maker rate 0.018 %, the taker rate given.
            assertThat(result.getElementById("roe").asNormalizedText()).isEqualTo("100.00 %");
            assertThat(result.getElementById("orderCost").asNormalizedText()).isEqualTo("5,057 USDT");
            assertThat(result.getElementById("targetPrice").asNormalizedText()).isEqualTo("52,500.00");
            assertThat(result.getElementById("maxPosition").asNormalizedText()).startsWith("1 BTC");
            assertThat(result.getElementById("feeRates").asNormalizedText()).isEqualTo("0.00018 / 0.0006");
        }
    }

    @Test
    void aContractOfOnesOwnAndItsMistakesShownAtTheTop() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlForm form = longPosition(browser, "", "100", "20", "10");
            form.getSelectByName("customContract.type").setSelectedAttribute("LINEAR", true);
            form.getInputByName("customContract.baseAsset").setValue("HYPE");
            form.getInputByName("customContract.contractSize").setValue("1");
            form.getTextAreaByName("customContract.maintenanceTiers").setText("1000 0.01 50\n- 0.5 x");
            HtmlPage rejected = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(rejected.querySelector(".form-error").asNormalizedText())
                    .contains("customContract.maintenanceTiers[1].maxLeverage must be a number such as 1234.5");
            assertThat(rejected.getElementById("result")).isNull();

            HtmlForm again = calculatorForm(rejected);
            again.getTextAreaByName("customContract.maintenanceTiers").setText("");
            again.getInputByName("customContract.maintenanceMarginRate").setValue("0.01");
            HtmlPage result = again.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            // as the API test: IM 200 USDT; LP 1,800 / 99 = 18.18 (value at LP), 20 × 0.91 = 18.20 (entry value)
            assertThat(result.getElementById("initialMargin").asNormalizedText())
                    .isEqualTo("200 USDT");
            assertThat(result.asNormalizedText())
                    .contains("18.18")
                    .contains("18.20")
                    .contains("CUSTOM HYPEUSDT");
        }
    }

    @Test
    void hullsJetFuelHedgeOnThePage() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage page = browser.getPage(calculator);
            HtmlForm form = page.getHtmlElementById("spotChanges").getEnclosingForm();
            // Hull, Table 3.2: fifteen monthly changes of jet fuel (ΔS) and heating-oil futures (ΔF) per gallon
            form.getTextAreaByName("spotChanges")
                    .setText("0.029 0.020 -0.044 0.008 0.026 -0.019 -0.010 -0.007 "
                            + "0.043 0.011 -0.036 -0.018 0.009 -0.032 0.023");
            form.getTextAreaByName("futuresChanges")
                    .setText("0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026,\n"
                            + "-0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029");
            form.getInputByName("exposure").setValue("2000000");
            form.getInputByName("contractSize").setValue("42000");
            HtmlPage result = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            // ρ = 0.92837, h* = 0.77765, N* = 37.03 → 37 (the book prints 0.928, 0.78 and 37)
            assertThat(result.getElementById("mvCorrelation").asNormalizedText())
                    .isEqualTo("0.9284");
            assertThat(result.getElementById("mvHedgeRatio").asNormalizedText()).isEqualTo("0.7777");
            assertThat(result.getElementById("mvContracts").asNormalizedText()).startsWith("37 (37.0310");

            HtmlForm again = result.getHtmlElementById("spotChanges").getEnclosingForm();
            again.getTextAreaByName("spotChanges").setText("");
            again.getTextAreaByName("futuresChanges").setText("");
            again.getInputByName("correlation").setValue("1.5");
            again.getInputByName("spotVolatility").setValue("0.0263");
            again.getInputByName("futuresVolatility").setValue("0.0313");
            HtmlPage rejected = again.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(rejected.getElementById("mvError").asNormalizedText())
                    .isEqualTo("correlation must be between -1 and 1, was 1.5");
            assertThat(rejected.getElementById("mvResult")).isNull();
        }
    }
}
