package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.AccountClient;
import io.hedgedesk.marketdata.account.HistoryStream;
import io.hedgedesk.marketdata.account.Venue;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.persistence.connection.HistoryCursors;
import io.hedgedesk.web.statement.SyncedRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Syncs a connection's fills and cash rows (funding, transfers, fee rows) into the connection's portfolio, window by
 * window ({@link HistoryStream#WINDOW}). A window's cash rows and fills are read, then stored together (fills first
 * at equal times, so that a fee or funding row finds the hedge its fill opens, and a transfer before an opening fill
 * becomes its margin, as in a file) with each stream's new resume point, in one transaction: a failure (5xx, rate
 * limit) keeps the windows done and the next run starts at the first window not done. The first sync reaches back
 * {@link #BACK}; later ones start {@link #OVERLAP} before where the last stopped (rows the venue books late; what is
 * read twice is dropped by its key).
 *
 * <p>Binance wants one fill request per contract: the contracts asked for are those the window's income rows name
 * (every fill pays a commission, booked as a COMMISSION income row) and those the account holds now.
 */
@ApplicationScoped
class HistorySync {

    /** How far back the first sync reads: Bybit keeps two years of executions and transaction log. */
    static final Duration BACK = Duration.ofDays(730);

    static final Duration OVERLAP = Duration.ofHours(1);

    private final HistoryCursors cursors;
    private final ExchangeConnections connections;
    private final SyncedRows rows;
    private final Clock clock;

    HistorySync(HistoryCursors cursors, ExchangeConnections connections, SyncedRows rows, Clock clock) {
        this.cursors = cursors;
        this.connections = connections;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * Syncs connection {@code id} (nothing without a portfolio), renewing {@code owner}'s lease after each window;
     * what stops it is written on the stream it was reading, in {@code words}, and thrown.
     *
     * @param held the contracts the account holds now (venue symbols)
     */
    void run(
            long id,
            String owner,
            ConnectionStore.SyncTarget target,
            AccountClient client,
            List<String> held,
            Duration lease,
            Function<RuntimeException, String> words) {
        if (target.portfolioId().isEmpty()) {
            return;
        }
        StatementFormat format =
                target.venue() == Venue.BYBIT ? StatementFormat.BYBIT_API : StatementFormat.BINANCE_API;
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = Stream.of(HistoryStream.values())
                .map(s -> cursors.syncedUntil(id, s.name())
                        .map(u -> u.minus(OVERLAP))
                        .orElse(end.minus(BACK)))
                .min(Instant::compareTo)
                .orElseThrow();
        for (HistoryStream stream : HistoryStream.values()) {
            cursors.start(id, stream.name(), from);
        }
        HistoryStream reading = HistoryStream.CASH;
        try {
            while (from.isBefore(end)) {
                Instant to = from.plus(HistoryStream.WINDOW).isBefore(end) ? from.plus(HistoryStream.WINDOW) : end;
                reading = HistoryStream.CASH;
                List<StatementRow> cash = client.history(HistoryStream.CASH, from, to, List.of());
                reading = HistoryStream.FILLS;
                List<String> symbols = Stream.concat(
                                held.stream(),
                                cash.stream().map(StatementRow::symbol).flatMap(Optional::stream))
                        .distinct()
                        .toList();
                List<StatementRow> window = numbered(client.history(HistoryStream.FILLS, from, to, symbols), cash);
                QuarkusTransaction.requiringNew().run(() -> {
                    // a sync that waited past its lease may have been taken over: then it stores nothing
                    if (!connections.extendLease(id, owner, clock.instant().plus(lease))) {
                        throw new LeaseLostException(id);
                    }
                    SyncedRows.Stored stored = window.isEmpty()
                            ? SyncedRows.Stored.NONE
                            : rows.store(
                                    target.portfolioUserId().orElseThrow(),
                                    target.portfolioId().get(),
                                    format,
                                    "API sync: " + target.label(),
                                    new ArrayList<>(window));
                    Instant now = clock.instant();
                    cursors.advance(id, HistoryStream.FILLS.name(), to, stored.fills(), now);
                    cursors.advance(id, HistoryStream.CASH.name(), to, stored.cash(), now);
                });
                from = to;
            }
        } catch (LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            cursors.failed(id, reading.name(), words.apply(e), clock.instant());
            throw e;
        }
    }

    /** Another instance holds the connection's lease now (this one's ran out): the sync goes on there. */
    static final class LeaseLostException extends IllegalStateException {
        LeaseLostException(long id) {
            super("the lease of exchange connection " + id + " is held by another sync");
        }
    }

    /** Fills, then cash rows, numbered 1, 2, … (the order rows of equal time are applied in). */
    private static List<StatementRow> numbered(List<StatementRow> fills, List<StatementRow> cash) {
        List<StatementRow> all = new ArrayList<>();
        Stream.concat(fills.stream(), cash.stream()).forEach(r -> all.add(r.withLine(all.size() + 1)));
        return all;
    }
}
