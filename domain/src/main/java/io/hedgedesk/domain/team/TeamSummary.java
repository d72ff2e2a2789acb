package io.hedgedesk.domain.team;

import java.util.Objects;

/**
 * One of the current user's teams, with their role in it.
 *
 * @param team    the team
 * @param role    the user's role
 * @param current whether this is the team the user is working in
 */
public record TeamSummary(Team team, Role role, boolean current) {

    public TeamSummary {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(role, "role");
    }
}
