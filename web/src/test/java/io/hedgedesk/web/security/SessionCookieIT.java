package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.Browser;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;

/**
 * The session of the packaged application after a real Keycloak login: one encrypted cookie under 4 KB (only the
 * ID and refresh tokens are kept), encrypted, HttpOnly and SameSite=Lax; the login is a security event in the application's
 * log (target/quarkus.log), and no token or cookie value is in that log.
 */
@QuarkusIntegrationTest
class SessionCookieIT {

    private static final String APP = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081) + "/";
    private static final Path APP_LOG = Path.of("target", "quarkus.log");

    @Test
    void theSessionIsOneSmallHttpOnlyLaxCookieAndTheLoginIsLoggedWithoutIt() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage login = browser.getPage(new URL(new URL(APP), "dashboard"));
            HtmlForm form = login.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type("carol");
            form.getInputByName("password").type("carol");
            HtmlPage dashboard = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(dashboard.getUrl().toString()).isEqualTo(APP + "dashboard");

            Cookie session = browser.getCookieManager().getCookie("q_session");
            assertThat(session).as("session cookie").isNotNull();
            assertThat(browser.getCookieManager().getCookies())
                    .extracting(Cookie::getName)
                    .noneMatch(name -> name.startsWith("q_session_chunk"));
            assertThat(session.getName().length() + 1 + session.getValue().length())
                    .isLessThan(4096);
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualToIgnoringCase("lax");
            // Encrypted: a JWE (five parts), not a JWT: AES-256-GCM with the key from the session secret directly
            // ("dir":
            // the key part is empty), not a random key wrapped by it.
            String[] parts = session.getValue().split("\\.");
            assertThat(parts).hasSize(5);
            assertThat(parts[1]).isEmpty();
            assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                    .contains("\"alg\":\"dir\"", "\"enc\":\"A256GCM\"");

            if (Files.exists(APP_LOG)) {
                String log = Files.readString(APP_LOG, StandardCharsets.UTF_8);
                assertThat(log)
                        .contains("event=login ")
                        .containsPattern("event=login at=\\S+Z user=carol iss=\\S+ sub=\\S+");
                assertThat(log)
                        .doesNotContain(session.getValue())
                        .doesNotContain(parts[4])
                        .doesNotContain("eyJ");
            }
        }
    }
}
