package io.hedgedesk.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's alerts: grouped by severity, each linked to its hedge, one banner for old or missing market data,
 * acknowledge and snooze per user, and a totals row per portfolio.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DashboardAlertsTest {

    @TestHTTPResource("/")
    URL root;

    private static HtmlPage submit(HtmlForm form) throws Exception {
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static HtmlForm form(HtmlPage page, String actionEnd) {
        return page.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith(actionEnd))
                .findFirst()
                .orElseThrow();
    }

    private static long record(
            UserSession s, long portfolioId, String contract, String size, String entry, String margin)
            throws Exception {
        HtmlForm open = form(s.page("/portfolios/" + portfolioId + "/hedges/new"), "/hedges");
        open.getSelectByName("contractId").setSelectedAttribute(contract, true);
        open.getInputByName("size").setValue(size);
        open.getInputByName("entryPrice").setValue(entry);
        open.getInputByName("leverage").setValue("2");
        open.getInputByName("margin").setValue(margin);
        HtmlPage tracked = submit(open);
        return Long.parseLong(tracked.getUrl().getPath().substring("/hedges/".length()));
    }

    private static String text(HtmlPage page, String xpath) {
        return page.getByXPath(xpath).stream()
                .map(n -> ((HtmlElement) n).asNormalizedText())
                .reduce("", (a, b) -> a + b + "\n");
    }

    /**
     * Short 10,000 BYBIT:BTCUSD (1 USD each) at 50,000, 0.1 BTC margin, no holdings, stop at 52,000; team price 53,000.
     * Stop crossed: (52,000 − 53,000)/53,000 = −1.89 %. Coverage: the 0.1 BTC margin is the whole exposure, the hedge's
     * delta 10,000/50,000 = 0.2 BTC: coverage 2, drift 100 % (beyond 5 %). Totals at 53,000: notional 10,000.00 USD;
     * margin 0.1 × 53,000 = 5,300.00; unrealized 10,000 × (1/53,000 − 1/50,000) = −0.0113207547 BTC × 53,000 = −600.00;
     * funding 0.00. An ETH hedge of another portfolio has no team price: its data is the one banner.
     */
    @Test
    void groupedLinkedOneBannerTotalsAndAcknowledgeAndSnooze() throws Exception {
        try (UserSession mo = UserSession.logInNew(root, "Mo")) {
            long btcBags = mo.createPortfolio("BTC bags");
            long ethBags = mo.createPortfolio("ETH bags");
            long btc = record(mo, btcBags, "BYBIT:BTCUSD", "10000", "50000", "0.1");
            record(mo, ethBags, "BYBIT:ETHUSD", "3000", "3000", "0.5");
            HtmlForm price = form(mo.page("/hedges/" + btc), "/hedges/" + btc + "/mark");
            price.getInputByName("mark").setValue("50000");
            submit(price);
            HtmlForm targets = form(mo.page("/hedges/" + btc), "/hedges/" + btc + "/targets");
            targets.getInputByName("stopPrice").setValue("52000");
            submit(targets);
            price = form(mo.page("/hedges/" + btc), "/hedges/" + btc + "/mark");
            price.getInputByName("mark").setValue("53000");
            submit(price);

            HtmlPage dashboard = mo.page("/dashboard");
            String groups = text(dashboard, "//div[@id='alerts']/h3");
            assertThat(groups).isEqualTo("Liquidation and stops\nCoverage drift and funding\n");
            String urgent = text(dashboard, "//ul[contains(@class,'liquidation_and_stops')]/li");
            assertThat(urgent)
                    .contains("#" + btc + " BYBIT:BTCUSD short (BTC bags) — Stop crossed: the mark has crossed"
                            + " the stop level by 1.89 %");
            assertThat(dashboard.getByXPath("//ul[contains(@class,'liquidation_and_stops')]/li/a/@href").stream()
                            .map(a -> ((org.htmlunit.html.DomAttr) a).getValue())
                            .toList())
                    .contains("/hedges/" + btc);
            assertThat(text(dashboard, "//ul[contains(@class,'drift')]/li"))
                    .contains("Coverage drift: coverage is" + " 100.00 % from its target (alert beyond 5.00 %)");
            assertThat(dashboard.getByXPath("//*[@id='stale-market-data']")).hasSize(1);
            assertThat(dashboard.getHtmlElementById("stale-market-data").getTextContent())
                    .contains("ETH");
            assertThat(text(dashboard, "//li[contains(@class,'alert')]")).doesNotContain("old (alert after");
            assertThat(text(dashboard, "//table[@id='hedge-totals']//tr[td[1]/a[text()='BTC bags']]"))
                    .isEqualTo("BTC bags\t10,000.00 USD\t5,300.00 USD\t-600.00 USD\t0.00 USD\n");

            HtmlButton ack = dashboard.getFirstByXPath(
                    "//ul[contains(@class,'liquidation_and_stops')]/li//button[@value='ack']");
            HtmlPage after = ack.click();
            assertThat(after.getByXPath("//ul[contains(@class,'liquidation_and_stops')]"))
                    .isEmpty();
            assertThat(after.getHtmlElementById("alerts-hidden").getTextContent())
                    .startsWith("1 acknowledged or snoozed");

            HtmlButton snooze = after.getFirstByXPath("//ul[contains(@class,'drift')]/li//button[@value='snooze']");
            HtmlPage snoozed = snooze.click();
            assertThat(text(snoozed, "//ul[contains(@class,'drift')]/li")).doesNotContain("#" + btc + " ");
            assertThat(snoozed.getHtmlElementById("alerts-hidden").getTextContent())
                    .startsWith("2 acknowledged or snoozed");
        }
    }
}
