package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Alert thresholds: a portfolio's defaults on their own page, a hedge's own on its page; refusals name the field. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ThresholdPagesTest {

    @TestHTTPResource("/")
    URL root;

    static HtmlPage submit(HtmlForm form) throws Exception {
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    static HtmlForm form(HtmlPage page, String actionEnd) {
        return page.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith(actionEnd))
                .findFirst()
                .orElseThrow();
    }

    /** Records a short of 10,000 BYBIT:BTCUSD at 50,000, 2×, through the page; returns its id. */
    static long recordHedge(UserSession s, long portfolioId) throws Exception {
        HtmlForm open = form(s.page("/portfolios/" + portfolioId + "/hedges/new"), "/hedges");
        open.getSelectByName("contractId").setSelectedAttribute("BYBIT:BTCUSD", true);
        open.getInputByName("size").setValue("10000");
        open.getInputByName("entryPrice").setValue("50000");
        open.getInputByName("leverage").setValue("2");
        open.getInputByName("margin").setValue("0.1");
        HtmlPage tracked = submit(open);
        assertThat(tracked.asNormalizedText()).contains("Hedge recorded.");
        return Long.parseLong(tracked.getUrl().getPath().substring("/hedges/".length()));
    }

    private static String inForce(HtmlPage page) {
        return page.getHtmlElementById("alert-thresholds-in-force").getTextContent();
    }

    @Test
    void portfolioDefaultsThenAHedgesOwnThresholds() throws Exception {
        try (UserSession erin = UserSession.logInNew(root, "Erin")) {
            long pid = erin.createPortfolio("Alerted bags");
            long hedgeId = recordHedge(erin, pid);

            HtmlPage hedge = erin.page("/hedges/" + hedgeId);
            // The installation's defaults (application.properties): 10 %, 5 points, on, 20 % a year, on, 6 h.
            assertThat(inForce(hedge))
                    .isEqualTo("liquidation closer than 10.00 % · coverage further than 5.00 % from its"
                            + " target · stops and take-profits on · funding cost above 20.00 % a year · funding turning into a cost on"
                            + " · market data older than 6 h");

            HtmlPage portfolio = erin.page("/portfolios/" + pid);
            HtmlPage defaults =
                    portfolio.getHtmlElementById("portfolio-alert-defaults").click();
            HtmlForm d = form(defaults, "/portfolios/" + pid + "/alerts");
            d.getInputByName("driftPct").setValue("3");
            d.getInputByName("staleHours").setValue("12");
            d.getSelectByName("fundingSign").setSelectedAttribute("off", true);
            HtmlPage saved = submit(d);
            assertThat(saved.asNormalizedText()).contains("Alert thresholds saved.");
            assertThat(inForce(saved))
                    .contains("coverage further than 3.00 %", "funding turning into a cost off", "older than 12 h");

            HtmlForm own = form(erin.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/alerts");
            own.getInputByName("liquidationPct").setValue("15");
            own.getInputByName("fundingPct").setValue("7.5");
            HtmlPage back = submit(own);
            assertThat(back.getUrl().getPath()).isEqualTo("/hedges/" + hedgeId);
            assertThat(back.asNormalizedText()).contains("Alert thresholds saved.");
            // Its own 15 % and 7.5 % a year, the portfolio's 3 points, off and 12 h, the installation's stops.
            assertThat(inForce(back))
                    .isEqualTo("liquidation closer than 15.00 % · coverage further than 3.00 % from its"
                            + " target · stops and take-profits on · funding cost above 7.50 % a year · funding turning into a cost off"
                            + " · market data older than 12 h");
        }
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamedAndNothingSaved() throws Exception {
        try (UserSession finn = UserSession.logInNew(root, "Finn")) {
            long pid = finn.createPortfolio("Refused bags");
            long hedgeId = recordHedge(finn, pid);
            HtmlForm own = form(finn.page("/hedges/" + hedgeId), "/hedges/" + hedgeId + "/alerts");
            own.getInputByName("liquidationPct").setValue("100");
            own.getInputByName("staleHours").setValue("1.5");
            own.getInputByName("driftPct").setValue("abc");
            finn.browser().getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage refused = submit(own);

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getHtmlElementById("thresholds-refused").getTextContent())
                    .contains(
                            "Enter a percentage above 0 and below 100.",
                            "Enter whole hours from 1 to 8760.",
                            "Coverage drift must be a number such as 1234.5, was \"abc\"");
            assertThat(refused.getHtmlElementById("liquidationPct").getAttribute("value"))
                    .isEqualTo("100");
            assertThat(inForce(finn.page("/hedges/" + hedgeId))).startsWith("liquidation closer than 10.00 %");
        }
    }

    @Test
    void aViewerSeesThresholdsButMayNotChangeThem() throws Exception {
        try (UserSession owner = UserSession.logInNew(root, "Gwen");
                UserSession viewer = UserSession.logInNew(root, "Hal")) {
            long pid = owner.createPortfolio("Shared bags");
            long hedgeId = recordHedge(owner, pid);
            // another team's hedge: a 404, and the write changes nothing
            assertThat(viewer.getStatus("/hedges/" + hedgeId + "/alerts")).isEqualTo(404);
            WebResponse post = viewer.post("/hedges/" + hedgeId + "/alerts", "liquidationPct", "50");
            assertThat(post.getStatusCode()).isEqualTo(404);
            assertThat(inForce(owner.page("/hedges/" + hedgeId))).startsWith("liquidation closer than 10.00 %");
        }
    }
}
