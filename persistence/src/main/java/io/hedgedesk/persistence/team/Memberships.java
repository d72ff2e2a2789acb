package io.hedgedesk.persistence.team;

import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Memberships: the one place that answers "what may this user do in this team", read from the database. */
@ApplicationScoped
public class Memberships implements PanacheRepository<MembershipEntity> {

    public Optional<MembershipEntity> of(long userId, long teamId) {
        return find("userId = ?1 and teamId = ?2", userId, teamId).firstResultOptional();
    }

    /** The user's role in the team; {@link NotFoundException} when they are not a member. */
    public Role roleIn(long userId, long teamId) {
        return of(userId, teamId).map(m -> m.role).orElseThrow(() -> new NotFoundException("team", teamId));
    }

    /** The role, which must allow editing the team's portfolios; otherwise {@link RoleRefusedException}. */
    public Role requireEditor(long userId, long teamId, String action) {
        Role role = roleIn(userId, teamId);
        if (!role.canEdit()) {
            throw new RoleRefusedException(role, action);
        }
        return role;
    }

    /** The role, which must be owner; otherwise {@link RoleRefusedException}. */
    public Role requireOwner(long userId, long teamId, String action) {
        Role role = roleIn(userId, teamId);
        if (!role.canManageTeam()) {
            throw new RoleRefusedException(role, action);
        }
        return role;
    }

    public List<MembershipEntity> ofUser(long userId) {
        return list("userId = ?1 order by id", userId);
    }

    public long owners(long teamId) {
        return count("teamId = ?1 and role = ?2", teamId, Role.OWNER);
    }
}
