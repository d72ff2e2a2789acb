package io.hedgedesk.web.security;

import static io.hedgedesk.web.security.HeaderChecks.assertSecured;
import static io.hedgedesk.web.security.HeaderChecks.get;
import static io.hedgedesk.web.security.HeaderChecks.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every kind of anonymous response: run in test mode (ResponseHeadersTest) and on the packaged
 * application (SecurityHeadersIT), whose error handling differs from test mode.
 */
abstract class ResponseHeadersContract {

    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TestHTTPResource("/")
    URL root;

    URI at(String path) {
        return URI.create(root.toString()).resolve(path);
    }

    @Test
    void landingPage200() throws Exception {
        HttpResponse<String> response = get(at("/"), HTML);
        assertThat(response.statusCode()).isEqualTo(200);
        assertSecured(response, true);
    }

    @Test
    void publicCalculator200() throws Exception {
        HttpResponse<String> response = get(at("/calculator"), HTML);
        assertThat(response.statusCode()).isEqualTo(200);
        assertSecured(response, true);
    }

    @Test
    void staticStylesheet200IsCacheable() throws Exception {
        HttpResponse<String> response = get(at("/static/app.css"), "text/css,*/*;q=0.1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/css");
        assertThat(response.headers().firstValue("Cache-Control"))
                .get()
                .asString()
                .contains("max-age=");
        assertSecured(response, false);
    }

    @Test
    void anonymousDashboard302ToTheProvider() throws Exception {
        HttpResponse<String> response = get(at("/dashboard"), HTML);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .get()
                .asString()
                .contains("response_type=code")
                .contains("code_challenge_method=S256");
        assertSecured(response, true);
    }

    @Test
    void apiBadRequest400NamesTheField() throws Exception {
        HttpResponse<String> response = postJson(at("/api/v1/perpetual/position"), "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"contract\"");
        assertSecured(response, true);
    }

    @Test
    void unknownApiResource404() throws Exception {
        HttpResponse<String> response = get(at("/api/v1/contracts/NOPE:NOPE"), "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertSecured(response, true);
    }

    @Test
    void unknownStaticFile404() throws Exception {
        // Under /static, so public: an anonymous /nope is a 302 to the login (deny by default), not a 404.
        HttpResponse<String> response = get(at("/static/nope.css"), HTML);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not found");
        assertSecured(response, false);
    }

    @Test
    void unparsableAcceptHeaderIsTheClientsError() throws Exception {
        // Used to be a 500 (the error mapper itself failed on the header).
        HttpResponse<String> response = get(at("/calculator"), "a/b/c");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertSecured(response, true);
    }
}
