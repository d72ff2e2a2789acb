package io.hedgedesk.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.team.Member;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The team pages for owners, viewers and users of other teams (two users, each in their own team). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TeamPagesTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TeamService teams;

    @Inject
    AppUserRepository users;

    @Inject
    AuditLog audit;

    private AppUser user(UserSession s) {
        return users.findByIssuerAndSubject(UserSession.ISSUER, s.subject).orElseThrow();
    }

    private TeamSummary team(UserSession s) {
        return teams.currentTeam(user(s).id());
    }

    @Test
    void firstLoginShowsThePersonalTeamAndItsOwner() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            HtmlPage list = alice.page("/teams");
            assertThat(list.asNormalizedText()).contains("Alice's team", "(personal)", "Owner", "Current team");

            HtmlPage detail = alice.page("/teams/" + team(alice).team().id());
            assertThat(detail.asNormalizedText()).contains("Members", "Alice (you)", "Invite", "Rename");
        }
    }

    @Test
    void ownerRenamesInvitesAndTheInviteeJoinsAtNextLoginAsViewer() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession bob = UserSession.logInNew(root, "Bob")) {
            long teamId = team(alice).team().id();
            long version = team(alice).team().version();

            WebResponse renamed = alice.post("/teams/" + teamId + "/rename", "name", "Desk", "version", "" + version);
            assertThat(renamed.getStatusCode()).isEqualTo(303);
            assertThat(renamed.getResponseHeaderValue("Location")).endsWith("/teams/" + teamId + "?flash=team-renamed");
            assertThat(alice.page("/teams/" + teamId + "?flash=team-renamed").asNormalizedText())
                    .contains("Team renamed.", "Desk");

            assertThat(alice.post(
                                    "/teams/" + teamId + "/invitations",
                                    "invitee",
                                    bob.username.toUpperCase(),
                                    "role",
                                    "VIEWER")
                            .getStatusCode())
                    .isEqualTo(303);
            assertThat(alice.page("/teams/" + teamId).asNormalizedText())
                    .contains("Pending invitations", bob.username.toLowerCase());

            // Bob's next request claims the invitation; he sees both teams and can switch.
            HtmlPage bobsTeams = bob.page("/teams");
            assertThat(bobsTeams.asNormalizedText()).contains("Desk", "Viewer", "Bob's team");
            assertThat(bob.post("/teams/" + teamId + "/switch").getStatusCode()).isEqualTo(303);
            assertThat(team(bob).team().id()).isEqualTo(teamId);

            // The viewer sees no owner controls, and the server refuses his writes.
            HtmlPage asViewer = bob.page("/teams/" + teamId);
            assertThat(asViewer.asNormalizedText())
                    .contains("Your role: Viewer")
                    .doesNotContain("Rename", "Pending invitations");
            assertThat(asViewer.getForms())
                    .noneMatch(f -> f.getActionAttribute().contains("/rename"));
            long v = team(alice).team().version();
            assertThat(bob.post("/teams/" + teamId + "/rename", "name", "Bob's now", "version", "" + v)
                            .getStatusCode())
                    .isEqualTo(403);
            assertThat(bob.post("/teams/" + teamId + "/invitations", "invitee", "eve@example.com", "role", "OWNER")
                            .getStatusCode())
                    .isEqualTo(403);
            Member bobMember = member(alice, teamId, bob);
            assertThat(bob.post(
                                    "/teams/" + teamId + "/members/" + bobMember.membershipId() + "/role",
                                    "role",
                                    "OWNER",
                                    "version",
                                    "" + bobMember.version())
                            .getStatusCode())
                    .isEqualTo(403);
            Member aliceMember = member(alice, teamId, alice);
            assertThat(bob.post("/teams/" + teamId + "/members/" + aliceMember.membershipId() + "/remove")
                            .getStatusCode())
                    .isEqualTo(403);
            assertThat(team(alice).team().name()).isEqualTo("Desk");
            assertThat(teams.members(user(alice).id(), teamId))
                    .extracting(Member::role)
                    .containsExactlyInAnyOrder(Role.OWNER, Role.VIEWER);

            // The owner promotes Bob, then Bob may leave no more as last owner once Alice leaves.
            assertThat(alice.post(
                                    "/teams/" + teamId + "/members/" + bobMember.membershipId() + "/role",
                                    "role",
                                    "OWNER",
                                    "version",
                                    "" + bobMember.version())
                            .getStatusCode())
                    .isEqualTo(303);
            assertThat(alice.post("/teams/" + teamId + "/leave").getStatusCode())
                    .isEqualTo(303);
            WebResponse lastOwnerLeaves = bob.post("/teams/" + teamId + "/leave");
            assertThat(lastOwnerLeaves.getStatusCode()).isEqualTo(400);
            assertThat(lastOwnerLeaves.getContentAsString()).contains("The last owner cannot leave");
            assertThat(audit.teamTrail(teamId))
                    .extracting(e -> e.objectType() + " " + e.action())
                    .contains(
                            "TEAM RENAME",
                            "INVITATION CREATE",
                            "INVITATION CLAIM",
                            "MEMBERSHIP CHANGE_ROLE",
                            "MEMBERSHIP LEAVE");
        }
    }

    @Test
    void theLastOwnerCannotBeDemotedAndBadInputIsShownNextToTheField() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = team(alice).team().id();
            Member me = member(alice, teamId, alice);

            WebResponse demote = alice.post(
                    "/teams/" + teamId + "/members/" + me.membershipId() + "/role",
                    "role",
                    "VIEWER",
                    "version",
                    "" + me.version());
            assertThat(demote.getStatusCode()).isEqualTo(400);
            assertThat(demote.getContentAsString()).contains("The last owner cannot be demoted");

            WebResponse invite =
                    alice.post("/teams/" + teamId + "/invitations", "invitee", "<script>", "role", "EDITOR");
            assertThat(invite.getStatusCode()).isEqualTo(400);
            assertThat(invite.getContentAsString()).contains("id=\"invitee-error\"", "value=\"&lt;script&gt;\"");

            WebResponse stale = alice.post("/teams/" + teamId + "/rename", "name", "New name", "version", "99");
            assertThat(stale.getStatusCode()).isEqualTo(409);
            assertThat(stale.getContentAsString()).contains("Someone renamed the team", "value=\"New name\"");
            assertThat(team(alice).team().name()).isEqualTo("Alice's team");
        }
    }

    @Test
    void everyTeamRouteAnswers404ForAnotherTeamAndChangesNothing() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession bob = UserSession.logInNew(root, "Bob")) {
            long teamId = team(alice).team().id();
            Member owner = member(alice, teamId, alice);
            alice.post("/teams/" + teamId + "/invitations", "invitee", "dave@example.com", "role", "EDITOR");
            long invitationId =
                    teams.pendingInvitations(user(alice).id(), teamId).get(0).id();
            String m = "/teams/" + teamId + "/members/" + owner.membershipId();

            assertThat(bob.getStatus("/teams/" + teamId)).isEqualTo(404);
            for (WebResponse r : List.of(
                    bob.post("/teams/" + teamId + "/switch"),
                    bob.post("/teams/" + teamId + "/rename", "name", "Mine", "version", "0"),
                    bob.post("/teams/" + teamId + "/invitations", "invitee", "eve@example.com", "role", "OWNER"),
                    bob.post("/teams/" + teamId + "/invitations/" + invitationId + "/revoke"),
                    bob.post(m + "/role", "role", "VIEWER", "version", "" + owner.version()),
                    bob.post(m + "/remove"),
                    bob.post("/teams/" + teamId + "/leave"),
                    // Another team's membership addressed through one's own team is not found either.
                    bob.post("/teams/" + team(bob).team().id() + "/members/" + owner.membershipId() + "/remove"))) {
                assertThat(r.getStatusCode()).isEqualTo(404);
                assertThat(r.getContentAsString())
                        .contains("There is nothing here")
                        .doesNotContain("Alice");
            }
            assertThat(team(alice).team().name()).isEqualTo("Alice's team");
            assertThat(teams.members(user(alice).id(), teamId))
                    .extracting(Member::role)
                    .containsExactly(Role.OWNER);
            assertThat(teams.pendingInvitations(user(alice).id(), teamId)).hasSize(1);
            assertThat(teams.teamsOf(user(bob).id())).hasSize(1);
        }
    }

    @Test
    void aDoubleSubmitOfTheNewTeamFormCreatesOneTeam() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            String token = alice.formToken("/teams", "/teams");

            WebResponse first = alice.post("/teams", "name", "Desk", "formToken", token);
            WebResponse second = alice.post("/teams", "name", "Desk", "formToken", token);

            assertThat(first.getResponseHeaderValue("Location")).endsWith("?flash=team-created");
            assertThat(second.getStatusCode()).isEqualTo(303);
            assertThat(second.getResponseHeaderValue("Location")).endsWith("/teams?flash=already-saved");
            assertThat(teams.teamsOf(user(alice).id()))
                    .extracting(t -> t.team().name())
                    .containsExactly(user(alice).displayName() + "'s team", "Desk");
        }
    }

    @Test
    void aDoubleSubmitOfTheInvitationFormInvitesOnceAndTheSecondAnswerIsAlreadyDone() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = team(alice).team().id();
            String action = "/teams/" + teamId + "/invitations";
            String token = alice.formToken("/teams/" + teamId, action);

            WebResponse first = alice.post(action, "invitee", "dora@example.com", "role", "EDITOR", "formToken", token);
            WebResponse second =
                    alice.post(action, "invitee", "dora@example.com", "role", "EDITOR", "formToken", token);

            assertThat(first.getResponseHeaderValue("Location")).endsWith("/teams/" + teamId + "?flash=invited");
            assertThat(second.getStatusCode()).isEqualTo(303);
            assertThat(second.getResponseHeaderValue("Location")).endsWith("/teams/" + teamId + "?flash=already-saved");
            assertThat(teams.pendingInvitations(user(alice).id(), teamId))
                    .singleElement()
                    .satisfies(i -> assertThat(i.invitee()).isEqualTo("dora@example.com"));
            assertThat(audit.teamTrail(teamId))
                    .filteredOn(
                            e -> e.action().equals("CREATE") && e.objectType().equals("INVITATION"))
                    .hasSize(1);
            // A fresh form (new token) for the same person is still told they are invited already.
            WebResponse again = alice.post(
                    action,
                    "invitee",
                    "dora@example.com",
                    "role",
                    "EDITOR",
                    "formToken",
                    alice.formToken("/teams/" + teamId, action));
            assertThat(again.getStatusCode()).isEqualTo(400);
            assertThat(again.getContentAsString()).contains("has already been invited");
        }
    }

    @Test
    void aRefusedInvitationKeepsItsFormTokenSoTheCorrectedFormStillSavesOnce() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = team(alice).team().id();
            String action = "/teams/" + teamId + "/invitations";
            String token = alice.formToken("/teams/" + teamId, action);

            WebResponse refused =
                    alice.post(action, "invitee", "not an address!", "role", "EDITOR", "formToken", token);
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getContentAsString()).contains("name=\"formToken\" value=\"" + token + "\"");

            assertThat(alice.post(action, "invitee", "erin@example.com", "role", "VIEWER", "formToken", token)
                            .getResponseHeaderValue("Location"))
                    .endsWith("?flash=invited");
            assertThat(alice.post(action, "invitee", "erin@example.com", "role", "VIEWER", "formToken", token)
                            .getResponseHeaderValue("Location"))
                    .endsWith("?flash=already-saved");
            assertThat(teams.pendingInvitations(user(alice).id(), teamId)).hasSize(1);
        }
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRejectedAndSavesNothing() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long teamId = team(alice).team().id();
            WebResponse r = alice.postWithoutCsrf("/teams/" + teamId + "/rename", "name", "Forged", "version", "0");
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(alice.postWithoutCsrf("/teams", "name", "Forged team").getStatusCode())
                    .isEqualTo(400);
            assertThat(team(alice).team().name()).isEqualTo("Alice's team");
            assertThat(teams.teamsOf(user(alice).id())).hasSize(1);
        }
    }

    private Member member(UserSession owner, long teamId, UserSession who) {
        long id = user(who).id();
        return teams.members(user(owner).id(), teamId).stream()
                .filter(m -> m.userId() == id)
                .findFirst()
                .orElseThrow();
    }
}
