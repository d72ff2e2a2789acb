package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;

/**
 * A logged-out browser that opens many protected pages keeps a few pending logins, not one state cookie per page (forty
 * of them made every request, the start page included, an empty 431 for five minutes); and a request whose headers
 * are too large anyway gets a page saying what to do, with the security headers.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OversizedHeadersTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @TestHTTPResource("/")
    URL root;

    @Test
    void aLoggedOutBrowserOpeningManyProtectedPagesStillReachesTheStartPage() throws Exception {
        try (WebClient browser = Browser.create()) {
            browser.getOptions().setRedirectEnabled(false);
            for (int i = 0; i < 80; i++) {
                String path = i % 2 == 0 ? "/portfolios/" + i : "/market/BYBIT:BTCUSD?days=" + i;
                WebResponse r = browser.loadWebResponse(new WebRequest(new URL(root, path)));
                assertThat(r.getStatusCode()).as(path).isEqualTo(302);
            }
            long pending = browser.getCookieManager().getCookies().stream()
                    .map(Cookie::getName)
                    .filter(n -> n.startsWith("q_auth"))
                    .count();
            assertThat(pending).as("pending-login cookies").isBetween(1L, 3L);
            WebResponse start = browser.loadWebResponse(new WebRequest(new URL(root, "/")));
            assertThat(start.getStatusCode()).as("the start page").isEqualTo(200);
            WebResponse protectedPage = browser.loadWebResponse(new WebRequest(new URL(root, "/dashboard")));
            assertThat(protectedPage.getStatusCode())
                    .as("a protected page: to the login")
                    .isEqualTo(302);
        }
    }

    @Test
    void anOversizedHeaderGetsAPageThatSaysToClearThisSitesCookies() throws Exception {
        // 30 KB of cookies: above the application's 20 KB, below the server's 64 KB
        String cookies = "q_auth_Default_test_1=" + "a".repeat(450) + "; other=" + "b".repeat(30_000);
        HttpResponse<String> page = send("/", "text/html", cookies);
        assertThat(page.statusCode()).isEqualTo(431);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body())
                .contains("<h1>Request header fields too large</h1>", "Clear this site", "reload the page")
                .doesNotContain("Exception", "io.vertx");
        HeaderChecks.assertSecured(page, true);
        assertThat(page.headers().allValues("Set-Cookie"))
                .as("the pending login expired")
                .anySatisfy(
                        c -> assertThat(c).startsWith("q_auth_Default_test_1=;").contains("Max-Age=0"))
                .noneSatisfy(c -> assertThat(c).startsWith("other="));

        HttpResponse<String> api = send("/api/v1/contracts", "application/json", cookies);
        assertThat(api.statusCode()).isEqualTo(431);
        assertThat(api.body()).contains("\"status\":431", "Clear this site's cookies");
        HeaderChecks.assertSecured(api, true);

        // just under the limit: answered as usual
        assertThat(send("/", "text/html", "other=" + "b".repeat(19_000)).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(String path, String accept, String cookies) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
                        .header("Accept", accept)
                        .header("Cookie", cookies)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
