package io.hedgedesk.persistence.market;

import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One CSV import of market history (table {@code market_import}), without its uploaded text.
 *
 * @param id            the import, also the single-use token of its confirmation form
 * @param userId        who uploaded it (only they see it)
 * @param kind          daily closes or funding settlements
 * @param format        the recognized file format (display name)
 * @param seriesKey     the asset symbol or contract id the rows are stored under
 * @param source        the source text stored with every row
 * @param fileName      the uploaded file's name (display only)
 * @param status        PREVIEWED (waiting for confirmation), RUNNING, DONE or FAILED
 * @param totalRows     data rows in the file
 * @param processedRows rows written so far by the running import (uncommitted until DONE)
 * @param changedRows   rows inserted or changed, once DONE
 * @param message       why it FAILED
 */
public record MarketImport(
        UUID id,
        long userId,
        Kind kind,
        String format,
        String seriesKey,
        String source,
        String fileName,
        Status status,
        int totalRows,
        int processedRows,
        Optional<Integer> changedRows,
        Optional<String> message,
        Instant createdAt,
        Optional<Instant> finishedAt) {

    /** Where an import is in its life. */
    public enum Status {
        PREVIEWED,
        RUNNING,
        DONE,
        FAILED
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
