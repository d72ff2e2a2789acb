package io.hedgedesk.marketdata.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a venue says an API key may do, in one shape for every venue.
 *
 * @param venue       e.g. BYBIT, BINANCE
 * @param canRead     the key may read account data (positions, fills, funding)
 * @param trading     the venue's names of every trading permission the key holds (empty: none)
 * @param withdrawals the venue's names of every withdrawal permission the key holds
 * @param transfers   the venue's names of every transfer permission the key holds
 * @param expiresAt   when the venue will disable the key, if it says
 * @param account     the venue's account id the key belongs to (Bybit userID), if it says
 */
public record KeyPermissions(
        String venue,
        boolean canRead,
        List<String> trading,
        List<String> withdrawals,
        List<String> transfers,
        Optional<Instant> expiresAt,
        Optional<String> account) {

    public KeyPermissions {
        Objects.requireNonNull(venue, "venue");
        trading = List.copyOf(trading);
        withdrawals = List.copyOf(withdrawals);
        transfers = List.copyOf(transfers);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(account, "account");
    }
}
