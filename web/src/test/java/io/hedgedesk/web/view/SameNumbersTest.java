package io.hedgedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One hedge and its holding, and the same figures read off every page that prints them: the dashboard, the portfolio,
 * the hedge's page, the history and the planner print each one identically, and as worked out by hand below.
 *
 * <p>40,000 ADA held; short 1,200 BINANCE:ADAUSD_PERP (10 USD each) at 0.3 with 100 ADA of extra coins as margin and no
 * fee; the price now 0.32915171 USD.
 * <ul>
 * <li>Mark at the contract's tick of 0.0001: 0.3291|5171 → 0.3292.</li>
 * <li>Unrealized PnL, short inverse: Q·FV·(1/X − 1/E) = 12,000 × (1/0.32915171 − 1/0.3) = −3,542.64724920 ADA (8 dp),
 * in USD × X = 12,000 × (1 − 0.32915171/0.3) = −1,166.0684 → −1,166.07 USD.</li>
 * <li>Exposure: the bag plus the extra coins deposited = 40,000 + 100 = 40,100 ADA; hedged N/E = 12,000/0.3 = 40,000
 * ADA; coverage 40,000/40,100 = 99.7506… % → 99.75 %.</li>
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SameNumbersTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Inject
    HedgeBookService book;

    Teams teams;

    @BeforeEach
    void setUp() {
        teams = new Teams(users, teamService);
    }

    private static String text(HtmlPage page, String xpath) {
        List<Object> nodes = page.getByXPath(xpath);
        assertThat(nodes).as(xpath).isNotEmpty();
        return ((DomNode) nodes.get(0)).getTextContent().strip();
    }

    @Test
    void theSameFiguresArePrintedIdenticallyOnEveryPage() throws Exception {
        try (UserSession erin = UserSession.logInNew(root, "Erin")) {
            long pid = erin.createPortfolio("ADA bag");
            long userId = teams.user(erin).id();
            Holding bag = portfolios.addHolding(
                    userId,
                    pid,
                    UUID.randomUUID(),
                    HoldingDraft.parse(new HoldingInput("ADA", false, "40000", "Ledger", "", "", ""), LocalDate.now()));

            HtmlForm open = erin.page("/portfolios/" + pid + "/hedges/new").getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/hedges"))
                    .findFirst()
                    .orElseThrow();
            open.getSelectByName("contractId").setSelectedAttribute("BINANCE:ADAUSD_PERP", true);
            open.getInputByName("size").setValue("1200");
            open.getInputByName("entryPrice").setValue("0.3");
            open.getInputByName("leverage").setValue("2");
            open.getInputByName("margin").setValue("100");
            open.getSelectByName("marginSource").setSelectedAttribute("EXTRA_COIN", true);
            open.getInputByName("fee").setValue("0");
            open.getInputsByName("holding").stream()
                    .filter(i -> i.getValueAttribute().equals(Long.toString(bag.id())))
                    .findFirst()
                    .orElseThrow()
                    .setChecked(true);
            HtmlPage recorded = open.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            long id = Long.parseLong(recorded.getUrl().getPath().substring("/hedges/".length()));
            book.enterMark(userId, id, book.hedge(userId, id).hedge().version(), new BigDecimal("0.32915171"));

            HtmlPage hedge = erin.page("/hedges/" + id);
            HtmlPage dashboard = erin.page("/dashboard");
            HtmlPage portfolio = erin.page("/portfolios/" + pid);
            HtmlPage history = erin.page("/hedges?portfolio=" + pid);
            HtmlPage planner = erin.page("/portfolios/" + pid + "/plan");

            // size and order unit
            String size = text(hedge, "//table[contains(@class,'hedge')]//tr[th='Size']/td[1]");
            assertThat(size).isEqualTo("1,200");
            assertThat(text(hedge, "//table[contains(@class,'hedge')]//tr[th='Size']/td[2]"))
                    .isEqualTo("contracts of 10 USD");
            assertThat(text(dashboard, "//td[@data-label='Size']")).isEqualTo(size);

            // the mark at the contract's tick
            String mark = text(hedge, "//table[contains(@class,'hedge')]//tr[th='Mark']/td[1]");
            assertThat(mark).isEqualTo("0.3292");
            assertThat(text(dashboard, "//td[@data-label='Mark']")).isEqualTo(mark);

            // unrealized PnL
            assertThat(text(hedge, "//table[contains(@class,'hedge')]//tr[th='Unrealized PnL']/td[1]"))
                    .isEqualTo("-3,542.6472492 ADA");
            String unrealizedUsd = text(dashboard, "//td[@data-label='Unrealized (USD)']");
            assertThat(unrealizedUsd).isEqualTo("-1,166.07 USD");
            assertThat(text(hedge, "//table[contains(@class,'hedge')]//tr[th='Unrealized PnL']/td[2]"))
                    .isEqualTo("(" + unrealizedUsd + ")");

            // exposure, hedged coins and coverage of the coin
            String exposure = text(dashboard, "//table//tr[td[@data-label='Coin']='ADA']/td[@data-label='Exposure']");
            assertThat(exposure).isEqualTo("40,100 ADA");
            assertThat(text(portfolio, "//table[contains(@class,'coins')]//td[@data-label='Exposure']"))
                    .isEqualTo(exposure);
            assertThat(text(hedge, "//table[contains(@class,'hedge')]//tr[th='ADA exposure']/td[1]"))
                    .startsWith(exposure + " = holdings 40,000 ADA");
            String hedged = text(dashboard, "//table//tr[td[@data-label='Coin']='ADA']/td[@data-label='Hedged']");
            assertThat(hedged).isEqualTo("40,000 ADA");
            assertThat(text(portfolio, "//table[contains(@class,'coins')]//td[@data-label='Hedged']"))
                    .isEqualTo(hedged);
            String coverage = text(dashboard, "//table//tr[td[@data-label='Coin']='ADA']/td[@data-label='Coverage']");
            assertThat(coverage).isEqualTo("99.75 %");
            assertThat(text(dashboard, "//td[@data-label='Coverage' and ../td[@data-label='Mark']]"))
                    .isEqualTo(coverage);
            assertThat(text(portfolio, "//table[contains(@class,'coins')]//td[@data-label='Coverage']"))
                    .isEqualTo(coverage);
            assertThat(text(hedge, "//table[contains(@class,'hedge')]//tr[th='Coverage of the coin']/td[1]"))
                    .isEqualTo(coverage);

            // the holding's quantity
            String quantity = text(portfolio, "//table[contains(@class,'holdings')]//td[@data-label='Quantity']");
            assertThat(quantity).isEqualTo("40,000 ADA");
            assertThat(planner.asNormalizedText()).contains(quantity + " on Ledger");

            // the opening trade in the ledger and in the history: price, quantity, cash
            String ledgerOpen = "//table[contains(@class,'ledger')]//tr[td[2]='opened']";
            String historyOpen = "//table[contains(@class,'ledger')]//tr[td[@data-label='Type']='opened']";
            assertThat(text(hedge, ledgerOpen + "/td[6]"))
                    .isEqualTo("0.30")
                    .isEqualTo(text(history, historyOpen + "/td[@data-label='Price']"));
            assertThat(text(hedge, ledgerOpen + "/td[5]"))
                    .isEqualTo("1,200")
                    .isEqualTo(text(history, historyOpen + "/td[@data-label='Quantity']"));
            assertThat(text(hedge, ledgerOpen + "/td[9]"))
                    .isEqualTo(text(history, historyOpen + "/td[@data-label='Cash change']"));
            assertThat(text(hedge, "//table[contains(@class,'ledger')]//tr[td[2]='margin added']/td[9]"))
                    .isEqualTo("100 ADA")
                    .isEqualTo(text(
                            history,
                            "//table[contains(@class,'ledger')]//tr[td[@data-label='Type']='margin added']"
                                    + "/td[@data-label='Cash change']"));
        }
    }
}
