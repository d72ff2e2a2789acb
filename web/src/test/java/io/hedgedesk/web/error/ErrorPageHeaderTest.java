package io.hedgedesk.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.Browser;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An error page shows the header of the person looking at it: a logged-in user refused a change (403) or sent to a
 * missing page (404) sees their name and the logout form, not a "Log in" link.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ErrorPageHeaderTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    Teams teams;

    @BeforeEach
    void setUp() {
        teams = new Teams(users, teamService);
    }

    @Test
    void aViewerRefusedAnEditPageSeesTheLoggedInHeaderWithTheLogoutForm() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession vic = UserSession.logInNew(root, "Vic")) {
            long id = portfolioViewedBy(alice, vic);

            WebResponse refused = vic.browser()
                    .getPage(new URL(root, "/portfolios/" + id + "/holdings/new"))
                    .getWebResponse();

            assertThat(refused.getStatusCode()).isEqualTo(403);
            HtmlPage page = (HtmlPage) vic.browser().getCurrentWindow().getEnclosedPage();
            assertLoggedInHeader(page, "Vic");
            assertThat(page.asNormalizedText()).contains("Not allowed", "Your role in this team (Viewer)");
            assertThat(page.getForms()).anySatisfy(f -> {
                assertThat(f.getActionAttribute()).isEqualTo("/logout");
                assertThat(f.getInputByName("csrf-token").getValue()).isNotBlank();
            });

            // The error page's logout form works: it carries this session's CSRF token.
            vic.browser().getOptions().setRedirectEnabled(false);
            WebResponse loggedOut = page.getForms().stream()
                    .filter(f -> f.getActionAttribute().equals("/logout"))
                    .findFirst()
                    .orElseThrow()
                    .getButtonByName("logout")
                    .click()
                    .getWebResponse();
            assertThat(loggedOut.getStatusCode()).isEqualTo(302);
            assertThat(loggedOut.getResponseHeaderValue("Location")).contains("/protocol/openid-connect/end-session");
            assertThat(vic.getStatus("/dashboard")).isEqualTo(302);
        }
    }

    @Test
    void aViewerRefusedAWriteSeesTheLoggedInHeader() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession vic = UserSession.logInNew(root, "Vic")) {
            long id = portfolioViewedBy(alice, vic);

            WebResponse refused = vic.post("/portfolios/" + id + "/prices", "priceAsset", "ETH", "price", "1");

            assertThat(refused.getStatusCode()).isEqualTo(403);
            String body = refused.getContentAsString();
            assertThat(body)
                    .contains("Your role in this team (Viewer)", "<span class=\"who\">Vic</span>", "action=\"/logout\"")
                    .doesNotContain(">Log in<");
        }
    }

    @Test
    void aMissingPageOrAnotherTeamsObjectShowsTheLoggedInHeader() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession bob = UserSession.logInNew(root, "Bob")) {
            long alicesPortfolio = alice.createPortfolio("Main");

            for (String path : new String[] {"/portfolios/" + alicesPortfolio, "/no-such-page", "/teams/999999999"}) {
                WebResponse missing = bob.browser().getPage(new URL(root, path)).getWebResponse();
                assertThat(missing.getStatusCode()).as(path).isEqualTo(404);
                assertThat(missing.getContentAsString())
                        .as(path)
                        .contains("<span class=\"who\">Bob</span>", "There is nothing here")
                        .doesNotContain(">Log in<", "Main");
            }
        }
    }

    @Test
    void anAnonymousVisitorsErrorPageStillOffersTheLogin() throws Exception {
        try (WebClient browser = Browser.create()) {
            // The calculator is public and has no POST: a 405 page rendered for nobody.
            WebResponse refused = browser.getPage(new WebRequest(new URL(root, "/calculator"), HttpMethod.DELETE))
                    .getWebResponse();
            assertThat(refused.getStatusCode()).isEqualTo(405);
            assertThat(refused.getContentAsString())
                    .contains(">Log in<", "That action is not available here.")
                    .doesNotContain("action=\"/logout\"", "class=\"who\"");
        }
    }

    /** A portfolio of the owner's team, in which {@code viewer} is a viewer working in that team. */
    private long portfolioViewedBy(UserSession owner, UserSession viewer) throws Exception {
        teams.join(owner, viewer, Role.VIEWER);
        long id = owner.createPortfolio("Main");
        viewer.post("/teams/" + teams.teamOf(owner) + "/switch");
        return id;
    }

    private static void assertLoggedInHeader(HtmlPage page, String name) {
        String html = page.asXml();
        assertThat(page.querySelector(".who").asNormalizedText()).isEqualTo(name);
        assertThat(page.getAnchors()).noneMatch(a -> a.asNormalizedText().equals("Log in"));
        assertThat(html).contains("href=\"/dashboard\"");
    }
}
