package io.hedgedesk.web.team;

import org.jboss.resteasy.reactive.RestForm;

/** The request bodies of the team pages. Ids come from the path; a version is compared, never assigned. */
public final class TeamForms {

    private TeamForms() {}

    public record NameForm(@RestForm String name, @RestForm Long version) {}

    /** {@code formToken}: the invitation form's single-use token, so a double submit invites once. */
    public record InviteForm(
            @RestForm String invitee,
            @RestForm String role,
            @RestForm String formToken) {}

    public record RoleForm(@RestForm String role, @RestForm Long version) {}

    /** What the user typed into the team page's forms, to show again after an error. */
    public record Typed(String name, String invitee, String inviteRole) {
        static final Typed NONE = new Typed(null, "", "VIEWER");
    }
}
