package io.hedgedesk.web.binding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
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
import io.restassured.http.ContentType;
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
 * Numbers typed on a page and sent to the API are read by the one binder: an ambiguous form is refused with a
 * suggestion, worded with the page's label at the top of the page or with the field's name in the API's 400, and
 * nothing is saved; a thousands separator is read.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NumberInputPagesTest {

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

    /**
     * A short BYBIT:BTCUSD hedge marked at 50,000: a stop typed "1,5" is refused at the top of the hedge page with the
     * suggestion and nothing is stored; "60,000" is 60000 (groups of three digits) and is stored.
     */
    @Test
    void theHedgePageAnswersADecimalCommaWithASuggestionAndReadsThousands() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession ida = UserSession.logInNew(root, "NumbersIda")) {
            long userId = teams.user(ida).id();
            long pid = ida.createPortfolio("Numbers");
            long holding = portfolios
                    .addHolding(
                            userId,
                            pid,
                            UUID.randomUUID(),
                            HoldingDraft.parse(
                                    new HoldingInput("BTC", false, "0.2", "Cold", "", "", ""), LocalDate.now()))
                    .id();
            long id = book.open(
                    userId,
                    UUID.randomUUID(),
                    new OpenHedge(
                            pid,
                            "BYBIT:BTCUSD",
                            Side.SHORT,
                            new BigDecimal("10000"),
                            new BigDecimal("50000"),
                            new BigDecimal("2"),
                            new BigDecimal("0.1"),
                            "EXTRA_COIN",
                            List.of(holding),
                            BigDecimal.ONE,
                            "",
                            BigDecimal.ZERO,
                            Optional.empty()));
            book.enterMark(userId, id, book.hedge(userId, id).hedge().version(), new BigDecimal("50000"));
            long version = book.hedge(userId, id).hedge().version();

            WebResponse refused = ida.post(
                    "/hedges/" + id + "/targets",
                    "stopPrice",
                    "1,5",
                    "takeProfitPrice",
                    "",
                    "maxFundingCostUsd",
                    "",
                    "version",
                    Long.toString(version));
            assertThat(refused.getStatusCode()).isEqualTo(400);
            String html = refused.getContentAsString();
            String message = "Stop at price must be a number such as 1234.5, was &quot;1,5&quot;: did you mean 1.5?";
            assertThat(html).contains("id=\"targets-refused\"", message, "id=\"stopPrice-error\"", "value=\"1,5\"");
            assertThat(html.indexOf("targets-refused")).isLessThan(html.indexOf("<h2>Position</h2>"));
            Hedge unchanged = book.hedge(userId, id).hedge();
            assertThat(unchanged.stopPrice()).isEmpty();
            assertThat(unchanged.version()).isEqualTo(version);

            WebResponse saved = ida.post(
                    "/hedges/" + id + "/targets",
                    "stopPrice",
                    "60,000",
                    "takeProfitPrice",
                    "",
                    "maxFundingCostUsd",
                    "",
                    "version",
                    Long.toString(version));
            assertThat(saved.getStatusCode())
                    .as("saved, then redirected to the hedge page")
                    .isEqualTo(303);
            assertThat(book.hedge(userId, id).hedge().stopPrice())
                    .hasValueSatisfying(stop -> assertThat(stop).isEqualByComparingTo("60000"));
        }
    }

    /** The planner names the field by its label in the banner above the form and in the leg it concerns. */
    @Test
    void thePlannerShowsANumberMistakeAtTheTopWithTheFieldsLabel() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession jo = UserSession.logInNew(root, "NumbersJo")) {
            long pid = jo.createPortfolio("Plan numbers");
            portfolios.addHolding(
                    teams.user(jo).id(),
                    pid,
                    UUID.randomUUID(),
                    HoldingDraft.parse(new HoldingInput("SOL", false, "100", "Ledger", "", "", ""), LocalDate.now()));
            HtmlPage plan = jo.page("/portfolios/" + pid + "/plan?leverage.SOL=1,5&coverage.SOL=1.5k&windowDays=90");
            String banner = plan.getElementById("refused").asNormalizedText();
            assertThat(banner)
                    .contains(
                            "Leverage (SOL) must be a number such as 1234.5, was \"1,5\": did you mean 1.5?",
                            "Target coverage (SOL) must be a number such as 1234.5, was \"1.5k\": did you mean 1500?");
            assertThat(plan.asNormalizedText().indexOf("Some inputs could not be used"))
                    .isLessThan(plan.asNormalizedText().indexOf("Holdings to hedge"));
            assertThat(plan.querySelector("p.form-error").asNormalizedText()).contains("Leverage (SOL)");
        }
    }

    /**
     * The API names the field in its 400 body; "2,400" coins are 2400: 2,400 ETH × 3,500 USD = 8,400,000 USD, SELL
     * 2400 ETHUSDT (one ETH per unit).
     */
    @Test
    void theApiNamesTheFieldAndReadsThousands() {
        given().contentType(ContentType.JSON)
                .body("""
            {"contract":"BYBIT:ETHUSDT","coins":"1,5","spotPrice":"3500","leverage":"5","marginSource":"STABLECOIN"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(400)
                .body("field", equalTo("coins"))
                .body("message", equalTo("coins must be a number such as 1234.5, was \"1,5\": did you mean 1.5?"));
        given().contentType(ContentType.JSON)
                .body("""
            {"contract":"BYBIT:ETHUSDT","coins":"2,400","spotPrice":"3500","leverage":"5","marginSource":"STABLECOIN"}""")
                .post("/api/v1/hedge/size")
                .then()
                .statusCode(200)
                .body("order", equalTo("SELL 2400 ETHUSDT"));
    }
}
