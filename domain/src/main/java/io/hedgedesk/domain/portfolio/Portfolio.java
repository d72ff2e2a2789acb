package io.hedgedesk.domain.portfolio;

import io.hedgedesk.domain.Text;

/**
 * A named set of holdings that belongs to one team.
 *
 * @param id      database id
 * @param teamId  the owning team
 * @param name    1-100 characters, trimmed
 * @param version optimistic-lock version
 */
public record Portfolio(long id, long teamId, String name, long version) {

    public static final int MAX_NAME = 100;

    public Portfolio {
        if (id <= 0 || teamId <= 0) {
            throw new IllegalArgumentException("id and teamId must be positive, were " + id + ", " + teamId);
        }
        name = requireName(name);
    }

    /** Validates a portfolio name: 1-100 characters after trimming. */
    public static String requireName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw InvalidHoldingException.of("name", "name must not be blank");
        }
        if (stripped.length() > MAX_NAME) {
            throw InvalidHoldingException.of("name", "name must be at most " + MAX_NAME + " characters");
        }
        if (Text.hasControlCharacters(stripped, false)) {
            throw InvalidHoldingException.of("name", "name must not contain control characters");
        }
        return stripped;
    }
}
