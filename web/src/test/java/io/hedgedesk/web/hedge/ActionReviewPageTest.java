package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
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
import java.util.List;
import java.util.UUID;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;

/**
 * The review step of a hedge action follows post/redirect/get: its address carries the action and a submission key,
 * so refresh and Back show it again without posting; once recorded, the same address says what was recorded, and a
 * repeated submission records nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ActionReviewPageTest {

    @Inject
    HedgeBookService book;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theReviewIsAGetAndBackSaysWhatWasRecorded() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession bea = UserSession.logInNew(root, "ReviewBea")) {
            long portfolio = bea.createPortfolio("Review");
            long userId = teams.user(bea).id();
            long id = book.open(
                    userId,
                    UUID.randomUUID(),
                    new OpenHedge(
                            portfolio,
                            "BYBIT:BTCUSD",
                            Side.SHORT,
                            new BigDecimal("1000"),
                            new BigDecimal("50000"),
                            BigDecimal.valueOf(2),
                            new BigDecimal("0.01"),
                            "EXTRA_COIN",
                            List.of(),
                            BigDecimal.ONE,
                            "",
                            BigDecimal.ZERO));
            HtmlPage hedge = bea.page("/hedges/" + id);
            ((HtmlSelect) hedge.getElementById("type")).setSelectedAttribute("FUNDING", true);
            hedge.getHtmlElementById("amount").setAttribute("value", "0.0003");
            hedge.getHtmlElementById("usdPrice").setAttribute("value", "50000");
            HtmlPage review = hedge.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/confirm"))
                    .findFirst()
                    .orElseThrow()
                    .getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(review.getUrl().getPath()).isEqualTo("/hedges/" + id + "/confirm");
            assertThat(review.getUrl().getQuery()).contains("type=FUNDING", "amount=0.0003", "formToken=");
            assertThat(review.asNormalizedText()).contains("Confirm: funding settled");

            HtmlPage done = review.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/actions"))
                    .findFirst()
                    .orElseThrow()
                    .getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(done.asNormalizedText()).contains("Recorded in the hedge's ledger.");
            long event = book.events(userId, id).stream()
                    .filter(e -> e.type() == HedgeEventType.FUNDING)
                    .findFirst()
                    .orElseThrow()
                    .id();

            HtmlPage back =
                    bea.page(review.getUrl().getPath() + "?" + review.getUrl().getQuery());
            assertThat(back.getElementById("recorded").asNormalizedText())
                    .startsWith("This action was recorded at ")
                    .contains("as event #" + event + ".");
            assertThat(back.getForms()).noneMatch(f -> f.getActionAttribute().endsWith("/actions"));
            String token = review.getUrl().getQuery().replaceAll(".*formToken=([^&]+).*", "$1");
            bea.post(
                    "/hedges/" + id + "/actions",
                    "type",
                    "FUNDING",
                    "amount",
                    "0.0003",
                    "usdPrice",
                    "50000",
                    "version",
                    Long.toString(book.hedge(userId, id).hedge().version()),
                    "formToken",
                    token);
            assertThat(book.events(userId, id))
                    .filteredOn(e -> e.type() == HedgeEventType.FUNDING)
                    .hasSize(1);
        }
    }

    /**
     * A create form's page renders the token in its address ({@code ?once=}: the portfolio page links to it with a new
     * one), so Back renders the same token and a second submission is a repeat: one holding.
     */
    @Test
    void aFormPageRendersTheTokenOfItsAddressSoBackAndSubmitAgainSavesOnce() throws Exception {
        try (UserSession cid = UserSession.logInNew(root, "OnceCid")) {
            long portfolio = cid.createPortfolio("Once");
            String link = cid.page("/portfolios/" + portfolio)
                    .getAnchorByText("Add holding")
                    .getHrefAttribute();
            assertThat(link).matches("/portfolios/" + portfolio + "/holdings/new\\?once=[0-9a-f-]{36}");
            String once = UUID.randomUUID().toString();
            String form = "/portfolios/" + portfolio + "/holdings/new?once=" + once;
            assertThat(cid.page(form).getWebResponse().getContentAsString()).contains("value=\"" + once + "\"");
            for (int i = 0; i < 2; i++) {
                cid.post(
                        "/portfolios/" + portfolio + "/holdings",
                        "asset",
                        "ETH",
                        "quantity",
                        "1",
                        "venue",
                        "Ledger",
                        "formToken",
                        cid.page(form).getElementsByName("formToken").get(0).getAttribute("value"));
            }
            assertThat(cid.page("/portfolios/" + portfolio).asNormalizedText()).containsOnlyOnce("Ledger");
            assertThat(cid.page("/portfolios/" + portfolio + "/holdings/new")
                            .getWebResponse()
                            .getContentAsString())
                    .doesNotContain(once);
        }
    }
}
