package io.hedgedesk.web.connection;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.marketdata.account.Credentials;
import io.hedgedesk.marketdata.account.KeyPermissions;
import io.hedgedesk.marketdata.account.KeyPolicy;
import io.hedgedesk.marketdata.account.SealedSecret;
import io.hedgedesk.marketdata.account.SecretSealer;
import io.hedgedesk.marketdata.account.Venue;
import io.hedgedesk.marketdata.account.VenuePosition;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.connection.ExchangeConnectionEntity;
import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.persistence.connection.HistoryCursors;
import io.hedgedesk.persistence.connection.SealedBytes;
import io.hedgedesk.persistence.connection.SyncedPositionEntity;
import io.hedgedesk.persistence.connection.SyncedPositions;
import io.hedgedesk.pricing.reconcile.PositionCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional side of connections: storing sealed credentials, reading them back for a call, deleting them.
 * Venue calls happen outside these transactions (a slow venue never holds a database connection).
 */
@ApplicationScoped
public class ConnectionStore {

    private final ExchangeConnections connections;
    private final SecretSealer sealer;
    private final AuditLog audit;
    private final Clock clock;
    private final FormTokens formTokens;
    private final SyncedPositions positions;
    private final ContractCatalog catalog;
    private final HistoryCursors cursors;

