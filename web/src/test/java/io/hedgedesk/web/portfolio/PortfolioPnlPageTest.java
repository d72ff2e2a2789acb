package io.hedgedesk.web.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
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
import java.util.Optional;
import java.util.UUID;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The portfolio page's PnL against cost basis, hedged share, net exposure and "update all prices" grid.
 *
 * <p>Worked example: 0.5 BTC bought for 30,000 USD, 4 ETH for 9,600, 60 SOL without a cost basis; prices typed in the
 * grid: BTC 100,000, ETH 2,000, SOL 150.
 * <ul>
 *   <li>BTC: value 50,000.00, PnL 50,000 − 30,000 = 20,000.00, 20,000 / 30,000 = 66.67 %;</li>
 *   <li>ETH: value 8,000.00, PnL −1,600.00, −1,600 / 9,600 = −16.67 %;</li>
 *   <li>SOL: value 9,000.00, no PnL (no cost basis);</li>
 *   <li>Total: value 67,000.00, cost basis 30,000 + 9,600 = 39,600.00, PnL 58,000 − 39,600 = 18,400.00,
 *   18,400 / 39,600 = 46.464… → 46.46 %.</li>
 * </ul>
 * A short of 25,000 BYBIT:BTCUSD contracts (1 USD each) at 100,000 with 0.05 BTC margin out of the bag and no fee:
 * delta 25,000 / 100,000 = 0.25 BTC against an exposure of 0.5 (the margin is still part of the holding) → hedged
 * 50.00 %; net BTC 0.5 + (0.05 − 0.05) − 0.25 = 0.25 BTC = 25,000.00 USD.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PortfolioPnlPageTest {

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

    private Holding add(long userId, long portfolioId, String asset, String quantity, String cost) {
        return portfolios.addHolding(
                userId,
                portfolioId,
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput(asset, false, quantity, "Ledger", cost, "", ""), LocalDate.now()));
    }

    private static String[] grid(String token, String btc, String eth, String sol) {
        return new String[] {
            "formToken", token, "asset", "BTC", "price", btc, "asset", "ETH", "price", eth, "asset", "SOL", "price", sol
        };
    }

    @Test
    void pnlAgainstCostBasisHedgedShareAndNetExposure() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long userId = teams.user(alice).id();
            long id = alice.createPortfolio("Bags");
            Holding btc = add(userId, id, "BTC", "0.5", "30000");
            add(userId, id, "ETH", "4", "9600");
            add(userId, id, "SOL", "60", "");

            String token = alice.formToken("/portfolios/" + id, "/portfolios/" + id + "/prices/all");
            WebResponse saved = alice.post("/portfolios/" + id + "/prices/all", grid(token, "100000", "2000", "150"));
            assertThat(saved.getStatusCode()).isEqualTo(303);
            assertThat(saved.getResponseHeaderValue("Location")).contains("flash=prices-saved");

            HtmlPage page = alice.page("/portfolios/" + id);
            String btcRow = page.getElementById("holding-" + btc.id()).asNormalizedText();
            assertThat(btcRow).contains("50,000.00", "20,000.00", "66.67 %", "0.00 %", "none");
            String text = page.asNormalizedText();
            assertThat(text).contains("-1,600.00", "-16.67 %");
            String total = page.getElementById("holdings-total").asNormalizedText();
            assertThat(total).contains("39,600.00", "67,000.00", "18,400.00", "46.46 %");
            assertThat(text).contains("(1 left out)");

            long hedgeId = book.open(
                    userId,
                    UUID.randomUUID(),
                    new OpenHedge(
                            id,
                            "BYBIT:BTCUSD",
                            Side.SHORT,
                            new BigDecimal("25000"),
                            new BigDecimal("100000"),
                            new BigDecimal("2"),
                            new BigDecimal("0.05"),
                            "OUT_OF_BAG",
                            List.of(btc.id()),
                            BigDecimal.ONE,
                            "",
                            BigDecimal.ZERO,
                            Optional.empty(),
                            BigDecimal.ZERO,
                            Optional.empty()));
            HtmlPage hedged = alice.page("/portfolios/" + id);
            String row = hedged.getElementById("holding-" + btc.id()).asNormalizedText();
            assertThat(row).contains("50.00 %", "#" + hedgeId);
            assertThat(hedged.getWebResponse().getContentAsString()).contains("href=\"/hedges/" + hedgeId + "\"");
            String exposure = hedged.getElementById("net-exposure").asNormalizedText();
            assertThat(exposure)
                    .contains(
                            "0.5 BTC",
                            "-0.25 BTC",
                            "0.25 BTC",
                            "25,000.00 USD",
                            "4 ETH",
                            "8,000.00 USD",
                            "60 SOL",
                            "9,000.00 USD");
        }
    }

    @Test
    void oneBadPriceInTheGridSavesNoneAndSaysWhichAssetAtTheTop() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long userId = teams.user(alice).id();
            long id = alice.createPortfolio("Bags");
            add(userId, id, "BTC", "0.5", "30000");
            add(userId, id, "ETH", "4", "9600");
            add(userId, id, "SOL", "60", "");
            int auditBefore = portfolios.auditTrail(userId, id).size();

            String token = alice.formToken("/portfolios/" + id, "/portfolios/" + id + "/prices/all");
            WebResponse refused = alice.post("/portfolios/" + id + "/prices/all", grid(token, "12O00", "2500", "-3"));
            assertThat(refused.getStatusCode()).isEqualTo(400);
            String html = refused.getContentAsString();
            int banner = html.indexOf("id=\"refused\"");
            assertThat(banner).isPositive().isLessThan(html.indexOf("id=\"update-prices\""));
            String top = html.substring(banner, html.indexOf("</div>", banner));
            assertThat(top)
                    .contains("Nothing was saved", "href=\"#price-BTC\"", "BTC: ", "href=\"#price-SOL\"", "SOL: ")
                    .doesNotContain("ETH");
            // what was typed stays in the fields
            assertThat(html).contains("value=\"12O00\"", "value=\"2500\"", "value=\"-3\"", "id=\"price-BTC-error\"");
            // nothing saved: no manual price in the audit trail, ETH still without a typed price
            assertThat(portfolios.auditTrail(userId, id)).hasSize(auditBefore);
            assertThat(alice.page("/portfolios/" + id).asNormalizedText()).doesNotContain("manual (Alice)");

            // the same form token, corrected: saved once; a second submission is "already submitted"
            WebResponse ok = alice.post("/portfolios/" + id + "/prices/all", grid(token, "", "2500", ""));
            assertThat(ok.getStatusCode()).isEqualTo(303);
            WebResponse again = alice.post("/portfolios/" + id + "/prices/all", grid(token, "", "2500", ""));
            assertThat(again.getResponseHeaderValue("Location")).contains("already-saved");
            assertThat(portfolios.auditTrail(userId, id)).hasSize(auditBefore + 1);
        }
    }
}
