package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The header values, independent of Quarkus. Whether they reach every response is SecurityHeadersIT's job. */
class SecurityHeadersTest {

    private static final String KEYCLOAK = "http://localhost:8180/realms/hedgedesk";

    @Test
    void policyAllowsOnlyOurOriginAndTheProviderForForms() {
        SecurityHeaders headers = SecurityHeaders.forProvider(KEYCLOAK, Optional.empty(), false);

        assertThat(headers.contentSecurityPolicy())
                .isEqualTo(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' http://localhost:8180");
        assertThat(headers.contentSecurityPolicy()).doesNotContain("unsafe");
    }

    @Test
    void theBrowserFacingIssuerWinsOverTheBackChannelUrl() {
        // docker compose: the app calls http://keycloak:8180, the browser is sent to http://localhost:8180.
        SecurityHeaders headers = SecurityHeaders.forProvider(
                "http://keycloak:8180/realms/hedgedesk", Optional.of("http://localhost:8180/realms/hedgedesk"), false);

        assertThat(headers.contentSecurityPolicy()).endsWith("form-action 'self' http://localhost:8180");
    }

    @Test
    void anyIssuerOrBlankIssuerFallsBackToTheServerUrl() {
        assertThat(SecurityHeaders.forProvider(KEYCLOAK, Optional.of("any"), false)
                        .contentSecurityPolicy())
                .endsWith("form-action 'self' http://localhost:8180");
        assertThat(SecurityHeaders.forProvider(KEYCLOAK, Optional.of(" "), false)
                        .contentSecurityPolicy())
                .endsWith("form-action 'self' http://localhost:8180");
    }

    @Test
    void originKeepsSchemeHostAndExplicitPortOnly() {
        assertThat(SecurityHeaders.origin("https://id.example.com/realms/x/")).isEqualTo("https://id.example.com");
        assertThat(SecurityHeaders.origin("https://id.example.com:8443/realms/x"))
                .isEqualTo("https://id.example.com:8443");
        assertThat(SecurityHeaders.origin(" http://127.0.0.1:8180/realms/hedgedesk "))
                .isEqualTo("http://127.0.0.1:8180");
    }

    @Test
    void originRejectsWhatIsNotAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> SecurityHeaders.origin("/realms/hedgedesk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/realms/hedgedesk");
        assertThatThrownBy(() -> SecurityHeaders.origin("ftp://id.example.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://id.example.com/");
        assertThatThrownBy(() -> SecurityHeaders.origin("http://exa mple.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URL");
    }

    @Test
    void blankPolicyIsRejected() {
        assertThatThrownBy(() -> new SecurityHeaders(" ", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contentSecurityPolicy");
    }

    @Test
    void pagesAreNoStoreStaticFilesAreNot() {
        SecurityHeaders headers = SecurityHeaders.forProvider(KEYCLOAK, Optional.empty(), false);

        assertThat(headers.forPath("/dashboard")).containsEntry("Cache-Control", "no-store");
        assertThat(headers.forPath("/")).containsEntry("Cache-Control", "no-store");
        assertThat(headers.forPath("/api/v1/contracts")).containsEntry("Cache-Control", "no-store");
        assertThat(headers.forPath(null)).containsEntry("Cache-Control", "no-store");
        assertThat(headers.forPath("/static/../dashboard")).containsEntry("Cache-Control", "no-store");
        assertThat(headers.forPath("/static/app.css")).doesNotContainKey("Cache-Control");
        assertThat(headers.forPath("/favicon.ico")).doesNotContainKey("Cache-Control");
    }

    @Test
    void everyResponseGetsTheFixedHeadersAndHstsOnlyWhenAsked() {
        SecurityHeaders plain = SecurityHeaders.forProvider(KEYCLOAK, Optional.empty(), false);
        SecurityHeaders tls = SecurityHeaders.forProvider(KEYCLOAK, Optional.empty(), true);

        assertThat(plain.forPath("/static/app.css"))
                .containsEntry("Content-Security-Policy", plain.contentSecurityPolicy())
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Cross-Origin-Opener-Policy", "same-origin")
                .containsEntry(
                        "Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()")
                .doesNotContainKey("Strict-Transport-Security");
        assertThat(tls.forPath("/")).containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
