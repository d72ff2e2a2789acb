package io.hedgedesk.domain.team;

import io.hedgedesk.domain.Text;

/**
 * A group of people sharing portfolios.
 *
 * @param id       database id, positive
 * @param name     1-100 characters, trimmed
 * @param personal whether it was created for its first owner at their first login
 * @param version  optimistic-lock version
 */
public record Team(long id, String name, boolean personal, long version) {

    public static final int MAX_NAME = 100;

    public Team {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        name = requireName(name);
    }

    /** Validates a team name: 1-100 characters after trimming. */
    public static String requireName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new TeamRuleException("name", "name must not be blank");
        }
        if (stripped.length() > MAX_NAME) {
            throw new TeamRuleException(
                    "name", "name must be at most " + MAX_NAME + " characters, was " + stripped.length());
        }
        if (Text.hasControlCharacters(stripped, false)) {
            throw new TeamRuleException("name", "name must not contain control characters");
        }
        return stripped;
    }
}
