package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Plain HTTP requests without redirects or cookies, and the assertions every response must pass. */
final class HeaderChecks {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private HeaderChecks() {}

    static HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(URI uri, String json) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The headers of {@link SecurityHeaders} on one response over plain HTTP; {@code noStore} false for static files. */
    static void assertSecured(HttpResponse<?> response, boolean noStore) {
        assertSecured(response, noStore, false);
    }

    /** As above; {@code hsts} true when the application runs behind TLS ({@code HEDGEDESK_COOKIE_SECURE=true}). */
    static void assertSecured(HttpResponse<?> response, boolean noStore, boolean hsts) {
        String where = response.request().method() + " " + response.uri() + " → " + response.statusCode();
        String csp = header(response, "Content-Security-Policy").orElse("");
        assertThat(csp)
                .as("CSP of " + where)
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "img-src 'self' data:",
                        "object-src 'none'",
                        "base-uri 'none'",
                        "frame-ancestors 'none'")
                .containsPattern("form-action 'self'( https?://[^ ;]+)?$")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(header(response, "X-Content-Type-Options"))
                .as("nosniff on " + where)
                .contains("nosniff");
        assertThat(header(response, "X-Frame-Options"))
                .as("X-Frame-Options on " + where)
                .contains("DENY");
        assertThat(header(response, "Referrer-Policy"))
                .as("Referrer-Policy on " + where)
                .contains("no-referrer");
        assertThat(header(response, "Permissions-Policy"))
                .as("Permissions-Policy on " + where)
                .get()
                .asString()
                .contains("camera=()", "geolocation=()");
        if (hsts) {
            assertThat(header(response, "Strict-Transport-Security"))
                    .as("HSTS on " + where)
                    .contains("max-age=31536000; includeSubDomains");
        } else {
            assertThat(header(response, "Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP on " + where)
                    .isEmpty();
        }
        if (noStore) {
            assertThat(header(response, "Cache-Control"))
                    .as("Cache-Control on " + where)
                    .contains("no-store");
        } else {
            assertThat(header(response, "Cache-Control").orElse(""))
                    .as("Cache-Control on " + where)
                    .doesNotContain("no-store");
        }
    }

    static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
