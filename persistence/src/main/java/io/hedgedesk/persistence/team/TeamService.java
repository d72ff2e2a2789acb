package io.hedgedesk.persistence.team;

import io.hedgedesk.domain.team.Invitation;
import io.hedgedesk.domain.team.Member;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.team.Team;
import io.hedgedesk.domain.team.TeamRuleException;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.Flush;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.user.AppUserEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Teams, memberships and invitations. Every operation takes the acting user's id, checks their role in the
 * database, runs in one transaction and writes its audit event in it. Objects of teams the actor is not in are
 * {@link NotFoundException}s.
 *
 * <p>Reads run in a transaction too, so each call sees the committed state rather than a request-long cache.
 */
@ApplicationScoped
@Transactional
public class TeamService {

    private final Memberships memberships;
    private final AuditLog audit;
    private final FormTokens formTokens;
    private final Clock clock;

    public TeamService(Memberships memberships, AuditLog audit, FormTokens formTokens, Clock clock) {
        this.memberships = memberships;
        this.audit = audit;
        this.formTokens = formTokens;
        this.clock = clock;
    }

    /**
     * Run at each login (and cheap enough to run on each request): a user without any team gets a personal team of
     * which they are the owner, and pending invitations naming their username or e-mail address are claimed.
     */
    @Transactional
    public void onLogin(AppUser user) {
        if (!somethingToDo(user)) {
            return;
        }
        // Two first requests of one user may arrive together: the user's row serializes them.
        em().find(AppUserEntity.class, user.id(), LockModeType.PESSIMISTIC_WRITE);
        for (InvitationEntity invitation : pendingFor(user)) {
            claim(invitation, user.id());
        }
        if (memberships.count("userId", user.id()) == 0) {
            TeamEntity team = newTeam(user.displayName() + "'s team", true);
            addMember(team.id, user.id(), Role.OWNER, user.id());
        }
    }

    /**
     * SQL condition on {@code u} (an {@code app_user} row): the user has a pending invitation naming their username or
     * e-mail address, or no team yet — what {@link #onLogin} has to act on. Shared with {@link UserSignIn}, which
     * evaluates it with the user's lookup on every request.
     */
    static final String NEEDS_ONBOARDING = """
      (exists (select 1 from invitation i where i.claimed_at is null
               and lower(i.invitee) in (lower(u.username), lower(coalesce(u.email, u.username))))
       or not exists (select 1 from membership m where m.user_id = u.id))""";

    /** Whether the user has no team or a pending invitation: one query. */
    private boolean somethingToDo(AppUser user) {
        Object answer = em().createNativeQuery("select " + NEEDS_ONBOARDING + " from app_user u where u.id = ?1")
                .setParameter(1, user.id())
                .getSingleResult();
        return Boolean.TRUE.equals(answer);
    }

