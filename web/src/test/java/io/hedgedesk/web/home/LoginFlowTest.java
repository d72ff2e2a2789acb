package io.hedgedesk.web.home;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.Browser;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Login, dashboard and logout through the authorization-code flow, against the WireMock OpenID provider of
 * quarkus-test-oidc-server (its login form accepts any user and issues an ID token for "alice", subject 123456).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LoginFlowTest {

    private static final String TEST_PORT = System.getenv().getOrDefault("HTTP_TEST_PORT", "8081");

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Test
    void anonymousVisitorsSeeWhatTheProductDoes() {
        given().redirects()
                .follow(false)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("Insure your bags without selling them"),
                        containsString("inverse (coin-margined) or linear (USDT-margined)"),
                        containsString("Log in")));
    }

    @Test
    void anonymousRequestForTheDashboardIsSentToTheProviderWithPkceAndState() {
        given().redirects()
                .follow(false)
                .when()
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        allOf(
                                containsString("/auth/realms/quarkus"),
                                containsString("response_type=code"),
                                containsString("code_challenge_method=S256"),
                                containsString("state="),
                                containsString("redirect_uri=" + "http%3A%2F%2Flocalhost%3A" + TEST_PORT
                                        + "%2Flogin%2Fcallback")));
    }

    @Test
    void loggedInUserIsGreetedAndProvisioned() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage dashboard = logIn(browser);

            assertThat(dashboard.getUrl().getPath()).isEqualTo("/dashboard");
            assertThat(dashboard.asNormalizedText()).contains("Hello, alice");
            assertThat(users.findByIssuerAndSubject("https://server.example.com", "123456"))
                    .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("alice"));
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        // A user with an ID token of this login only: the provider's own form issues the same token for alice all
        // along, and a logged-out token stays refused (SessionRevocation) — the other tests log in as alice.
        try (UserSession ann = UserSession.logInNew(root, "Ann")) {
            WebClient browser = ann.browser();
            HtmlPage dashboard = ann.page("/dashboard");
            browser.getOptions().setRedirectEnabled(false);

            HtmlForm logout = dashboard.getForms().stream()
                    .filter(f -> f.getActionAttribute().equals("/logout"))
                    .findFirst()
                    .orElseThrow();
            var response = logout.getButtonByName("logout").click().getWebResponse();

            assertThat(response.getStatusCode()).isEqualTo(302);
            assertThat(response.getResponseHeaderValue("Location"))
                    .contains("/protocol/openid-connect/end-session")
                    .contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A" + TEST_PORT + "%2F");
            assertThat(response.getResponseHeaderValue("Clear-Site-Data"))
                    .contains("\"cookies\"")
                    .contains("\"cache\"");
            assertThat(browser.getCookieManager().getCookie("q_session")).isNull();

            var again = browser.getPage(new URL(root, "dashboard")).getWebResponse();
            assertThat(again.getStatusCode()).isEqualTo(302);
            assertThat(again.getResponseHeaderValue("Location")).contains("/auth/realms/quarkus");
        }
    }

    private HtmlPage logIn(WebClient browser) throws Exception {
        HtmlPage login = browser.getPage(new URL(root, "dashboard"));
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type("alice");
        form.getInputByName("password").type("alice");
        return form.getInputByValue("login").click();
    }
}
