package io.hedgedesk.web.team;

import io.hedgedesk.domain.team.Role;
import io.hedgedesk.domain.team.Team;
import io.hedgedesk.domain.team.TeamRuleException;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.web.security.SecurityLog;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Teams, members and invitations. Thin: bind, call the service (which authorizes from the database), render. */
@Path("/teams")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TeamResource {

    private static final Logger LOG = Logger.getLogger(TeamResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Viewer viewer,
                List<TeamSummary> teams,
                String flash,
                String name,
                String formToken,
                Map<String, String> errors);

        static native TemplateInstance detail(
                Viewer viewer,
                TeamPage page,
                String flash,
                TeamForms.Typed typed,
                String inviteToken,
                Map<String, String> errors);
    }

    private final CurrentUser currentUser;
    private final TeamService teams;
    private final AuditLog audit;
    private final FormTokens formTokens;

    private final OnceKey once;

    public TeamResource(
            CurrentUser currentUser, TeamService teams, AuditLog audit, FormTokens formTokens, OnceKey once) {
        this.once = once;
        this.currentUser = currentUser;
        this.teams = teams;
        this.audit = audit;
        this.formTokens = formTokens;
    }

    @GET
    public TemplateInstance list(@RestQuery String flash) {
        return Templates.list(
                currentUser.viewer(),
                teams.teamsOf(currentUser.id()),
                Flash.message(flash),
                "",
                once.token(),
                Map.of());
    }

    /** The form's single-use token makes a double submit create one team (the second lands on the list). */
    @POST
    public Response create(@RestForm String name, @RestForm String formToken) {
        UUID token = FormTokens.parse(formToken);
        try {
            Team team = teams.create(currentUser.id(), token, name);
            return Flash.redirect("/teams/" + team.id(), "team-created");
        } catch (TeamRuleException e) {
            return invalid(
                    e,
                    Templates.list(
                            currentUser.viewer(),
                            teams.teamsOf(currentUser.id()),
                            "",
                            name,
                            token.toString(),
                            Map.of(e.field(), e.getMessage())));
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/teams", "already-saved");
        }
    }

    @GET
    @Path("{teamId}")
    public TemplateInstance detail(@RestPath long teamId, @RestQuery String flash) {
        TeamPage page = page(teamId);
        return Templates.detail(
                currentUser.viewer(),
                page,
                Flash.message(flash),
                typed(page, TeamForms.Typed.NONE),
                once.token(),
                Map.of());
    }

    @POST
    @Path("{teamId}/switch")
    public Response switchTo(@RestPath long teamId) {
        teams.switchTo(currentUser.id(), teamId);
        return Flash.redirect("/portfolios", "team-switched");
    }

    @POST
    @Path("{teamId}/rename")
    public Response rename(@RestPath long teamId, @BeanParam TeamForms.NameForm form) {
        TeamForms.Typed typed = new TeamForms.Typed(form.name(), "", "VIEWER");
        try {
            teams.rename(currentUser.id(), teamId, version(form.version()), form.name());
            return Flash.redirect("/teams/" + teamId, "team-renamed");
        } catch (TeamRuleException e) {
            return invalid(e, detailPage(teamId, typed, Map.of("name", e.getMessage())));
        } catch (StaleEditException e) {
            String current = teams.team(currentUser.id(), teamId).team().name();
            return Response.status(409)
                    .entity(detailPage(
                            teamId,
                            typed,
                            Map.of(
                                    "name",
                                    "Someone renamed the team while you were typing; it is now called \"" + current
                                            + "\". Your name is kept below: save again to replace it.")))
                    .build();
        }
    }

    /** The form's single-use token makes a double submit invite once (the second lands on the team page). */
    @POST
    @Path("{teamId}/invitations")
    public Response invite(@RestPath long teamId, @BeanParam TeamForms.InviteForm form) {
        TeamForms.Typed typed = new TeamForms.Typed(null, form.invitee(), form.role());
        UUID token = FormTokens.parse(form.formToken());
        try {
            Role role = Role.parse(form.role());
            teams.invite(currentUser.id(), teamId, token, form.invitee(), role);
            // The invitee (an e-mail address or a username) stays in the team's audit trail, not in the log.
            securityEvent("team-invitation", "team", teamId, "role", role);
            return Flash.redirect("/teams/" + teamId, "invited");
        } catch (TeamRuleException e) {
            return invalid(e, detailPage(teamId, typed, token.toString(), Map.of(e.field(), e.getMessage())));
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/teams/" + teamId, "already-saved");
        }
    }

    @POST
    @Path("{teamId}/invitations/{invitationId}/revoke")
    public Response revoke(@RestPath long teamId, @RestPath long invitationId) {
        teams.revokeInvitation(currentUser.id(), teamId, invitationId);
        securityEvent("team-invitation-revoked", "team", teamId, "invitation", invitationId);
        return Flash.redirect("/teams/" + teamId, "invitation-revoked");
    }

    @POST
    @Path("{teamId}/members/{membershipId}/role")
    public Response changeRole(@RestPath long teamId, @RestPath long membershipId, @BeanParam TeamForms.RoleForm form) {
        try {
            Role role = Role.parse(form.role());
            teams.changeRole(currentUser.id(), teamId, membershipId, version(form.version()), role);
            securityEvent("team-role-changed", "team", teamId, "membership", membershipId, "role", role);
            return Flash.redirect("/teams/" + teamId, "role-changed");
        } catch (TeamRuleException e) {
            return invalid(e, detailPage(teamId, TeamForms.Typed.NONE, Map.of("members", e.getMessage())));
        } catch (StaleEditException e) {
            return Response.status(409)
                    .entity(
                            detailPage(
                                    teamId,
                                    TeamForms.Typed.NONE,
                                    Map.of(
                                            "members",
                                            "This member's role was changed by someone else meanwhile; the current roles are shown. Nothing was saved.")))
                    .build();
        }
    }

    @POST
    @Path("{teamId}/members/{membershipId}/remove")
    public Response remove(@RestPath long teamId, @RestPath long membershipId) {
        try {
            teams.removeMember(currentUser.id(), teamId, membershipId);
            securityEvent("team-member-removed", "team", teamId, "membership", membershipId);
            return Flash.redirect("/teams/" + teamId, "member-removed");
        } catch (TeamRuleException e) {
            return invalid(e, detailPage(teamId, TeamForms.Typed.NONE, Map.of("members", e.getMessage())));
        }
    }

    @POST
    @Path("{teamId}/leave")
    public Response leave(@RestPath long teamId) {
        try {
            teams.leave(currentUser.id(), teamId);
            securityEvent("team-left", "team", teamId);
            return Flash.redirect("/teams", "left");
        } catch (TeamRuleException e) {
            return invalid(e, detailPage(teamId, TeamForms.Typed.NONE, Map.of("members", e.getMessage())));
        }
    }

    private TemplateInstance detailPage(long teamId, TeamForms.Typed typed, Map<String, String> errors) {
        return detailPage(teamId, typed, formTokens.issue().toString(), errors);
    }

    /** The team page again; the invitation form keeps {@code inviteToken} (its failed submission saved nothing). */
    private TemplateInstance detailPage(
            long teamId, TeamForms.Typed typed, String inviteToken, Map<String, String> errors) {
        TeamPage page = page(teamId);
        return Templates.detail(currentUser.viewer(), page, "", typed(page, typed), inviteToken, errors);
    }

    /** The rename field shows what was typed, or else the current name. */
    private static TeamForms.Typed typed(TeamPage page, TeamForms.Typed typed) {
        return typed.name() != null
                ? typed
                : new TeamForms.Typed(page.summary().team().name(), typed.invitee(), typed.inviteRole());
    }

    private TeamPage page(long teamId) {
        long userId = currentUser.id();
        TeamSummary summary = teams.team(userId, teamId);
        return new TeamPage(
                summary,
                teams.members(userId, teamId),
                teams.pendingInvitations(userId, teamId),
                audit.teamTrail(teamId),
                userId);
    }

    private Response invalid(TeamRuleException e, TemplateInstance page) {
        LOG.infof("Team input refused for user %d: %s", currentUser.id(), e.field());
        return Response.status(400).entity(page).build();
    }

    /** A change of who may do what in a team: a security event with the acting user. */
    private void securityEvent(String event, Object... fields) {
        Object[] all = new Object[fields.length + 4];
        all[0] = "user";
        all[1] = currentUser.get().username();
        all[2] = "uid";
        all[3] = currentUser.id();
        System.arraycopy(fields, 0, all, 4, fields.length);
        SecurityLog.info(event, all);
    }

    /** A missing or malformed version is treated as stale: it can never match a stored one. */
    private static long version(Long submitted) {
        return submitted == null ? -1 : submitted;
    }
}
