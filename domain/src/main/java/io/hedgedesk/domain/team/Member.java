package io.hedgedesk.domain.team;

import java.util.Objects;

/**
 * A person's membership of a team.
 *
 * @param membershipId id of the membership row (what role changes and removals address)
 * @param userId       the member's user id
 * @param username     the member's username at the provider
 * @param displayName  the member's name
 * @param role         their role in the team
 * @param version      optimistic-lock version of the membership
 */
public record Member(long membershipId, long userId, String username, String displayName, Role role, long version) {

    public Member {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
