package io.hedgedesk.domain.team;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pending invitation to a team, claimed at the invitee's next login.
 *
 * @param id        database id
 * @param teamId    the team
 * @param invitee   a username or an e-mail address (matched case-insensitively)
 * @param role      the role the invitee gets
 * @param invitedBy display name of who invited
 * @param createdAt when
 */
public record Invitation(long id, long teamId, String invitee, Role role, String invitedBy, Instant createdAt) {

    public static final int MAX_INVITEE = 255;
    private static final Pattern INVITEE = Pattern.compile("[\\p{L}\\p{N}._@+-]+");

    public Invitation {
        invitee = requireInvitee(invitee);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Validates a username or e-mail address typed into the invitation form; returns it trimmed, lower-cased. */
    public static String requireInvitee(String invitee) {
        String stripped = invitee == null ? "" : invitee.strip().toLowerCase(Locale.ROOT);
        if (stripped.isEmpty()) {
            throw new TeamRuleException("invitee", "invitee must be a username or an e-mail address");
        }
        if (stripped.length() > MAX_INVITEE || !INVITEE.matcher(stripped).matches()) {
            throw new TeamRuleException(
                    "invitee",
                    "invitee must be a username or an e-mail address (letters, digits, . _ @ + -), at most "
                            + MAX_INVITEE + " characters");
        }
        return stripped;
    }
}
