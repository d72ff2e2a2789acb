package io.hedgedesk.web.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.hedgedesk.web.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableCell;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.Test;

/**
 * The market-history page over the shipped history loaded at start-up (the test database keeps it), logged in
 * through the WireMock OpenID provider of quarkus-test-oidc-server.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MarketHistoryResourceTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anonymousVisitorsAreSentToLogIn() {
        given().redirects()
                .follow(false)
                .when()
                .get("/market/history")
                .then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"));
    }

    @Test
    void theTableShowsEveryStoredSeriesWithItsRowsAndLatestClose() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage page = logIn(browser, "market/history");

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getTitleText()).isEqualTo("Market history · hedgedesk");
            // BTC-USDT-1d.csv: 3,059 rows from 2017-08-17 to 2025-12-31, whose close is 87648.22 USDT.
            assertThat(row(page, "price-history", "BTC"))
                    .containsExactly(
                            "BTC",
                            "2017-08-17",
                            "2025-12-31",
                            "3,059",
                            "87,648.22",
                            "2025-12-31",
                            "Binance spot BTCUSDT daily close in USDT (yanniedog/binance-historical-OHLCV-data@eb47266c)");
            // MATIC-USDT-1d.csv ends on 2024-09-10 at 0.3794 (renamed POL).
            assertThat(row(page, "price-history", "MATIC")).contains("2019-04-26", "2024-09-10", "0.3794");
            assertThat(page.getHtmlElementById("price-history").getElementsByTagName("tr"))
                    .hasSizeGreaterThanOrEqualTo(13);
            // BITMEX-XBTUSD-funding.csv: 8,525 settlements, the last at 2024-03-16T04:00:00Z.
            assertThat(row(page, "funding-history", "BITMEX:XBTUSD")).contains("8,525", "2024-03-16 04:00 UTC");
            assertThat(row(page, "funding-history", "BYBIT:ETHUSDT")).contains("3,285");
            assertThat(page.getAnchorByHref("/market/history").getTextContent()).isEqualTo("Market history");
        }
    }

    private static List<String> row(HtmlPage page, String tableId, String firstCell) {
        HtmlTable table = page.getHtmlElementById(tableId);
        return table.getBodies().get(0).getRows().stream()
                .filter(r -> r.getCell(0).getTextContent().equals(firstCell))
                .findFirst()
                .map(MarketHistoryResourceTest::cells)
                .orElseThrow(() -> new AssertionError(firstCell + " not in " + tableId));
    }

    private static List<String> cells(HtmlTableRow row) {
        return row.getCells().stream()
                .map(HtmlTableCell::getTextContent)
                .map(String::strip)
                .toList();
    }

    private HtmlPage logIn(WebClient browser, String path) throws Exception {
        HtmlPage login = browser.getPage(new URL(root, path));
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type("alice");
        form.getInputByName("password").type("alice");
        return form.getInputByValue("login").click();
    }
}
