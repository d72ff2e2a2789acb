package io.hedgedesk.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.team.Member;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security events of {@link SecurityLog}, read from the log itself: one line per event with who, what and when,
 * and never a token, a cookie value or a CSRF token anywhere in the application's log.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SecurityEventsTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.install();
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void loginAndLogoutAreLoggedWithTheSubjectAndNoSecrets() throws Exception {
        try (UserSession ann = UserSession.logInNew(root, "Ann")) {
            String session = cookie(ann.browser(), "q_session");
            String csrf = ann.csrfToken();
            assertThat(session).isNotBlank();

            assertThat(ann.post("/logout").getStatusCode()).isEqualTo(302);

            assertThat(eventLines("login"))
                    .anySatisfy(line -> assertThat(line)
                            .matches("event=login at=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z .*")
                            .contains(
                                    " user=" + ann.username, " iss=https://server.example.com", " sub=" + ann.subject));
            assertThat(eventLines("logout")).anySatisfy(line -> assertThat(line).contains(" user=" + ann.username));
            assertNoSecrets(session, csrf);
        }
    }

    @Test
    void backChannelLogoutFromTheProviderEndsTheSessionAndIsLogged() throws Exception {
        try (UserSession bea = UserSession.logInNew(root, "Bea")) {
            assertThat(bea.getStatus("/dashboard")).isEqualTo(200);

            // The provider (Keycloak: an admin ends the user's session) posts a signed logout token naming the subject.
            String logoutToken = Jwt.issuer(UserSession.ISSUER)
                    .audience("quarkus-web-app")
                    .subject(bea.subject)
                    .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                    .jws()
                    .keyId("1")
                    .sign("privateKey.jwk");
            given().formParam("logout_token", logoutToken)
                    .when()
                    .post("/logout/backchannel")
                    .then()
                    .statusCode(200);

            assertThat(bea.getStatus("/dashboard"))
                    .as("the next request needs a new login")
                    .isEqualTo(302);
            assertThat(eventLines("logout")).anySatisfy(line -> assertThat(line).contains(" reason=backchannel"));
        }
    }

    @Test
    void anotherTeamsObjectIsLoggedAsNotFoundWithWhoAndWhat() throws Exception {
        try (UserSession owner = UserSession.logInNew(root, "Owner");
                UserSession stranger = UserSession.logInNew(root, "Stranger")) {
            long portfolio = owner.createPortfolio("Private bag");

            assertThat(stranger.getStatus("/portfolios/" + portfolio)).isEqualTo(404);

            assertThat(eventLines("not-found"))
                    .anySatisfy(line ->
                            assertThat(line).contains(" user=" + stranger.username, " path=/portfolios/" + portfolio));
        }
    }

    @Test
    void aMarketWriteBySomeoneWhoIsNotAnAdministratorIsRefusedAndLogged() throws Exception {
        try (UserSession vic = UserSession.logInNew(root, "Vic")) {
            assertThat(vic.post("/market/BYBIT:BTCUSD/mark", "mark", "5.00").getStatusCode())
                    .isEqualTo(403);
            assertThat(eventLines("access-denied"))
                    .anySatisfy(line -> assertThat(line)
                            .contains(" user=" + vic.username, " path=/market/BYBIT:BTCUSD/mark")
                            .doesNotContain("5.00"));
        }
    }

    @Test
    void roleChangesInvitationsRemovalsAndRefusalsAreLogged() throws Exception {
        try (UserSession owner = UserSession.logInNew(root, "Owner");
                UserSession viewer = UserSession.logInNew(root, "Viewer")) {
            Teams helper = new Teams(users, teams);
            long teamId = helper.teamOf(owner);
            assertThat(owner.post("/teams/" + teamId + "/invitations", "invitee", viewer.username, "role", "VIEWER")
                            .getStatusCode())
                    .isEqualTo(303);
            viewer.page("/teams"); // claims the invitation
            Member member = teams.members(helper.user(owner).id(), teamId).stream()
                    .filter(m -> m.userId() == helper.user(viewer).id())
                    .findFirst()
                    .orElseThrow();

            // The viewer may not change roles: 403.
            assertThat(viewer.post(
                                    "/teams/" + teamId + "/members/" + member.membershipId() + "/role",
                                    "role",
                                    "OWNER",
                                    "version",
                                    "" + member.version())
                            .getStatusCode())
                    .isEqualTo(403);
            assertThat(owner.post(
                                    "/teams/" + teamId + "/members/" + member.membershipId() + "/role",
                                    "role",
                                    "EDITOR",
                                    "version",
                                    "" + member.version())
                            .getStatusCode())
                    .isEqualTo(303);
            assertThat(owner.post("/teams/" + teamId + "/members/" + member.membershipId() + "/remove")
                            .getStatusCode())
                    .isEqualTo(303);

            String team = " team=" + teamId;
            String membership = " membership=" + member.membershipId();
            assertThat(eventLines("team-invitation"))
                    .anySatisfy(line -> assertThat(line)
                            .contains(" user=" + owner.username, team, " role=VIEWER")
                            .doesNotContain(viewer.username));
            assertThat(eventLines("access-denied"))
                    .anySatisfy(line -> assertThat(line)
                            .contains(
                                    " user=" + viewer.username,
                                    " path=/teams/" + teamId + "/members/",
                                    " role=VIEWER"));
            assertThat(eventLines("team-role-changed"))
                    .anySatisfy(line ->
                            assertThat(line).contains(" user=" + owner.username, team, membership, " role=EDITOR"));
            assertThat(eventLines("team-member-removed"))
                    .anySatisfy(line -> assertThat(line).contains(" user=" + owner.username, team, membership));
        }
    }

    @Test
    void csrfFailuresAndRejectedInputAreLoggedWithoutTheSubmittedValues() throws Exception {
        try (UserSession mallory = UserSession.logInNew(root, "Mallory")) {
            assertThat(mallory.postWithoutCsrf("/teams", "name", "forged-team-name")
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(mallory.postWithToken("/teams", "wrong-token", "name", "forged-team-name")
                            .getStatusCode())
                    .isEqualTo(400);
            assertThat(mallory.post("/teams", "name", "   ").getStatusCode()).isEqualTo(400);

            assertThat(eventLines("csrf-failure"))
                    .filteredOn(line -> line.contains(" user=" + mallory.username))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains(" method=POST", " path=/teams"));
            assertThat(eventLines("input-rejected"))
                    .anySatisfy(line ->
                            assertThat(line).contains(" user=" + mallory.username, " method=POST", " path=/teams"));
            assertThat(log.securityEvents()).noneMatch(line -> line.contains("forged-team-name"));
        }
    }

    @Test
    void aCallbackWhoseStateDoesNotMatchTheLoginIsRefusedAndLogged() throws Exception {
        try (WebClient browser = io.hedgedesk.web.support.Browser.create()) {
            browser.getOptions().setRedirectEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            // A login started in this browser (it now holds a state cookie), then a callback with someone else's state.
            assertThat(browser.getPage(new URL(root, "dashboard"))
                            .getWebResponse()
                            .getStatusCode())
                    .isEqualTo(302);
            int status = browser.getPage(new URL(root, "login/callback?code=stolen-code&state=made-up-state"))
                    .getWebResponse()
                    .getStatusCode();

            assertThat(status).isEqualTo(401);
            assertThat(eventLines("login-failure"))
                    .anySatisfy(line -> assertThat(line)
                            .contains(" path=/login/callback", " reason=AuthenticationCompletionException"));
            assertThat(log.all()).doesNotContain("stolen-code");
        }
    }

    @Test
    void aSuccessfulLoginIsNoFailure() throws Exception {
        try (UserSession ok = UserSession.logInNew(root, "Fine")) {
            assertThat(eventLines("login")).anySatisfy(line -> assertThat(line).contains(" user=" + ok.username));
            assertThat(eventLines("login-failure")).isEmpty();
        }
    }

    private List<String> eventLines(String event) {
        return log.securityEvents().stream()
                .filter(line -> line.startsWith("event=" + event + " "))
                .toList();
    }

    /** No token (a JWT starts "eyJ"), session cookie or CSRF token anywhere in the log, in any category. */
    private void assertNoSecrets(String... secrets) {
        String everything = log.all();
        assertThat(everything).doesNotContain("eyJ");
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    private static String cookie(WebClient browser, String name) {
        Cookie cookie = browser.getCookieManager().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }
}
