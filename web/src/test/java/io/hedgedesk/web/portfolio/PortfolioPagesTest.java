package io.hedgedesk.web.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.SqlCount;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Portfolio and holding pages for editors, viewers and another team's user, through a browser without JavaScript. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PortfolioPagesTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Inject
    DataSource dataSource;

    Teams teams;

    @BeforeEach
    void setUp() {
        teams = new Teams(users, teamService);
    }

    private Holding addHolding(UserSession s, long portfolioId, String asset, String quantity) {
        return portfolios.addHolding(
                teams.user(s).id(),
                portfolioId,
                UUID.randomUUID(),
                HoldingDraft.parse(new HoldingInput(asset, false, quantity, "Ledger", "", "", ""), LocalDate.now()));
    }

    private List<Holding> holdings(UserSession owner, long portfolioId) {
        return portfolios.holdings(teams.user(owner).id(), portfolioId);
    }

    private static HtmlPage submit(HtmlForm form) throws Exception {
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    /**
     * Hand arithmetic for the values shown: 2.5 SOL × 20.4 USD = 51.00 USD; 100 USDT × 1 = 100.00 USD; total 151.00 USD;
     * allocation USDT 100/151 = 66.2%, SOL 51/151 = 33.8%.
     */
    @Test
    void anEditorAddsValuesEditsAndDeletesAHoldingAndEveryChangeIsInTheHistory() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Main");

            HtmlForm add =
                    alice.page("/portfolios/" + id + "/holdings/new").getForms().get(1);
            add.getInputByName("asset").type("SOL");
            add.getInputByName("quantity").type("2.5");
            add.getInputByName("venue").type("Phantom");
            add.getInputByName("costBasisUsd").type("40");
            HtmlPage detail = submit(add);
            assertThat(detail.getUrl().getPath()).isEqualTo("/portfolios/" + id);
            assertThat(detail.asNormalizedText()).contains("Holding added.", "SOL", "2.5", "Phantom", "40.00");
            // Before a manual price, SOL is valued at its latest stored daily close, older than three days: marked
            // stale.
            assertThat(detail.asNormalizedText()).contains("days ago (stale: enter a newer price below)");
            addHolding(alice, id, "USDT", "100");

            HtmlForm price = detail.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/prices"))
                    .findFirst()
                    .orElseThrow();
            price.getInputByName("price").type("20.4");
            HtmlPage priced = submit(price);
            assertThat(priced.asNormalizedText())
                    .contains(
                            "Price saved.",
                            "Total value: 151.00 USD",
                            "51.00",
                            "manual (Alice), just now",
                            "stablecoin at 1 USD",
                            "66.23 %",
                            "33.77 %");
            assertThat(priced.getWebResponse().getResponseHeaderValue("Cache-Control"))
                    .isEqualTo("no-store");
            assertThat(priced.getWebResponse().getContentAsString())
                    .contains("<rect x=\"30\" y=\"1\" width=\"66.23\"")
                    .doesNotContain("style=", "<script");

            Holding sol = holdings(alice, id).stream()
                    .filter(h -> h.draft().assetSymbol().equals("SOL"))
                    .findFirst()
                    .orElseThrow();
            HtmlForm edit = alice.page("/portfolios/" + id + "/holdings/" + sol.id() + "/edit")
                    .getForms()
                    .get(1);
            assertThat(edit.getInputByName("quantity").getValue()).isEqualTo("2.5");
            edit.getInputByName("quantity").setValue("3");
            assertThat(submit(edit).asNormalizedText()).contains("Holding saved.", "61.20");

            HtmlPage confirm = alice.page("/portfolios/" + id + "/holdings/" + sol.id() + "/delete");
            assertThat(confirm.asNormalizedText()).contains("Delete this holding?", "SOL", "3");
            HtmlForm delete = confirm.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/delete"))
                    .findFirst()
                    .orElseThrow();
            HtmlPage afterDelete = delete.getButtonByName("delete").click();
            assertThat(afterDelete.asNormalizedText()).contains("Holding deleted.", "Total value: 100.00 USD");
            assertThat(holdings(alice, id))
                    .extracting(h -> h.draft().assetSymbol())
                    .containsExactly("USDT");

            String history = alice.page("/portfolios/" + id + "/audit").asNormalizedText();
            // in words, one line per change, amounts with their asset: 100 / 151 = 66.23 %, SOL 2.5 → 3
            assertThat(history)
                    .contains(
                            "portfolio #" + id + ": created",
                            ": created",
                            "price #",
                            "holding #",
                            ": changed",
                            ": deleted",
                            "quantity 2.5 SOL → 3 SOL",
                            "price 20.40 USD")
                    .doesNotContain("{\"");

            HtmlPage dashboard = alice.page("/dashboard");
            assertThat(dashboard.asNormalizedText())
                    .contains("Hello, Alice", "Signed in as " + alice.username, "Main", "100.00");
        }
    }

    @Test
    void invalidInputIsShownNextToTheFieldWithWhatWasTypedAndNothingIsSaved() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Main");
            WebResponse r = alice.post(
                    "/portfolios/" + id + "/holdings",
                    "asset",
                    "PEPE",
                    "quantity",
                    "-1",
                    "venue",
                    "",
                    "costBasisUsd",
                    "abc",
                    "acquiredOn",
                    "2999-01-01",
                    "formToken",
                    UUID.randomUUID().toString());
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(r.getContentAsString())
                    .contains(
                            "id=\"asset-error\"",
                            "PEPE is not in the known list",
                            "id=\"quantity-error\"",
                            "id=\"venue-error\"",
                            "id=\"costBasisUsd-error\"",
                            "id=\"acquiredOn-error\"",
                            "value=\"PEPE\"",
                            "value=\"-1\"",
                            "value=\"abc\"",
                            "value=\"2999-01-01\"");

            WebResponse custom = alice.post(
                    "/portfolios/" + id + "/holdings",
                    "asset",
                    "PEPE",
                    "customAsset",
                    "yes",
                    "quantity",
                    "1000000",
                    "venue",
                    "MetaMask",
                    "formToken",
                    UUID.randomUUID().toString());
            assertThat(custom.getStatusCode()).isEqualTo(303);

            WebResponse badPrice = alice.post("/portfolios/" + id + "/prices", "priceAsset", "PEPE", "price", "0");
            assertThat(badPrice.getStatusCode()).isEqualTo(400);
            assertThat(badPrice.getContentAsString()).contains("id=\"price-error\"", "value=\"0\"");

            WebResponse badName = alice.post("/portfolios", "name", "");
            assertThat(badName.getStatusCode()).isEqualTo(400);
            assertThat(badName.getContentAsString()).contains("id=\"name-error\"");

            assertThat(holdings(alice, id))
                    .extracting(h -> h.draft().assetSymbol())
                    .containsExactly("PEPE");
            assertThat(portfolios.valuation(teams.user(alice).id(), id).unpriced())
                    .isEqualTo(1);
        }
    }

    @Test
    void aDoubleSubmitOfTheNewPortfolioFormCreatesOnePortfolio() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            String token = alice.formToken("/portfolios", "/portfolios");

            WebResponse first = alice.post("/portfolios", "name", "Main", "formToken", token);
            WebResponse second = alice.post("/portfolios", "name", "Main", "formToken", token);

            assertThat(first.getResponseHeaderValue("Location")).endsWith("?flash=portfolio-created");
            assertThat(second.getStatusCode()).isEqualTo(303);
            assertThat(second.getResponseHeaderValue("Location")).endsWith("/portfolios?flash=already-saved");
            assertThat(portfolios.list(teams.user(alice).id(), teams.teamOf(alice)))
                    .hasSize(1);
        }
    }

    @Test
    void aDoubleSubmitOfTheAddFormSavesOneHolding() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Main");
            String token = alice.page("/portfolios/" + id + "/holdings/new")
                    .getForms()
                    .get(1)
                    .getInputByName("formToken")
                    .getValue();

            WebResponse first = alice.post(
                    "/portfolios/" + id + "/holdings",
                    "asset",
                    "BTC",
                    "quantity",
                    "1",
                    "venue",
                    "Ledger",
                    "formToken",
                    token);
            WebResponse second = alice.post(
                    "/portfolios/" + id + "/holdings",
                    "asset",
                    "BTC",
                    "quantity",
                    "1",
                    "venue",
                    "Ledger",
                    "formToken",
                    token);

            assertThat(first.getResponseHeaderValue("Location")).endsWith("?flash=holding-added");
            assertThat(second.getStatusCode()).isEqualTo(303);
            assertThat(second.getResponseHeaderValue("Location")).endsWith("?flash=already-saved");
            assertThat(holdings(alice, id)).hasSize(1);
        }
    }

    @Test
    void aDoubleSubmitOfTheManualPriceFormStoresOnePrice() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Main");
            addHolding(alice, id, "SOL", "2");
            String action = "/portfolios/" + id + "/prices";
            String token = alice.formToken("/portfolios/" + id, action);

            WebResponse first = alice.post(action, "priceAsset", "SOL", "price", "20.40", "formToken", token);
            WebResponse second = alice.post(action, "priceAsset", "SOL", "price", "20.40", "formToken", token);

            assertThat(first.getResponseHeaderValue("Location")).endsWith("/portfolios/" + id + "?flash=price-saved");
            assertThat(second.getStatusCode()).isEqualTo(303);
            assertThat(second.getResponseHeaderValue("Location"))
                    .endsWith("/portfolios/" + id + "?flash=already-saved");
            assertThat(manualPrices(teams.teamOf(alice))).isEqualTo(1);
            assertThat(portfolios.auditTrail(teams.user(alice).id(), id))
                    .filteredOn(e -> e.objectType().equals("MANUAL_PRICE"))
                    .hasSize(1);

            // A refused entry keeps its token and saves nothing; the corrected form then saves once.
            String next = alice.formToken("/portfolios/" + id, action);
            WebResponse refused = alice.post(action, "priceAsset", "SOL", "price", "-1", "formToken", next);
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getContentAsString()).contains("name=\"formToken\" value=\"" + next + "\"");
            assertThat(alice.post(action, "priceAsset", "SOL", "price", "21", "formToken", next)
                            .getResponseHeaderValue("Location"))
                    .endsWith("?flash=price-saved");
            assertThat(manualPrices(teams.teamOf(alice))).isEqualTo(2);
        }
    }

    /** Rows in manual_price of the team, counted in the database. */
    private long manualPrices(long teamId) {
        return SqlCount.of(dataSource, "select count(*) from manual_price where team_id = ?", teamId);
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsToldWhoChangedTheHoldingAndSeesTheCurrentValues() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession bob = UserSession.logInNew(root, "Bob")) {
            teams.join(alice, bob, Role.EDITOR);
            long id = alice.createPortfolio("Main");
            Holding h = addHolding(alice, id, "ETH", "3");
            String edit = "/portfolios/" + id + "/holdings/" + h.id();
            HtmlForm alicesForm = alice.page(edit + "/edit").getForms().get(1);
            HtmlForm bobsForm = bob.page(edit + "/edit").getForms().get(1);

            bobsForm.getInputByName("quantity").setValue("5");
            assertThat(submit(bobsForm).asNormalizedText()).contains("Holding saved.");

            alicesForm.getInputByName("quantity").setValue("7");
            HtmlPage conflict = submit(alicesForm);
            assertThat(conflict.getWebResponse().getStatusCode()).isEqualTo(409);
            assertThat(conflict.asNormalizedText())
                    .contains("Changed by someone else", "Bob changed this holding at", "Nothing was saved");
            assertThat(conflict.getForms().get(1).getInputByName("quantity").getValue())
                    .isEqualTo("7");
            assertThat(conflict.getWebResponse().getContentAsString()).contains("<td class=\"num\">5</td>");
            assertThat(holdings(alice, id))
                    .singleElement()
                    .satisfies(s -> assertThat(s.draft().quantity()).isEqualByComparingTo("5"));

            // Saving again from the conflict page is a deliberate overwrite of the version just shown.
            assertThat(submit(conflict.getForms().get(1)).asNormalizedText()).contains("Holding saved.");
            assertThat(holdings(alice, id))
                    .singleElement()
                    .satisfies(s -> assertThat(s.draft().quantity()).isEqualByComparingTo("7"));

            WebResponse staleDelete = bob.post(edit + "/delete", "version", "" + h.version());
            assertThat(staleDelete.getStatusCode()).isEqualTo(409);
            assertThat(staleDelete.getContentAsString()).contains("Alice changed this holding");
            assertThat(holdings(alice, id)).hasSize(1);
        }
    }

    @Test
    void everyPortfolioRouteAnswers404ToAnotherTeamAndChangesNothing() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession mallory = UserSession.logInNew(root, "Mallory")) {
            long id = alice.createPortfolio("Main");
            Holding h = addHolding(alice, id, "ETH", "3");
            String p = "/portfolios/" + id;
            String hp = p + "/holdings/" + h.id();

            for (String get :
                    List.of(p, p + "/holdings/new", hp + "/edit", hp + "/delete", p + "/audit", p + "/import")) {
                assertThat(mallory.getStatus(get)).as(get).isEqualTo(404);
            }
            List<WebResponse> posts = List.of(
                    mallory.post(
                            p + "/holdings",
                            "asset",
                            "BTC",
                            "quantity",
                            "1",
                            "venue",
                            "X",
                            "formToken",
                            UUID.randomUUID().toString()),
                    mallory.post(hp, "asset", "ETH", "quantity", "9", "venue", "X", "version", "" + h.version()),
                    mallory.post(hp + "/delete", "version", "" + h.version()),
                    mallory.post(p + "/prices", "priceAsset", "ETH", "price", "1"),
                    mallory.post(
                            p + "/import/confirm",
                            "csv",
                            "asset,quantity,venue\nBTC,1,X",
                            "formToken",
                            UUID.randomUUID().toString()));
            for (WebResponse r : posts) {
                assertThat(r.getStatusCode())
                        .as(r.getWebRequest().getUrl().toString())
                        .isEqualTo(404);
                assertThat(r.getContentAsString()).doesNotContain("Main", "ETH");
            }
            // Her own portfolio list does not show Alice's.
            assertThat(mallory.page("/portfolios").asNormalizedText()).doesNotContain("Main");
            assertThat(holdings(alice, id)).singleElement().satisfies(s -> {
                assertThat(s.draft().quantity()).isEqualByComparingTo("3");
                assertThat(s.version()).isEqualTo(h.version());
            });
            assertThat(portfolios.auditTrail(teams.user(alice).id(), id)).hasSize(2);
        }
    }

    @Test
    void viewersSeeNoEditControlsAndTheServerRefusesTheirWrites() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession vic = UserSession.logInNew(root, "Vic")) {
            teams.join(alice, vic, Role.VIEWER);
            long id = alice.createPortfolio("Main");
            Holding h = addHolding(alice, id, "ETH", "3");
            vic.post("/teams/" + teams.teamOf(alice) + "/switch");
            String p = "/portfolios/" + id;
            String hp = p + "/holdings/" + h.id();

            HtmlPage detail = vic.page(p);
            assertThat(detail.asNormalizedText())
                    .contains("Main", "ETH", "Viewer")
                    .doesNotContain("Add holding", "Import CSV", "Enter a price");
            assertThat(detail.getAnchors())
                    .noneMatch(a -> a.getHrefAttribute().contains("/edit")
                            || a.getHrefAttribute().contains("/delete"));
            assertThat(vic.page("/portfolios").asNormalizedText())
                    .contains("Main")
                    .doesNotContain("New portfolio");

            for (String get : List.of(p + "/holdings/new", hp + "/edit", hp + "/delete", p + "/import")) {
                assertThat(vic.getStatus(get)).as(get).isEqualTo(403);
            }
            for (WebResponse r : List.of(
                    vic.post(
                            p + "/holdings",
                            "asset",
                            "BTC",
                            "quantity",
                            "1",
                            "venue",
                            "X",
                            "formToken",
                            UUID.randomUUID().toString()),
                    vic.post(hp, "asset", "ETH", "quantity", "9", "venue", "X", "version", "" + h.version()),
                    vic.post(hp + "/delete", "version", "" + h.version()),
                    vic.post(p + "/prices", "priceAsset", "ETH", "price", "1"),
                    vic.post(
                            p + "/import/confirm",
                            "csv",
                            "asset,quantity,venue\nBTC,1,X",
                            "formToken",
                            UUID.randomUUID().toString()),
                    vic.post("/portfolios", "name", "Vic's"))) {
                assertThat(r.getStatusCode())
                        .as(r.getWebRequest().getUrl().toString())
                        .isEqualTo(403);
                assertThat(r.getContentAsString()).contains("Your role in this team (Viewer)");
            }
            assertThat(holdings(alice, id))
                    .singleElement()
                    .satisfies(s -> assertThat(s.draft().quantity()).isEqualByComparingTo("3"));
            assertThat(portfolios.list(teams.user(alice).id(), teams.teamOf(alice)))
                    .hasSize(1);
            assertThat(portfolios.auditTrail(teams.user(alice).id(), id)).hasSize(2);
        }
    }

    @Test
    void aHoldingFormWithoutTheCsrfTokenIsRejectedAndSavesNothing() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Main");
            Holding h = addHolding(alice, id, "ETH", "3");
            assertThat(alice.postWithoutCsrf(
                                    "/portfolios/" + id + "/holdings",
                                    "asset",
                                    "BTC",
                                    "quantity",
                                    "1",
                                    "venue",
                                    "X",
                                    "formToken",
                                    UUID.randomUUID().toString())
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(alice.postWithoutCsrf(
                                    "/portfolios/" + id + "/holdings/" + h.id(),
                                    "asset",
                                    "ETH",
                                    "quantity",
                                    "9",
                                    "venue",
                                    "X",
                                    "version",
                                    "" + h.version())
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(alice.postWithoutCsrf(
                                    "/portfolios/" + id + "/holdings/" + h.id() + "/delete",
                                    "version",
                                    "" + h.version())
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(alice.postWithoutCsrf("/portfolios/" + id + "/prices", "priceAsset", "ETH", "price", "1")
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(holdings(alice, id))
                    .singleElement()
                    .satisfies(s -> assertThat(s.draft().quantity()).isEqualByComparingTo("3"));
            assertThat(portfolios.valuation(teams.user(alice).id(), id).lines())
                    .singleElement()
                    .satisfies(l -> assertThat(l.quote().map(q -> q.source()).orElse("none"))
                            .doesNotStartWith("manual"));
        }
    }
}