    public ConnectionStore(
            ExchangeConnections connections,
            SecretSealer sealer,
            AuditLog audit,
            Clock clock,
            FormTokens formTokens,
            SyncedPositions positions,
            ContractCatalog catalog,
            HistoryCursors cursors) {
        this.cursors = cursors;
        this.catalog = catalog;
        this.formTokens = formTokens;
        this.positions = positions;
        this.connections = connections;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Key and secret are sealed together, bound to the team and the new row's id. The form's single-use token makes
     * a double submit store one connection ({@code DuplicateSubmissionException} for the second).
     */
    @Transactional
    public long create(
            UUID formToken,
            long teamId,
            long userId,
            Venue venue,
            String label,
            Credentials credentials,
            KeyPermissions key) {
        formTokens.consume(formToken, userId);
        ExchangeConnectionEntity e = connections.create(
                teamId,
                venue.name(),
                label,
                credentials.keyHint(),
                key.account(),
                key.expiresAt(),
                clock.instant(),
                userId,
                id -> bytes(sealer.seal(credentials.apiKey() + "\n" + credentials.secret(), owner(teamId, id))));
        audit.record(teamId, null, userId, "exchange_connection", e.id, "CONNECTED", null, state(e));
        return e.id;
    }

    @Transactional
    public List<ConnectionRow> rows(long teamId) {
        Instant now = clock.instant();
        List<SyncedPositions.OpenHedge> hedges = positions.openHedgesOfTeam(teamId);
        return connections.ofTeam(teamId).stream()
                .map(e -> row(
                        e,
                        now,
                        positions.ofConnection(e.id).stream()
                                .map(p -> position(p, hedges))
                                .toList(),
                        cursors.of(e.id)))
                .toList();
    }

    /** What a sync needs: the connection's team, venue and credentials (the caller holds the sync lease). */
    public record SyncTarget(
            long teamId,
            Venue venue,
            Credentials credentials,
            String label,
            Optional<Long> portfolioId,
            Optional<Long> portfolioUserId) {}

    @Transactional
    public SyncTarget forSync(long id) {
        ExchangeConnectionEntity e = connections.findById(id);
        return new SyncTarget(
                e.teamId,
                Venue.valueOf(e.venue),
                credentials(e.teamId, id),
                e.label,
                Optional.ofNullable(e.portfolioId),
                Optional.ofNullable(e.portfolioUserId));
    }

    /**
     * Sets the portfolio fills and funding are synced into (empty: none), chosen by {@code userId}, who must be able
     * to edit it. Another portfolio than before starts the history over (its rows are read again from the start).
     */
    @Transactional
    public void choosePortfolio(long teamId, long userId, long id, Optional<Long> portfolioId) {
        ExchangeConnectionEntity e = connections.of(teamId, id);
        Map<String, Object> before = Map.of("portfolio", String.valueOf(e.portfolioId));
        if (!portfolioId.equals(Optional.ofNullable(e.portfolioId))) {
            cursors.reset(id);
        }
        e.portfolioId = portfolioId.orElse(null);
        e.portfolioUserId = portfolioId.isPresent() ? userId : null;
        e.nextSyncAt = clock.instant();
        audit.record(
                teamId,
                portfolioId.orElse(null),
                userId,
                "exchange_connection",
                id,
                "SYNC_PORTFOLIO",
                before,
                Map.of("portfolio", String.valueOf(e.portfolioId)));
    }

    /** Replaces the connection's reported positions with {@code reported}. */
    @Transactional
    public void savePositions(long id, List<VenuePosition> reported) {
        Instant now = clock.instant();
        positions.replace(
                id,
                reported.stream()
                        .map(p -> {
                            SyncedPositionEntity e = new SyncedPositionEntity();
                            e.contractId = p.contractId();
                            e.shortSide = p.shortSide();
                            e.size = p.size();
                            e.entryPrice = p.entryPrice();
                            e.markPrice = p.markPrice();
                            e.margin = p.margin();
                            e.liquidationPrice = p.liquidationPrice().orElse(null);
                            e.unrealizedPnl = p.unrealizedPnl();
                            e.leverage = p.leverage();
                            e.venueUpdatedAt = p.updatedAt();
                            e.syncedAt = now;
                            return e;
                        })
                        .toList());
    }

    /** The stored credentials of a connection of {@code teamId}, decrypted for one call. */
    @Transactional
    public Credentials credentials(long teamId, long id) {
        ExchangeConnectionEntity e = connections.of(teamId, id);
        String pair = sealer.open(sealed(e), owner(teamId, id));
        int newline = pair.indexOf('\n');
        return new Credentials(pair.substring(0, newline), pair.substring(newline + 1));
    }

    @Transactional
    public Venue venue(long teamId, long id) {
        return Venue.valueOf(connections.of(teamId, id).venue);
    }

    /** What a fresh check found: the expiry it reports now, and the reasons it would be refused (none: fine). */
    @Transactional
    public void checked(long teamId, long id, KeyPermissions key, List<String> refusals) {
        ExchangeConnectionEntity e = connections.of(teamId, id);
        e.keyExpiresAt = key.expiresAt().orElse(null);
        e.checkedAt = clock.instant();
        e.lastError = refusals.isEmpty() ? null : "The key is no longer read-only: " + String.join("; ", refusals);
    }

    @Transactional
    public void failed(long teamId, long id, String error) {
        connections.of(teamId, id).lastError = error.length() > 500 ? error.substring(0, 500) : error;
    }

    /** Deletes the row, its ciphertext with it. */
    @Transactional
    public void delete(long teamId, long userId, long id) {
        ExchangeConnectionEntity e = connections.of(teamId, id);
        Map<String, Object> before = state(e);
        connections.delete(e);
        audit.record(teamId, null, userId, "exchange_connection", id, "DISCONNECTED", before, null);
    }

    /** Re-wraps every stored data key under the current key-encryption key; returns how many rows changed. */
    @Transactional
    public int rewrapAll() {
        int changed = 0;
        for (ExchangeConnectionEntity e : connections.wrappedByOtherThan(sealer.currentKekId())) {
            connections.seal(e, bytes(sealer.rewrap(sealed(e), owner(e.teamId, e.id))));
            changed++;
        }
        return changed;
    }

    static String owner(long teamId, long connectionId) {
        return "team " + teamId + ":connection " + connectionId;
    }

    private static SealedBytes bytes(SealedSecret s) {
        return new SealedBytes(s.kekId(), s.wrappedKey(), s.wrapNonce(), s.ciphertext(), s.nonce());
    }

    private static SealedSecret sealed(ExchangeConnectionEntity e) {
        return new SealedSecret(e.kekId, e.wrappedKey, e.wrapNonce, e.ciphertext, e.nonce);
    }

    private static Map<String, Object> state(ExchangeConnectionEntity e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("venue", e.venue);
        state.put("label", e.label);
        state.put("key", e.keyHint);
        return state;
    }

    private static ConnectionRow row(
            ExchangeConnectionEntity e, Instant now, List<PositionRow> reported, List<HistoryCursors.Cursor> streams) {
        Optional<Instant> expires = Optional.ofNullable(e.keyExpiresAt);
        return new ConnectionRow(
                e.id,
                Venue.valueOf(e.venue),
                e.label,
                e.keyHint,
                Optional.ofNullable(e.venueAccount),
                expires,
                KeyPolicy.expiryWarning(expires, now),
                e.checkedAt,
                Optional.ofNullable(e.lastSyncAt),
                Optional.ofNullable(e.lastError),
                reported,
                Optional.ofNullable(e.portfolioId),
                streams,
                e.leaseOwner != null && e.leaseUntil != null && e.leaseUntil.isAfter(now));
    }

    /** The reported position beside the open hedge of the same contract and side closest to it in size. */
    private PositionRow position(SyncedPositionEntity p, List<SyncedPositions.OpenHedge> hedges) {
        Optional<SyncedPositions.OpenHedge> hedge = hedges.stream()
                .filter(h -> h.contractId().equals(p.contractId) && h.shortSide() == p.shortSide)
                .min(Comparator.comparing(h -> h.size().subtract(p.size).abs()));
        Optional<PositionCheck> check = hedge.map(h -> PositionCheck.of(
                h.shortSide(), h.size(), h.entryPrice(), h.margin(), p.shortSide, p.size, p.entryPrice, p.margin));
        return new PositionRow(
                p.contractId,
                p.shortSide,
                p.size,
                p.entryPrice,
                p.markPrice,
                p.margin,
                Optional.ofNullable(p.liquidationPrice),
                p.unrealizedPnl,
                p.leverage,
                p.syncedAt,
                hedge.map(SyncedPositions.OpenHedge::hedgeId),
                hedge.map(SyncedPositions.OpenHedge::portfolioName),
                check,
                catalog.find(p.contractId));
    }
}
