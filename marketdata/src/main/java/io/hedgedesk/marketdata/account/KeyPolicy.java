package io.hedgedesk.marketdata.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys hedgedesk accepts: read-only ones. A key that can trade, withdraw or transfer is refused whatever the
 * user intends, because a stolen database plus a leaked key-encryption key must never move money.
 */
public final class KeyPolicy {

    /** How long before a key's expiry the pages warn. */
    public static final Duration WARN_BEFORE_EXPIRY = Duration.ofDays(14);

    private KeyPolicy() {}

    /** Why {@code key} is refused, in words, one line per reason; empty when it is accepted. */
    public static List<String> refusals(KeyPermissions key, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (!key.canRead()) {
            reasons.add("it cannot read the account (enable reading)");
        }
        if (!key.trading().isEmpty()) {
            reasons.add("it can trade (" + String.join(", ", key.trading()) + ")");
        }
        if (!key.withdrawals().isEmpty()) {
            reasons.add("it can withdraw (" + String.join(", ", key.withdrawals()) + ")");
        }
        if (!key.transfers().isEmpty()) {
            reasons.add("it can transfer funds (" + String.join(", ", key.transfers()) + ")");
        }
        key.expiresAt().filter(at -> !at.isAfter(now)).ifPresent(at -> reasons.add("it expired on " + at));
        return List.copyOf(reasons);
    }

    /** The expiry to warn about: present when the key expires within {@link #WARN_BEFORE_EXPIRY} of {@code now}. */
    public static Optional<Instant> expiryWarning(Optional<Instant> expiresAt, Instant now) {
        return expiresAt.filter(at -> at.isAfter(now) && !at.isAfter(now.plus(WARN_BEFORE_EXPIRY)));
    }
}
