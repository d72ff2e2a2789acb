package io.hedgedesk.web.security;

import static io.hedgedesk.web.security.HeaderChecks.get;
import static io.hedgedesk.web.security.HeaderChecks.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.Browser;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The header contract on the packaged application (production profile, real Keycloak), plus what only the packaged
 * app can show: the pages of a logged-in user, error pages without stack traces (test mode would print them), and
 * Google's CSP Evaluator on the policy actually sent. A 5xx from the packaged app: ProductionStartupIT.
 */
@QuarkusIntegrationTest
class SecurityHeadersIT extends ResponseHeadersContract {

    private static final List<String> LEAKS =
            List.of("Exception", "\tat ", "java.", "io.hedgedesk", "io.quarkus", "org.jboss", "SQL", "Stack");

    @Test
    void loggedInPagesAndTheirErrorsAreSecuredAndNotStored() throws Exception {
        try (WebClient browser = Browser.create()) {
            HtmlPage login = browser.getPage(at("/dashboard").toURL());
            HtmlForm form = login.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type("bob");
            form.getInputByName("password").type("bob");
            HtmlPage dashboard = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            assertThat(dashboard.getUrl().getPath()).isEqualTo("/dashboard");
            assertSecured(dashboard.getWebResponse(), 200);

            WebResponse missing = browser.getPage(new URL(root, "nope")).getWebResponse();
            assertSecured(missing, 404);
            assertThat(missing.getContentAsString()).contains("Not found").doesNotContain(LEAKS);
        }
    }

    @Test
    void errorBodiesCarryNoStackTraceOrClassName() throws Exception {
        HttpResponse<String> notFound = get(at("/static/nope.css"), HTML);
        HttpResponse<String> badJson = postJson(at("/api/v1/perpetual/position"), "{\"size\":");
        HttpResponse<String> badAccept = get(at("/calculator"), "a/b/c");

        for (HttpResponse<String> response : List.of(notFound, badJson, badAccept)) {
            assertThat(response.statusCode()).as(response.uri().toString()).isBetween(400, 499);
            assertThat(response.body()).as(response.uri().toString()).doesNotContain(LEAKS);
        }
        assertThat(badJson.body()).contains("not valid JSON");
    }

    @Test
    void googleCspEvaluatorFindsNothingSevere() throws Exception {
        String policy = get(at("/"), HTML)
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        Process evaluator = new ProcessBuilder(
                        Path.of("..", "scripts", "csp-evaluate.sh").toString(), policy)
                .redirectErrorStream(true)
                .start();
        String report;
        try (var out = evaluator.getInputStream()) {
            report = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(evaluator.waitFor(120, TimeUnit.SECONDS))
                .as("csp_evaluator finished")
                .isTrue();
        System.out.println(report);
        assertThat(evaluator.exitValue()).as(report).isZero();
        assertThat(report).contains("0 high-severity");
    }

    private static void assertSecured(WebResponse response, int status) throws IOException {
        assertThat(response.getStatusCode())
                .as(response.getWebRequest().getUrl().toString())
                .isEqualTo(status);
        assertThat(response.getResponseHeaderValue("Content-Security-Policy"))
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(response.getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getResponseHeaderValue("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getResponseHeaderValue("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getResponseHeaderValue("Cache-Control")).isEqualTo("no-store");
    }
}
