package io.hedgedesk.web.support;

import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import java.util.UUID;

/** Test set-up through the services: who a session is, their team, and joining another team. */
public record Teams(AppUserRepository users, TeamService teams) {

    public AppUser user(UserSession s) {
        return users.findByIssuerAndSubject(UserSession.ISSUER, s.subject).orElseThrow();
    }

    public long teamOf(UserSession s) {
        return teams.currentTeam(user(s).id()).team().id();
    }

    /** The owner invites the member; the member's next page load claims the invitation. */
    public void join(UserSession owner, UserSession member, Role role) throws Exception {
        teams.invite(user(owner).id(), teamOf(owner), UUID.randomUUID(), member.username, role);
        member.page("/teams");
    }
}
