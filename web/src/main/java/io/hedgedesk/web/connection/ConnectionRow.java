package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.Venue;
import io.hedgedesk.persistence.connection.HistoryCursors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One connection as a page shows it: never the key or the secret, only the key's last four characters.
 *
 * @param expiryWarning present when the venue will disable the key within two weeks
 * @param positions     what the last sync found, each beside its hedge
 * @param portfolioId   the portfolio fills and funding are synced into; empty: positions only
 * @param streams       how far fills and cash rows are synced, and their last run
 * @param syncing       a sync of it is running now (an instance holds its lease)
 */
public record ConnectionRow(
        long id,
        Venue venue,
        String label,
        String keyHint,
        Optional<String> venueAccount,
        Optional<Instant> keyExpiresAt,
        Optional<Instant> expiryWarning,
        Instant checkedAt,
        Optional<Instant> lastSyncAt,
        Optional<String> lastError,
        List<PositionRow> positions,
        Optional<Long> portfolioId,
        List<HistoryCursors.Cursor> streams,
        boolean syncing) {

    /** "Fills" or "Funding, transfers and fees": a stream in words. */
    public String streamWords(String stream) {
        return stream.equals("FILLS") ? "Fills" : "Funding, transfers and fees";
    }

    public String venueWords() {
        return venue.words();
    }
}
