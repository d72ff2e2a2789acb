package io.hedgedesk.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.persistence.session.RevokedSessions;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A logged-out session stays logged out: its saved session cookie, replayed, is refused (the server-side
 * revocation list of {@link SessionRevocation}), while the user's other sessions go on.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SessionRevocationTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    RevokedSessions revoked;

    @Test
    void aSessionCookieSavedBeforeLogoutNoLongerLogsIn() throws Exception {
        try (UserSession ann = UserSession.logInNew(root, "Ann");
                UserSession annElsewhere = UserSession.logIn(root, ann.username, ann.subject, "Ann")) {
            String saved =
                    ann.browser().getCookieManager().getCookie("q_session").getValue();
            assertThat(replay(saved, "/dashboard").statusCode())
                    .as("the cookie works before the logout")
                    .isEqualTo(200);

            assertThat(ann.post("/logout").getStatusCode()).isEqualTo(302);

            Response dashboard = replay(saved, "/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(302);
            assertThat(dashboard.header("Location")).contains("/auth/realms/quarkus");
            assertClearsTheSessionCookie(dashboard);
            Response home = replay(saved, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body().asString()).contains("Log in").doesNotContain(ann.username);
            assertClearsTheSessionCookie(home);

            assertThat(annElsewhere.getStatus("/dashboard"))
                    .as("the same user's other session")
                    .isEqualTo(200);
        }
    }

    @Test
    void backChannelLogoutOfOneSessionRevokesItsCookie() throws Exception {
        try (UserSession bea = UserSession.logInNew(root, "Bea");
                UserSession beaElsewhere = UserSession.logIn(root, bea.username, bea.subject, "Bea")) {
            String saved =
                    bea.browser().getCookieManager().getCookie("q_session").getValue();

            backChannelLogout(logoutToken(bea.subject).claim("sid", bea.sessionId));

            // quarkus-oidc alone would end it only on the first request that presents it; every copy stays refused.
            assertThat(bea.getStatus("/dashboard")).isEqualTo(302);
            assertThat(replay(saved, "/dashboard").statusCode()).isEqualTo(302);
            assertThat(replay(saved, "/dashboard").statusCode()).isEqualTo(302);
            assertThat(beaElsewhere.getStatus("/dashboard"))
                    .as("the session the provider did not end")
                    .isEqualTo(200);
        }
    }

    @Test
    void backChannelLogoutOfTheUserEndsAllTheirSessionsOnly() throws Exception {
        try (UserSession cy = UserSession.logInNew(root, "Cy");
                UserSession cyElsewhere = UserSession.logIn(root, cy.username, cy.subject, "Cy");
                UserSession other = UserSession.logInNew(root, "Dee")) {
            backChannelLogout(logoutToken(cy.subject));

            assertThat(cy.getStatus("/dashboard")).isEqualTo(302);
            assertThat(cyElsewhere.getStatus("/dashboard")).isEqualTo(302);
            assertThat(other.getStatus("/dashboard")).as("another user").isEqualTo(200);
        }
    }

    @Test
    void aRevocationWrittenByAnotherInstanceIsHonoured() throws Exception {
        try (UserSession eve = UserSession.logInNew(root, "Eve")) {
            assertThat(eve.getStatus("/dashboard")).isEqualTo(200);

            // Another instance handled the logout: only the table knows.
            Instant now = Instant.now();
            revoked.revoke("sid:" + eve.sessionId, now, now.plus(Duration.ofDays(1)));

            // read by the periodic refresh (every 2 s), not per request
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status;
            do {
                Thread.sleep(200);
                status = eve.getStatus("/dashboard");
            } while (status == 200 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(302);
        }
    }

    @Test
    void expiredRowsAreDeletedWhenTheNextIsWritten() {
        Instant now = Instant.now();
        String old = "sid:old-" + UUID.randomUUID();
        String fresh = "sid:fresh-" + UUID.randomUUID();
        revoked.revoke(old, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        assertThat(revoked.current(now.minus(Duration.ofDays(4)))).containsKey(old);

        revoked.revoke(fresh, now, now.plus(Duration.ofDays(1)));

        assertThat(revoked.current(now.minus(Duration.ofDays(4))))
                .containsKey(fresh)
                .doesNotContainKey(old);
    }

    private static Response replay(String sessionCookie, String path) {
        return given().redirects()
                .follow(false)
                .cookie("q_session", sessionCookie)
                .when()
                .get(path);
    }

    private static void assertClearsTheSessionCookie(Response response) {
        assertThat(response.headers().getValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("q_session=;").containsIgnoringCase("Max-Age=0"));
    }

    /** A logout token as the provider signs it (the WireMock provider's key), naming the subject. */
    private static JwtClaimsBuilder logoutToken(String subject) {
        return Jwt.issuer(UserSession.ISSUER)
                .audience("quarkus-web-app")
                .subject(subject)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
    }

    private static void backChannelLogout(JwtClaimsBuilder token) {
        given().formParam("logout_token", token.jws().keyId("1").sign("privateKey.jwk"))
                .when()
                .post("/logout/backchannel")
                .then()
                .statusCode(200);
    }
}
