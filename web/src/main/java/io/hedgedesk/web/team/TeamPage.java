package io.hedgedesk.web.team;

import io.hedgedesk.domain.portfolio.AuditEvent;
import io.hedgedesk.domain.team.Invitation;
import io.hedgedesk.domain.team.Member;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.team.TeamSummary;
import java.util.List;

/**
 * Everything the team page shows.
 *
 * @param summary     the team and the viewer's role
 * @param members     its members
 * @param invitations pending invitations
 * @param trail       team-level audit events, newest first
 * @param userId      the viewer's user id (to mark "you")
 */
public record TeamPage(
        TeamSummary summary, List<Member> members, List<Invitation> invitations, List<AuditEvent> trail, long userId) {

    public List<Role> roles() {
        return List.of(Role.values());
    }

    public boolean owner() {
        return summary.role().canManageTeam();
    }
}
