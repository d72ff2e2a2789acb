package io.hedgedesk.web.connection;

import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.marketdata.account.AccountClient;
import io.hedgedesk.marketdata.account.AccountEndpoints;
import io.hedgedesk.marketdata.account.VenuePosition;
import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.persistence.team.Memberships;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.statement.SyncedRows;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The background sync of exchange connections, on a schedule and on demand: positions, then fills and funding
 * ({@link HistorySync}) when the connection has a portfolio for them. Each instance claims one due connection
 * at a time with a lease ({@link ExchangeConnections#claimDue}: {@code FOR UPDATE SKIP LOCKED}), so with several
 * instances on one database a connection is synced by one of them at a time; venue calls happen outside any
 * database transaction. A failure is written on the connection and the next attempt is scheduled: after the pause
 * the venue asked for (rate limits), a few minutes (venue unavailable), an hour (key refused).
 */
@ApplicationScoped
public class ConnectionSync {

    private static final Logger LOG = Logger.getLogger(ConnectionSync.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration AFTER_OUTAGE = Duration.ofMinutes(5);
    private static final Duration AFTER_REFUSAL = Duration.ofHours(1);
    private static final int MAX_PER_RUN = 50;

    private final ExchangeConnections connections;
    private final ConnectionStore store;
    private final AccountEndpoints endpoints;
    private final Memberships memberships;
    private final Clock clock;
    private final HistorySync history;
    private final Duration every;
    private final String instance;
    /** "Sync now"'s fills and funding, one connection at a time per instance. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "connection-history");
        thread.setDaemon(true);
        return thread;
    });

    public ConnectionSync(
            ExchangeConnections connections,
            ConnectionStore store,
            AccountEndpoints endpoints,
            Memberships memberships,
            Clock clock,
            HedgedeskConfig config,
            HistorySync history) {
        this.history = history;
        this.connections = connections;
        this.store = store;
        this.endpoints = endpoints;
        this.memberships = memberships;
        this.clock = clock;
        this.every = config.connections().syncInterval();
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(
            every = "${hedgedesk.connections.sync-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncDue() {
        for (int i = 0; i < MAX_PER_RUN; i++) {
            Optional<Long> claimed = connections.claimDue(instance, clock.instant(), LEASE);
            if (claimed.isEmpty()) {
                return;
            }
            run(claimed.get(), false);
        }
    }

    /**
     * Syncs connection {@code id} of {@code teamId} now: its positions before this returns; its fills and funding,
     * which may take minutes on a first sync (two years, window by window), in the background, holding the lease
     * until done. Refused with a message when another sync of it is running.
     */
    public Started syncNow(long userId, long teamId, long id) {
        memberships.requireEditor(userId, teamId, "sync an exchange connection");
        store.venue(teamId, id);
        if (connections.claim(id, instance, clock.instant(), LEASE).isEmpty()) {
            throw new ConnectionRefusedException(
                    "connection-" + id,
                    "A sync of this connection is running already; its result shows here in a minute.");
        }
        return run(id, true);
    }

    /**
     * What a sync did: the error it met, if any (also written on the connection), and whether fills and funding go
     * on in the background.
     */
    public record Started(Optional<String> error, boolean inBackground) {}

    /** Syncs a connection this instance holds the lease of, and releases it (at the end of the background part). */
    Started run(long id, boolean historyInBackground) {
        Instant started = clock.instant();
        ConnectionStore.SyncTarget target;
        AccountClient client;
        List<String> held;
        try {
            target = store.forSync(id);
            client = endpoints.client(target.venue(), target.credentials());
            List<VenuePosition> positions = client.positions();
            store.savePositions(id, positions);
            held = positions.stream()
                    .map(p -> p.contractId().substring(p.contractId().indexOf(':') + 1))
                    .toList();
        } catch (RuntimeException e) {
            return new Started(Optional.of(failed(id, e)), false);
        }
        if (historyInBackground && target.portfolioId().isPresent()) {
            background.execute(() -> history(id, started, target, client, held));
            return new Started(Optional.empty(), true);
        }
        return new Started(history(id, started, target, client, held), false);
    }

    private Optional<String> history(
            long id, Instant started, ConnectionStore.SyncTarget target, AccountClient client, List<String> held) {
        try {
            history.run(
                    id, instance, target, client, held, LEASE, e -> failure(e).words());
            connections.release(id, instance, started.plus(every), clock.instant(), null);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(failed(id, e));
        }
    }

    private String failed(long id, RuntimeException e) {
        Failure failure = failure(e);
        LOG.infof("Sync of exchange connection %d: %s", id, failure.words());
        connections.release(id, instance, failure.next(), null, failure.words());
        return failure.words();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** When to try again after {@code e}, and what stopped the sync in words. */
    record Failure(Instant next, String words) {}

    private Failure failure(RuntimeException e) {
        Instant now = clock.instant();
        if (e instanceof HistorySync.LeaseLostException) {
            return new Failure(now.plus(every), "Another sync of this connection took over; it goes on there.");
        }
        if (e instanceof RateLimitedException limited) {
            Instant resume = now.plus(limited.retryAfter().orElse(Duration.ofMinutes(1)));
            return new Failure(resume, "Rate limited by the exchange; the sync resumes at " + resume + ".");
        }
        if (e instanceof VenueRejectedException refused) {
            return new Failure(
                    now.plus(AFTER_REFUSAL),
                    "The exchange refused: " + refused.venueMessage() + " (" + refused.venueCode() + ").");
        }
        if (e instanceof MarketDataException) {
            return new Failure(
                    now.plus(AFTER_OUTAGE),
                    "The exchange could not be reached (" + e.getMessage()
                            + "); the sync tries again in a few minutes.");
        }
        if (e instanceof SyncedRows.RefusedRowsException) {
            return new Failure(now.plus(every), "Synced rows could not be stored: " + e.getMessage());
        }
        LOG.errorf(e, "Sync of exchange connection failed");
        return new Failure(now.plus(every), "The sync failed; it tries again later.");
    }
}
