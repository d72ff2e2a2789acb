package io.hedgedesk.web.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The shipped history ends long before today: the pages that value with it say so, naming the newest stored close;
 * pages without market data (teams, the calculator) do not. The calculator is linked from the landing page and the
 * navigation.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MarketDataBannerTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void pagesThatValueWithStoredDataNameItsLastDate() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Old data");
            for (String path : new String[] {
                "/dashboard",
                "/portfolios",
                "/portfolios/" + id,
                "/portfolios/" + id + "/plan",
                "/market",
                "/market/history",
                "/market/BYBIT:ETHUSD"
            }) {
                HtmlPage page = alice.page(path);
                assertThat(page.getElementById("market-data-age")).as(path).isNotNull();
                assertThat(page.getElementById("market-data-age").asNormalizedText())
                        .as(path)
                        .matches("Stored market data is old: the newest daily close is of 20\\d\\d-\\d\\d-\\d\\d.*");
            }
            for (String path : new String[] {"/teams", "/calculator", "/hedges", "/"}) {
                assertThat(alice.page(path).getElementById("market-data-age"))
                        .as(path)
                        .isNull();
            }
            assertThat(alice.page("/dashboard").getAnchors())
                    .anyMatch(a -> a.getHrefAttribute().equals("/calculator"));
        }
    }

    @Test
    void theLandingPageLinksTheCalculator() throws Exception {
        try (var client = new org.htmlunit.WebClient()) {
            client.getOptions().setJavaScriptEnabled(false);
            HtmlPage landing = client.getPage(root);
            assertThat(landing.getAnchors())
                    .filteredOn(a -> a.getHrefAttribute().equals("/calculator"))
                    .hasSize(2);
            assertThat(landing.getElementById("market-data-age")).isNull();
        }
    }
}
