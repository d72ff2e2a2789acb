package io.hedgedesk.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A person known to hedgedesk, provisioned at their first login. */
public record AppUser(
        long id,
        String issuer,
        String subject,
        String username,
        Optional<String> email,
        String displayName,
        Instant createdAt,
        Instant lastSeenAt) {

    public AppUser {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
