package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.Venue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One connection as a page shows it: never the key or the secret, only the key's last four characters.
 *
 * @param expiryWarning present when the venue will disable the key within two weeks
 * @param positions     what the last sync found, each beside its hedge
 */
public record ConnectionRow(long id, Venue venue, String label, String keyHint, Optional<String> venueAccount,
    Optional<Instant> keyExpiresAt, Optional<Instant> expiryWarning, Instant checkedAt, Optional<Instant> lastSyncAt,
    Optional<String> lastError, List<PositionRow> positions) {

  public String venueWords() {
    return venue.words();
  }
}
