package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.pricing.ledger.LedgerStep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What importing one file into a portfolio does, worked out without writing anything: the preview shows it, the
 * background import stores exactly it (worked out again at that time).
 *
 * @param format     the format recognised from the header
 * @param totalRows  data rows read
 * @param newRows    rows that would be stored, attached to a hedge
 * @param duplicates rows already imported into the portfolio (or repeated in the file)
 * @param noHedge    rows that match no hedge (not stored: a later import attaches them)
 * @param ignored    rows of kinds hedgedesk does not import (bonuses, conversions, other accounts' wallets…)
 * @param errors     what stops the import, each naming its line: unreadable lines, unknown contracts, rows of
 *                   another account, rows the ledger refuses; empty when the import can run
 * @param samples    the first rows of the file as read, with what would happen to each
 * @param tracks     per hedge touched: the position the import leaves and the rows attached (each row is handed to
 *                   a {@link Sink} as it is planned, not kept)
 * @param account    the account (Bybit UID, Binance user id) the file's rows name, if they name one
 */
public record ImportPlan(
        StatementFormat format,
        int totalRows,
        int newRows,
        int duplicates,
        int noHedge,
        int ignored,
        List<String> errors,
        int errorCount,
        List<Sample> samples,
        List<Track> tracks,
        Optional<String> account) {

    /** How one row was read and what the import does with it. */
    public record Sample(
            int line, String time, String kind, String contract, String amount, String fill, String how, String fate) {}

    /** A row and the ledger step it became (empty for rows kept for reconciliation only or folded into an opening). */
    record PlannedRow(StatementRow row, Optional<LedgerStep> step) {}

    /** Where rows go as they are planned, in time order: counted for a preview, written by an import. */
    interface Sink {
        /**
         * @param handled rows of the file dealt with so far (attached, skipped or refused)
         * @param failed  true once an error stops the import (the rows planned after it need not be written)
         */
        void accept(Track track, PlannedRow row, int handled, boolean failed);

        /** Keeps nothing: the preview's. */
        Sink NONE = (track, row, handled, failed) -> {};
    }

    /**
     * The changes of one hedge: an existing one, or one the file opens.
     *
     * @param existing    the hedge as loaded, empty for a hedge created from the file's fills
     * @param opening     the command creating it, for a new hedge
     * @param cash        Σ cash changes of its ledger so far, settlement asset (for the margin's return at a close)
     * @param marginMoved Σ MARGIN_IN − Σ MARGIN_OUT so far, settlement asset
     */
    static final class Track {
        final Optional<Hedge> existing;
        final Optional<OpenHedge> opening;
        final Instrument instrument;
        LedgerPosition position;
        BigDecimal cash;
        BigDecimal marginMoved;
        /** Rows attached so far. */
        int rows;
        /** Margin returned at a close and the coins taken before it, when the import closes the hedge. */
        Optional<BigDecimal[]> marginReturn = Optional.empty();

        Track(
                Optional<Hedge> existing,
                Optional<OpenHedge> opening,
                Instrument instrument,
                LedgerPosition position,
                BigDecimal cash,
                BigDecimal marginMoved) {
            this.existing = existing;
            this.opening = opening;
            this.instrument = instrument;
            this.position = position;
            this.cash = cash;
            this.marginMoved = marginMoved;
        }

        /** "hedge #12" or "a new hedge on BYBIT:BTCUSD". */
        String name() {
            return existing.map(h -> "hedge #" + h.id()).orElse("a new hedge on " + instrument.id());
        }
    }

    /** What the import does to one hedge, for the page. */
    public record Change(
            String hedge, String contract, int rows, String sizeAfter, String marginAfter, String statusAfter) {}

    /** Per hedge touched: its name, rows attached and the position the import leaves (as stored, not rounded). */
    public List<Change> changes() {
        return tracks.stream()
                .map(t -> new Change(
                        t.name(),
                        t.instrument.id(),
                        t.rows,
                        t.position.size().stripTrailingZeros().toPlainString(),
                        t.position.margin().stripTrailingZeros().toPlainString() + " "
                                + t.instrument.settlementAsset().symbol(),
                        t.position.status().name()))
                .toList();
    }

    /** True when the file has no error and at least one new row to store. */
    public boolean canImport() {
        return errors.isEmpty() && newRows > 0;
    }

    public long hedgesCreated() {
        return tracks.stream().filter(t -> t.existing.isEmpty()).count();
    }
}
