package io.hedgedesk.domain.team;

import java.util.Locale;

/** What a member may do in a team. Read from the database on every request, never from token claims. */
public enum Role {
    /** Manages the team (name, members, roles, invitations) and edits its portfolios. */
    OWNER,
    /** Edits the team's portfolios, holdings and prices. */
    EDITOR,
    /** Reads only. */
    VIEWER;

    public boolean canEdit() {
        return this != VIEWER;
    }

    public boolean canManageTeam() {
        return this == OWNER;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Parses a submitted role name; unknown names are a {@link TeamRuleException} naming the field. */
    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(value.strip())) {
                    return role;
                }
            }
        }
        throw new TeamRuleException("role", "role must be one of OWNER, EDITOR, VIEWER, was " + value);
    }
}