    private static List<String> names(AppUser user) {
        List<String> names = new ArrayList<>();
        names.add(user.username().toLowerCase(Locale.ROOT));
        user.email().ifPresent(e -> names.add(e.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Pending invitations naming the user's username or e-mail address (case-insensitive). */
    private List<InvitationEntity> pendingFor(AppUser user) {
        return em().createQuery(
                        "from InvitationEntity i where i.claimedAt is null and lower(i.invitee) in ?1 order by i.id",
                        InvitationEntity.class)
                .setParameter(1, names(user))
                .getResultList();
    }

    private void claim(InvitationEntity invitation, long userId) {
        invitation.claimedAt = clock.instant();
        invitation.claimedBy = userId;
        if (memberships.of(userId, invitation.teamId).isEmpty()) {
            addMember(invitation.teamId, userId, invitation.role, userId);
        }
        audit.record(
                invitation.teamId,
                null,
                userId,
                "INVITATION",
                invitation.id,
                "CLAIM",
                null,
                Map.of("invitee", invitation.invitee, "role", invitation.role.name()));
    }

    /**
     * Creates a team with the actor as its owner, and makes it their current team. Team names need not be unique, so
     * only the single-use form token tells a double submit from a second team: the second submission is a
     * {@link io.hedgedesk.persistence.DuplicateSubmissionException} and saves nothing.
     */
    @Transactional
    public Team create(long actorId, UUID formToken, String name) {
        String valid = Team.requireName(name);
        formTokens.consume(formToken, actorId);
        TeamEntity team = newTeam(valid, false);
        addMember(team.id, actorId, Role.OWNER, actorId);
        setCurrent(actorId, team.id);
        return team.toDomain();
    }

    /** The user's teams with their role in each, the current one marked. */
    public List<TeamSummary> teamsOf(long userId) {
        long current = currentTeamId(userId);
        List<Object[]> rows = em().createQuery(
                        "select t, m.role from TeamEntity t, MembershipEntity m where m.teamId = t.id and m.userId = ?1 "
                                + "order by lower(t.name), t.id",
                        Object[].class)
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(r ->
                        new TeamSummary(((TeamEntity) r[0]).toDomain(), (Role) r[1], ((TeamEntity) r[0]).id == current))
                .toList();
    }

    /** The team the user works in: the one they switched to, else the first they joined. */
    public TeamSummary currentTeam(long userId) {
        return teamsOf(userId).stream()
                .filter(TeamSummary::current)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("current team of user", userId));
    }

    private long currentTeamId(long userId) {
        List<?> chosen = em().createNativeQuery(
                        "select c.team_id from user_current_team c join membership m on m.team_id = c.team_id and m.user_id = c.user_id "
                                + "where c.user_id = ?1")
                .setParameter(1, userId)
                .getResultList();
        if (!chosen.isEmpty()) {
            return ((Number) chosen.get(0)).longValue();
        }
        return memberships.ofUser(userId).stream()
                .findFirst()
                .map(m -> m.teamId)
                .orElse(0L);
    }

    /** Makes a team the user's current team; they must be a member. */
    @Transactional
    public void switchTo(long userId, long teamId) {
        memberships.roleIn(userId, teamId);
        setCurrent(userId, teamId);
    }

    private void setCurrent(long userId, long teamId) {
        em().createNativeQuery("insert into user_current_team (user_id, team_id) values (?1, ?2) "
                        + "on conflict (user_id) do update set team_id = excluded.team_id")
                .setParameter(1, userId)
                .setParameter(2, teamId)
                .executeUpdate();
    }

    /** A team the user is a member of, with their role. */
    public TeamSummary team(long userId, long teamId) {
        Role role = memberships.roleIn(userId, teamId);
        TeamEntity team = em().find(TeamEntity.class, teamId);
        return new TeamSummary(team.toDomain(), role, currentTeamId(userId) == teamId);
    }

    public List<Member> members(long userId, long teamId) {
        memberships.roleIn(userId, teamId);
        List<Object[]> rows = em().createQuery(
                        "select m, u from MembershipEntity m, AppUserEntity u where u.id = m.userId and m.teamId = ?1 "
                                + "order by m.role, lower(u.displayName), u.id",
                        Object[].class)
                .setParameter(1, teamId)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    MembershipEntity m = (MembershipEntity) r[0];
                    AppUserEntity u = (AppUserEntity) r[1];
                    return new Member(m.id, m.userId, u.username, u.displayName, m.role, m.version);
                })
                .toList();
    }

