package io.hedgedesk.web.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
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
import java.math.RoundingMode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * "Record as opened" with what the venue filled: several fills averaged, the fee and an opening time in the past,
 * from which funding can be recorded; a bad fill is refused with the banner and what was typed kept.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RecordFillsPageTest {

    private static final String QUERY = "proxyAsset=BTC&proxyContract=BYBIT:BTCUSD&proxyLeverage=2&windowDays=90";

    @Inject
    HedgeBookService book;

    @Inject
    PortfolioService portfolios;

    @TestHTTPResource("/")
    URL root;

    @Inject
    TeamService teamService;

    @Inject
    AppUserRepository users;

    private static void type(HtmlPage page, String id, String value) {
        ((HtmlInput) page.getElementById(id)).setValue(value);
    }

    private static HtmlForm form(HtmlPage page, String suffix) {
        return page.getForms().stream()
                .filter(f -> f.getActionAttribute().endsWith(suffix))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Two fills of BYBIT:BTCUSD (inverse): 1,000 at 50,000 and 1,000 at 40,000 → 2,000 contracts at the harmonic
     * 2,000 / (0.02 + 0.025) = 44,444.44…; fee 0.0001 BTC; opened two days ago, so funding one day ago is accepted.
     */
    @Test
    void fillsAtOtherPricesAndAnEarlierOpeningAreRecordedAsTyped() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession ann = UserSession.logInNew(root, "FillsAnn")) {
            long id = ann.createPortfolio("Fills");
            portfolios.addHolding(
                    teams.user(ann).id(),
                    id,
                    UUID.randomUUID(),
                    HoldingDraft.parse(new HoldingInput("SOL", false, "100", "Ledger", "", "", ""), LocalDate.now()));
            HtmlPage plan = ann.page("/portfolios/" + id + "/plan?" + QUERY);
            HtmlPage confirm = form(plan, "/plan/confirm")
                    .getOneHtmlElementByAttribute("button", "value", "PROXY")
                    .click();
            assertThat(confirm.getUrl().getQuery()).contains("key=");

            // a second fill without its price: refused, the banner links to the field, the typed values stay
            type(confirm, "size-0-0", "1000");
            type(confirm, "price-0-0", "50000");
            type(confirm, "size-0-1", "1000");
            HtmlPage refused = form(confirm, "/plan/record")
                    .getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getElementById("refused").asNormalizedText()).startsWith("Nothing was saved:");
            assertThat(refused.getElementById("refused").asXml()).contains("href=\"#price-0-1\"");
            assertThat(((HtmlInput) refused.getElementById("size-0-1")).getValue())
                    .isEqualTo("1000");
            assertThat(book.hedges(teams.user(ann).id(), id)).isEmpty();

            Instant opened = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
            type(refused, "price-0-1", "40000");
            type(refused, "fee-0", "0.0001");
            type(
                    refused,
                    "openedAt-0",
                    opened.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
            HtmlPage done = form(refused, "/plan/record")
                    .getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(done.asNormalizedText()).contains("Hedge recorded.");

            List<Hedge> hedges = book.hedges(teams.user(ann).id(), id);
            assertThat(hedges).hasSize(1);
            Hedge hedge = hedges.get(0);
            assertThat(hedge.size()).isEqualByComparingTo("2000");
            assertThat(hedge.entryPrice().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("44444.444444");
            assertThat(hedge.openedAt()).isEqualTo(opened);
            assertThat(book.events(teams.user(ann).id(), hedge.id())
                            .get(0)
                            .fee()
                            .orElseThrow())
                    .isEqualByComparingTo("0.0001");
            book.act(
                    teams.user(ann).id(),
                    hedge.id(),
                    UUID.randomUUID(),
                    hedge.version(),
                    new HedgeAction(
                            HedgeEventType.FUNDING,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(new BigDecimal("0.00002")),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(new BigDecimal("60000")),
                            Optional.of(Instant.now().minus(Duration.ofDays(1))),
                            "",
                            Optional.empty()));
            assertThat(book.events(teams.user(ann).id(), hedge.id()))
                    .extracting(e -> e.type())
                    .contains(HedgeEventType.FUNDING);
        }
    }
}
