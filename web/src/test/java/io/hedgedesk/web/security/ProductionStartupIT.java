package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.PackagedApp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged application (target/quarkus-app, production profile) as its own process, next to the one the
 * other ITs share: it must refuse the public development secrets unless explicitly allowed, and when its OpenID
 * provider is down, the 5xx it answers carries the security headers (HSTS too, behind TLS) and no stack trace.
 */
class ProductionStartupIT {

    @Test
    void refusesToStartWithTheDevelopmentSecrets() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of())) {
            assertThat(app.process().waitFor(180, TimeUnit.SECONDS))
                    .as("the application exits by itself")
                    .isTrue();
            String output = app.output();
            assertThat(app.process().exitValue()).as(output).isNotZero();
            assertThat(output)
                    .contains(
                            "Refusing to start: HEDGEDESK_SESSION_SECRET, "
                                    + "HEDGEDESK_OIDC_CLIENT_SECRET, HEDGEDESK_CONNECTION_KEK have their public development default")
                    .contains("HEDGEDESK_ALLOW_DEV_SECRETS=true")
                    .contains("event=dev-secrets-refused")
                    .doesNotContain("Listening on:");
        }
    }

    @Test
    void providerOutageGives5xxWithHeadersAndNoStackTrace() throws Exception {
        // Port 9 (discard) on loopback: nothing listens, connections are refused at once. Configured as behind TLS
        // (HEDGEDESK_COOKIE_SECURE) to see HSTS, which the shared plain-HTTP instance must not send.
        try (PackagedApp app = PackagedApp.start(Map.of(
                "HEDGEDESK_ALLOW_DEV_SECRETS",
                "true",
                "HEDGEDESK_COOKIE_SECURE",
                "true",
                "OIDC_AUTH_SERVER_URL",
                "http://127.0.0.1:9/realms/hedgedesk",
                "QUARKUS_OIDC_CONNECTION_DELAY",
                "0S"))) {
            app.awaitListening();
            URI dashboard = app.uri("/dashboard");
            for (String accept : List.of(ResponseHeadersContract.HTML, "text/plain")) {
                HttpResponse<String> response = HeaderChecks.get(dashboard, accept);
                assertThat(response.statusCode()).as(response.body()).isBetween(500, 599);
                HeaderChecks.assertSecured(response, true, true);
                assertThat(response.body())
                        .containsIgnoringCase("error id")
                        .doesNotContain("Exception", "\tat ", "io.quarkus", "io.vertx", "io.hedgedesk", "127.0.0.1:9");
            }
            assertThat(app.output())
                    .contains("HEDGEDESK_ALLOW_DEV_SECRETS=true: running with the public development default of")
                    .containsPattern(
                            "event=dev-secrets-allowed at=\\S+Z"
                                    + " variables=HEDGEDESK_SESSION_SECRET,HEDGEDESK_OIDC_CLIENT_SECRET,HEDGEDESK_CONNECTION_KEK");
        }
    }
}
