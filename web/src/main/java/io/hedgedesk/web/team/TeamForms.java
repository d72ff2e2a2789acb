package io.hedgedesk.web.team;

import org.jboss.resteasy.reactive.RestForm;

/** The request bodies of the team pages. Ids come from the path; a version is compared, never assigned. */
public final class TeamForms {

  private TeamForms() {
  }

  public record NameForm(@RestForm String name, @RestForm Long version) {
  }

  public record InviteForm(@RestForm String invitee, @RestForm String role) {
  }

  public record RoleForm(@RestForm String role, @RestForm Long version) {
  }

  /** What the user typed into the team page's forms, to show again after an error. */
  public record Typed(String name, String invitee, String inviteRole) {
    static final Typed NONE = new Typed(null, "", "VIEWER");
  }
}