    public List<Invitation> pendingInvitations(long userId, long teamId) {
        memberships.roleIn(userId, teamId);
        List<Object[]> rows = em().createQuery(
                        "select i, u.displayName from InvitationEntity i, AppUserEntity u where u.id = i.invitedBy "
                                + "and i.teamId = ?1 and i.claimedAt is null order by i.id",
                        Object[].class)
                .setParameter(1, teamId)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    InvitationEntity i = (InvitationEntity) r[0];
                    return new Invitation(i.id, i.teamId, i.invitee, i.role, (String) r[1], i.createdAt);
                })
                .toList();
    }

    /** Owners rename; the submitted version must be the stored one. */
    @Transactional
    public Team rename(long actorId, long teamId, long expectedVersion, String name) {
        memberships.requireOwner(actorId, teamId, "rename the team");
        String newName = Team.requireName(name);
        TeamEntity team = em().find(TeamEntity.class, teamId);
        if (team.version != expectedVersion) {
            throw new StaleEditException("TEAM", teamId, expectedVersion);
        }
        String before = team.name;
        team.name = newName;
        Flush.orStale(em(), "TEAM", teamId, expectedVersion);
        audit.record(teamId, null, actorId, "TEAM", teamId, "RENAME", Map.of("name", before), Map.of("name", newName));
        return team.toDomain();
    }

    /**
     * Owners invite by username or e-mail address; the invitation is claimed at that person's next login. The form's
     * single-use token is consumed before the "already invited" check, so a double submit of the same form is a
     * {@link io.hedgedesk.persistence.DuplicateSubmissionException} (already done), not an "already invited" error.
     */
    @Transactional
    public Invitation invite(long actorId, long teamId, UUID formToken, String invitee, Role role) {
        memberships.requireOwner(actorId, teamId, "invite members");
        String who = Invitation.requireInvitee(invitee);
        lockTeam(teamId);
        formTokens.consume(formToken, actorId);
        Long alreadyMember = em().createQuery(
                        "select count(m) from MembershipEntity m, AppUserEntity u where u.id = m.userId and m.teamId = ?1 "
                                + "and (lower(u.username) = ?2 or lower(u.email) = ?2)",
                        Long.class)
                .setParameter(1, teamId)
                .setParameter(2, who)
                .getSingleResult();
        if (alreadyMember > 0) {
            throw new TeamRuleException("invitee", who + " is already a member of this team.");
        }
        Long pending = em().createQuery(
                        "select count(i) from InvitationEntity i where i.teamId = ?1 and i.claimedAt is null and lower(i.invitee) = ?2",
                        Long.class)
                .setParameter(1, teamId)
                .setParameter(2, who)
                .getSingleResult();
        if (pending > 0) {
            throw new TeamRuleException("invitee", who + " has already been invited.");
        }
        InvitationEntity i = new InvitationEntity();
        i.teamId = teamId;
        i.invitee = who;
        i.role = role;
        i.invitedBy = actorId;
        i.createdAt = clock.instant();
        em().persist(i);
        em().flush();
        audit.record(
                teamId, null, actorId, "INVITATION", i.id, "CREATE", null, Map.of("invitee", who, "role", role.name()));
        String inviter = em().find(AppUserEntity.class, actorId).displayName;
        return new Invitation(i.id, teamId, who, role, inviter, i.createdAt);
    }

    /** Owners withdraw a pending invitation. */
    @Transactional
    public void revokeInvitation(long actorId, long teamId, long invitationId) {
        memberships.requireOwner(actorId, teamId, "revoke invitations");
        InvitationEntity i = em().find(InvitationEntity.class, invitationId);
        if (i == null || i.teamId != teamId || i.claimedAt != null) {
            throw new NotFoundException("invitation", invitationId);
        }
        em().remove(i);
        audit.record(
                teamId,
                null,
                actorId,
                "INVITATION",
                invitationId,
                "REVOKE",
                Map.of("invitee", i.invitee, "role", i.role.name()),
                null);
    }

    /** Owners change a member's role; the last owner cannot be demoted. */
    @Transactional
    public void changeRole(long actorId, long teamId, long membershipId, long expectedVersion, Role role) {
        memberships.requireOwner(actorId, teamId, "change roles");
        lockTeam(teamId);
        MembershipEntity m = membership(teamId, membershipId);
        if (m.version != expectedVersion) {
            throw new StaleEditException("MEMBERSHIP", membershipId, expectedVersion);
        }
        if (m.role == Role.OWNER && role != Role.OWNER && memberships.owners(teamId) == 1) {
            throw new TeamRuleException("role", "The last owner cannot be demoted; make someone else owner first.");
        }
        Role before = m.role;
        m.role = role;
        Flush.orStale(em(), "MEMBERSHIP", membershipId, expectedVersion);
        audit.record(
                teamId,
                null,
                actorId,
                "MEMBERSHIP",
                membershipId,
                "CHANGE_ROLE",
                Map.of("userId", m.userId, "role", before.name()),
                Map.of("userId", m.userId, "role", role.name()));
    }

    /** Owners remove a member; the last owner cannot be removed. */
    @Transactional
    public void removeMember(long actorId, long teamId, long membershipId) {
        memberships.requireOwner(actorId, teamId, "remove members");
        lockTeam(teamId);
        removeMembership(actorId, teamId, membership(teamId, membershipId), "REMOVE");
    }

    /** Any member leaves; the last owner cannot leave. */
    @Transactional
    public void leave(long actorId, long teamId) {
        memberships.roleIn(actorId, teamId);
        lockTeam(teamId);
        removeMembership(actorId, teamId, memberships.of(actorId, teamId).orElseThrow(), "LEAVE");
    }

    private void removeMembership(long actorId, long teamId, MembershipEntity m, String action) {
        if (m.role == Role.OWNER && memberships.owners(teamId) == 1) {
            throw new TeamRuleException(
                    "member", "The last owner cannot leave or be removed; make someone else owner first.");
        }
        em().remove(m);
        audit.record(
                teamId,
                null,
                actorId,
                "MEMBERSHIP",
                m.id,
                action,
                Map.of("userId", m.userId, "role", m.role.name()),
                null);
    }

    private MembershipEntity membership(long teamId, long membershipId) {
        MembershipEntity m = em().find(MembershipEntity.class, membershipId);
        if (m == null || m.teamId != teamId) {
            throw new NotFoundException("membership", membershipId);
        }
        return m;
    }

    /** Serializes membership changes of one team, so two owners cannot demote each other at the same time. */
    private void lockTeam(long teamId) {
        em().find(TeamEntity.class, teamId, LockModeType.PESSIMISTIC_WRITE);
    }

    private TeamEntity newTeam(String name, boolean personal) {
        TeamEntity team = new TeamEntity();
        team.name = name.length() > Team.MAX_NAME ? name.substring(0, Team.MAX_NAME) : name;
        team.personal = personal;
        team.createdAt = clock.instant();
        em().persist(team);
        em().flush();
        return team;
    }

    private void addMember(long teamId, long userId, Role role, long actorId) {
        MembershipEntity m = new MembershipEntity();
        m.teamId = teamId;
        m.userId = userId;
        m.role = role;
        m.createdAt = clock.instant();
        em().persist(m);
        em().flush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("userId", userId);
        after.put("role", role.name());
        audit.record(teamId, null, actorId, "MEMBERSHIP", m.id, "ADD", null, after);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
