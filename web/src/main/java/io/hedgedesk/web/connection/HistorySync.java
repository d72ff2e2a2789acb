package io.hedgedesk.web.connection;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
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
import java.util.function.Function;

/**
 * Syncs a connection's fills, then its cash rows (funding, transfers, fee rows), into the connection's portfolio,
 * window by window ({@link HistoryStream#WINDOW}): each window's rows and the stream's new resume point are
 * committed together, so a failure (5xx, rate limit) stops the stream, keeps the windows done and the next run
 * starts at the first window not done. The first sync reaches back {@link #BACK}; later ones start {@link #OVERLAP}
 * before where the last stopped (rows the venue books late; what is read twice is dropped by its key). Cash rows never
 * pass the fills, so a funding row finds the hedge its fills opened.
 */
@ApplicationScoped
class HistorySync {

  /** How far back the first sync reads: Bybit keeps two years of executions and transaction log. */
  static final Duration BACK = Duration.ofDays(730);
  static final Duration OVERLAP = Duration.ofHours(1);

  private final HistoryCursors cursors;
  private final ExchangeConnections connections;
  private final SyncedRows rows;
  private final ContractCatalog catalog;
  private final Clock clock;

  HistorySync(HistoryCursors cursors, ExchangeConnections connections, SyncedRows rows, ContractCatalog catalog,
      Clock clock) {
    this.cursors = cursors;
    this.connections = connections;
    this.rows = rows;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Syncs both streams of connection {@code id} (nothing without a portfolio), renewing {@code owner}'s lease after
   * each window; what stops it is written on the stream in {@code words} and thrown.
   */
  void run(long id, String owner, ConnectionStore.SyncTarget target, AccountClient client, Duration lease,
      Function<RuntimeException, String> words) {
    if (target.portfolioId().isEmpty()) {
      return;
    }
    StatementFormat format = target.venue() == Venue.BYBIT ? StatementFormat.BYBIT_API : StatementFormat.BINANCE_API;
    List<String> symbols = catalog.all().stream().filter(i -> i.venue().equals(format.exchange()))
        .map(Instrument::symbol).toList();
    Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    for (HistoryStream stream : HistoryStream.values()) {
      Instant from = cursors.syncedUntil(id, stream.name()).map(u -> u.minus(OVERLAP))
          .orElse(end.minus(BACK));
      cursors.start(id, stream.name(), from);
      try {
        while (from.isBefore(end)) {
          Instant to = from.plus(HistoryStream.WINDOW).isBefore(end) ? from.plus(HistoryStream.WINDOW) : end;
          List<StatementRow> got = client.history(stream, from, to, symbols);
          QuarkusTransaction.requiringNew().run(() -> {
            int stored = got.isEmpty() ? 0 : rows.store(target.portfolioUserId().orElseThrow(),
                target.portfolioId().get(), format, "API sync: " + target.label(), new ArrayList<>(got));
            cursors.advance(id, stream.name(), to, stored, clock.instant());
            connections.extendLease(id, owner, clock.instant().plus(lease));
          });
          from = to;
        }
      } catch (RuntimeException e) {
        cursors.failed(id, stream.name(), words.apply(e), clock.instant());
        throw e;
      }
      end = cursors.syncedUntil(id, stream.name()).filter(end::isAfter).orElse(end);
    }
  }
}
