package io.hedgedesk.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Who logged in, as the OpenID provider states it. A user is identified by {@code (issuer, subject)} only:
 * usernames and e-mail addresses can change or be reused, so they are profile data, never keys.
 *
 * @param issuer      the {@code iss} claim of the ID token
 * @param subject     the {@code sub} claim of the ID token
 * @param username    {@code preferred_username}, falling back to the subject
 * @param email       {@code email}, if the provider shares it
 * @param displayName {@code name}, falling back to the username
 */
public record OidcIdentity(String issuer, String subject, String username, Optional<String> email, String displayName) {

    public static final int MAX_LENGTH = 255;

    public OidcIdentity {
        issuer = requireText(issuer, "issuer");
        subject = requireText(subject, "subject");
        username = requireText(username, "username");
        displayName = requireText(displayName, "displayName");
        Objects.requireNonNull(email, "email must be given (use Optional.empty())");
        email = email.map(String::strip).filter(e -> !e.isEmpty());
        email.ifPresent(e -> checkLength(e, "email"));
    }

    /** Builds an identity from raw claims, applying the documented fallbacks for missing profile claims. */
    public static OidcIdentity fromClaims(
            String issuer, String subject, String preferredUsername, String email, String name) {
        String username = isBlank(preferredUsername) ? subject : preferredUsername;
        String displayName = isBlank(name) ? username : name;
        return new OidcIdentity(issuer, subject, username, Optional.ofNullable(email), displayName);
    }

    private static String requireText(String value, String field) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        String stripped = value.strip();
        checkLength(stripped, field);
        return stripped;
    }

    private static void checkLength(String value, String field) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_LENGTH + " characters");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
