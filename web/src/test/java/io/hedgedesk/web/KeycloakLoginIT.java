package io.hedgedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.Browser;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (production profile) against the real Keycloak that {@code scripts/keycloak.sh}
 * starts: the full authorization-code flow with PKCE, state and nonce, through Keycloak's own login form.
 */
@QuarkusIntegrationTest
class KeycloakLoginIT {

    private static final String APP = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081) + "/";

    @Test
    void demoUserLogsInThroughKeycloakAndReachesTheDashboard() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage login = browser.getPage(new URL(new URL(APP), "dashboard"));
            assertThat(login.getUrl().toString()).contains("/realms/hedgedesk/protocol/openid-connect/auth");

            HtmlForm form = login.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type("alice");
            form.getInputByName("password").type("alice");
            HtmlPage dashboard = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();

            assertThat(dashboard.getUrl().toString()).isEqualTo(APP + "dashboard");
            assertThat(dashboard.asNormalizedText()).contains("Hello, ").contains("Signed in as alice");
        }
    }

    @Test
    void wrongPasswordStaysAtKeycloak() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage login = browser.getPage(new URL(new URL(APP), "dashboard"));
            HtmlForm form = login.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type("bob");
            form.getInputByName("password").type("not-bobs-password");
            HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();

            assertThat(after.getUrl().toString()).doesNotStartWith(APP);
            assertThat(after.asNormalizedText()).containsIgnoringCase("invalid");
        }
    }
}
