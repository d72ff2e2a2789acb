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
            assertThat(page.getElementById("pnlUsd").asNormalizedText()).isEqualTo("25000.00 USD");
            assertThat(page.getElementById("initialMargin").asNormalizedText()).isEqualTo("25.00000000 ETH");
            assertThat(page.asNormalizedText())
                    .contains("6930.00")          // Bybit's own (value at LP) convention
                    .contains("6862.75")          // entry-value convention
                    .contains("your short receives funding")
                    .contains("synthetic dollar");
        }
    }

    @Test
    void aVisitorCalculatesALinearLongAndFixesATypo() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage page = browser.getPage(calculator);
            HtmlForm form = page.getForms().stream().filter(f -> "get".equals(f.getMethodAttribute())).findFirst()
                    .orElseThrow();
            form.getSelectByName("contract").setSelectedAttribute("BYBIT:BTCUSDT", true);
            form.getInputByValue("LONG").setChecked(true);
            form.getInputByName("size").setValue("1");
            form.getInputByName("entryPrice").setValue("10,000");
            form.getInputByName("leverage").setValue("50");
            form.getInputByName("markPrice").setValue("");
            form.getInputByName("fundingRate").setValue("");
            HtmlPage rejected = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

            assertThat(rejected.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(rejected.querySelector("#entryPrice + .field-error").asNormalizedText())
                    .contains("entryPrice must be a plain decimal number");
            assertThat(rejected.<org.htmlunit.html.HtmlInput>querySelector("#entryPrice").getValue()).isEqualTo("10,000");
            assertThat(rejected.getElementById("result")).isNull();

            HtmlForm again = rejected.getForms().stream().filter(f -> "get".equals(f.getMethodAttribute()))
                    .findFirst().orElseThrow();
            again.getInputByName("entryPrice").setValue("10000");
            HtmlPage result = again.getOneHtmlElementByAttribute("button", "type", "submit").click();
            // https://help.bybit.com/hc/en-us/articles/900000181046 : 10,000 × (1 − 2 % + 0.5 %) = 9,850 (entry value)
            assertThat(result.asNormalizedText()).contains("9850.00").contains("9849.25");
            assertThat(result.getElementById("initialMargin").asNormalizedText()).isEqualTo("200.00000000 USDT");
        }
    }
}
