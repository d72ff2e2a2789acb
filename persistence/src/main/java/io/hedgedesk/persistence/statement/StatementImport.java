package io.hedgedesk.persistence.statement;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One import of an exchange's export file into a portfolio's hedges (table {@code statement_import}), without its
 * uploaded text.
 *
 * @param id            the import, also the single-use token of its confirmation form
 * @param portfolioId   the portfolio whose hedges the rows attach to
 * @param userId        who uploaded it (only they see its progress)
 * @param exchange      {@code BYBIT} or {@code BINANCE}
 * @param format        the recognised format, in words
 * @param fileName      the uploaded file's name (display only)
 * @param hedgeId       the hedge chosen in the preview, empty = the open hedge of each row's contract
 * @param status        PREVIEWED (waiting for confirmation), RUNNING, DONE or FAILED
 * @param totalRows     data rows read from the file
 * @param processedRows rows handled so far by the running import (uncommitted until DONE)
 * @param importedRows  rows stored, once DONE
 * @param hedgesCreated hedges created from the file's fills, once DONE
 * @param message       why it FAILED
 */
public record StatementImport(
        UUID id,
        long portfolioId,
        long userId,
        String exchange,
        String format,
        String fileName,
        Optional<Long> hedgeId,
        Status status,
        int totalRows,
        int processedRows,
        Optional<Integer> importedRows,
        Optional<Integer> hedgesCreated,
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

    public boolean running() {
        return status == Status.RUNNING;
    }
}
