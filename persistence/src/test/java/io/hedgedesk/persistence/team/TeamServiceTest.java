package io.hedgedesk.persistence.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.team.Member;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.team.Team;
import io.hedgedesk.domain.team.TeamRuleException;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.TestUsers;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamServiceTest {

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teams;

    @Inject
    AuditLog audit;

    private AppUser login(String name) {
        AppUser user = TestUsers.create(users, name);
        teams.onLogin(user);
        return user;
    }

    @Test
    @TestTransaction
    void firstLoginCreatesAPersonalTeamOwnedByTheUserAndASecondLoginDoesNot() {
        AppUser alice = login("Alice");
        teams.onLogin(alice);

        assertThat(teams.teamsOf(alice.id())).singleElement().satisfies(t -> {
            assertThat(t.team().name()).isEqualTo("Alice's team");
            assertThat(t.team().personal()).isTrue();
            assertThat(t.role()).isEqualTo(Role.OWNER);
            assertThat(t.current()).isTrue();
        });
        assertThat(audit.teamTrail(teams.currentTeam(alice.id()).team().id()))
                .extracting(e -> e.objectType() + " " + e.action())
                .containsExactly("MEMBERSHIP ADD");
    }

    @Test
    @TestTransaction
    void aSecondSubmitOfTheCreateTeamFormSavesNothing() {
        AppUser alice = login("Alice");
        UUID token = UUID.randomUUID();
        teams.create(alice.id(), token, "Desk");

        assertThatThrownBy(() -> teams.create(alice.id(), token, "Desk"))
                .isInstanceOf(DuplicateSubmissionException.class);
        // Same name with a new form: a second team (names need not be unique).
        teams.create(alice.id(), UUID.randomUUID(), "Desk");
        assertThat(teams.teamsOf(alice.id()))
                .extracting(t -> t.team().name())
                .containsExactly("Alice's team", "Desk", "Desk");
    }

    @Test
    @TestTransaction
    void anInvalidNameDoesNotUseUpTheFormToken() {
        AppUser alice = login("Alice");
        UUID token = UUID.randomUUID();
        assertThatThrownBy(() -> teams.create(alice.id(), token, " ")).isInstanceOf(TeamRuleException.class);

        assertThat(teams.create(alice.id(), token, "Desk").name()).isEqualTo("Desk");
    }

    @Test
    @TestTransaction
    void anInvitationByEmailIsClaimedAtTheInviteesFirstLogin() {
        AppUser alice = login("Alice");
        long team = teams.currentTeam(alice.id()).team().id();
        String email = "carol-" + UUID.randomUUID() + "@Example.com";
        teams.invite(alice.id(), team, UUID.randomUUID(), email, Role.EDITOR);

        AppUser carol = users.provision(new OidcIdentity(
                "https://idp.test",
                UUID.randomUUID().toString(),
                "carol" + UUID.randomUUID(),
                Optional.of(email.toUpperCase()),
                "Carol"));
        teams.onLogin(carol);

        assertThat(teams.teamsOf(carol.id()))
                .extracting(t -> t.team().id() + ":" + t.role())
                .containsExactly(team + ":EDITOR");
        assertThat(teams.pendingInvitations(alice.id(), team)).isEmpty();
    }

    @Test
    @TestTransaction
    void anExistingUserInvitedByUsernameJoinsAtTheirNextLoginAndCanSwitchTeams() {
        AppUser alice = login("Alice");
        AppUser bob = login("Bob");
        long aliceTeam = teams.currentTeam(alice.id()).team().id();
        long bobTeam = teams.currentTeam(bob.id()).team().id();
        teams.invite(alice.id(), aliceTeam, UUID.randomUUID(), bob.username().toUpperCase(), Role.VIEWER);
        assertThat(teams.teamsOf(bob.id())).hasSize(1);

        teams.onLogin(bob);

        assertThat(teams.teamsOf(bob.id()))
                .extracting(TeamSummary::role)
                .containsExactlyInAnyOrder(Role.OWNER, Role.VIEWER);
        assertThat(teams.currentTeam(bob.id()).team().id()).isEqualTo(bobTeam);
        teams.switchTo(bob.id(), aliceTeam);
        assertThat(teams.currentTeam(bob.id()).team().id()).isEqualTo(aliceTeam);
        assertThat(teams.currentTeam(bob.id()).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    @TestTransaction
    void invitationsAreUniquePerTeamCaseInsensitivelyAndNotForMembers() {
        AppUser alice = login("Alice");
        long team = teams.currentTeam(alice.id()).team().id();
        teams.invite(alice.id(), team, UUID.randomUUID(), "Dave@example.com", Role.VIEWER);

        assertThatThrownBy(() -> teams.invite(alice.id(), team, UUID.randomUUID(), "dave@EXAMPLE.com", Role.EDITOR))
                .isInstanceOf(TeamRuleException.class)
                .extracting("field")
                .isEqualTo("invitee");
        assertThatThrownBy(() -> teams.invite(alice.id(), team, UUID.randomUUID(), alice.username(), Role.EDITOR))
                .isInstanceOf(TeamRuleException.class)
                .hasMessageContaining("already a member");
        assertThatThrownBy(() -> teams.invite(alice.id(), team, UUID.randomUUID(), "not an address!", Role.EDITOR))
                .isInstanceOf(TeamRuleException.class);
    }

    @Test
    @TestTransaction
    void theLastOwnerCannotBeDemotedRemovedOrLeave() {
        AppUser alice = login("Alice");
        long team = teams.currentTeam(alice.id()).team().id();
        Member owner = teams.members(alice.id(), team).get(0);

        assertThatThrownBy(() -> teams.changeRole(alice.id(), team, owner.membershipId(), owner.version(), Role.EDITOR))
                .isInstanceOf(TeamRuleException.class)
                .hasMessageContaining("last owner");
        assertThatThrownBy(() -> teams.leave(alice.id(), team)).isInstanceOf(TeamRuleException.class);
        assertThatThrownBy(() -> teams.removeMember(alice.id(), team, owner.membershipId()))
                .isInstanceOf(TeamRuleException.class);
        assertThat(teams.members(alice.id(), team)).extracting(Member::role).containsExactly(Role.OWNER);
    }

    @Test
    @TestTransaction
    void ownersChangeRolesAndRemoveMembersOnceAnotherOwnerExists() {
        AppUser alice = login("Alice");
        AppUser bob = login("Bob");
        long team = teams.currentTeam(alice.id()).team().id();
        teams.invite(alice.id(), team, UUID.randomUUID(), bob.username(), Role.EDITOR);
        teams.onLogin(bob);
        Member bobMember = teams.members(alice.id(), team).stream()
                .filter(m -> m.userId() == bob.id())
                .findFirst()
                .orElseThrow();

        teams.changeRole(alice.id(), team, bobMember.membershipId(), bobMember.version(), Role.OWNER);
        teams.leave(alice.id(), team);

        assertThat(teams.members(bob.id(), team)).extracting(Member::userId).containsExactly(bob.id());
        assertThatThrownBy(() -> teams.members(alice.id(), team)).isInstanceOf(NotFoundException.class);
        assertThat(audit.teamTrail(team))
                .extracting(e -> e.objectType() + " " + e.action())
                .contains("MEMBERSHIP CHANGE_ROLE", "MEMBERSHIP LEAVE", "INVITATION CREATE", "INVITATION CLAIM");
    }

    @Test
    @TestTransaction
    void renameNeedsOwnerAndTheCurrentVersion() {
        AppUser alice = login("Alice");
        AppUser bob = login("Bob");
        Team team = teams.currentTeam(alice.id()).team();
        teams.invite(alice.id(), team.id(), UUID.randomUUID(), bob.username(), Role.EDITOR);
        teams.onLogin(bob);

        Team renamed = teams.rename(alice.id(), team.id(), team.version(), "  Desk  ");
        assertThat(renamed.name()).isEqualTo("Desk");

        assertThatThrownBy(() -> teams.rename(alice.id(), team.id(), team.version(), "Other"))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> teams.rename(bob.id(), team.id(), renamed.version(), "Bob's"))
                .isInstanceOf(RoleRefusedException.class);
        assertThatThrownBy(() -> teams.rename(alice.id(), team.id(), renamed.version(), " "))
                .isInstanceOf(TeamRuleException.class);
        assertThat(teams.team(alice.id(), team.id()).team().name()).isEqualTo("Desk");
    }

    @Test
    @TestTransaction
    void anotherTeamIsNotFoundForEveryOperation() {
        AppUser alice = login("Alice");
        AppUser mallory = login("Mallory");
        long team = teams.currentTeam(alice.id()).team().id();
        Member owner = teams.members(alice.id(), team).get(0);

        assertThatThrownBy(() -> teams.team(mallory.id(), team)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.members(mallory.id(), team)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.switchTo(mallory.id(), team)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.rename(mallory.id(), team, 0, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.invite(mallory.id(), team, UUID.randomUUID(), "x@example.com", Role.OWNER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.changeRole(mallory.id(), team, owner.membershipId(), 0, Role.VIEWER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.removeMember(mallory.id(), team, owner.membershipId()))
                .isInstanceOf(NotFoundException.class);
        long malloryTeam = teams.currentTeam(mallory.id()).team().id();
        assertThatThrownBy(() -> teams.removeMember(mallory.id(), malloryTeam, owner.membershipId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(teams.members(alice.id(), team)).hasSize(1);
    }

    /** Two first requests of a new user at the same moment create one personal team, not two. */
    @Test
    void concurrentFirstRequestsCreateOnePersonalTeam() throws Exception {
        AppUser carol = TestUsers.create(users, "Carol");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await();
                teams.onLogin(carol);
                return true;
            });
            var second = pool.submit(() -> {
                start.await();
                teams.onLogin(carol);
                return true;
            });
            start.countDown();
            assertThat(first.get()).isTrue();
            assertThat(second.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(teams.teamsOf(carol.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.team().personal()).isTrue());
    }
}
