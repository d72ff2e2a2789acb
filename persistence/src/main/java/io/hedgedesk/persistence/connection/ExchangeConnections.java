package io.hedgedesk.persistence.connection;

import io.hedgedesk.persistence.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** A team's exchange connections, always looked up by (id, team). */
@ApplicationScoped
public class ExchangeConnections implements PanacheRepository<ExchangeConnectionEntity> {

    public List<ExchangeConnectionEntity> ofTeam(long teamId) {
        return list("teamId = ?1 order by id", teamId);
    }

    /** The connection {@code id} of team {@code teamId}; {@link NotFoundException} otherwise (no leak across teams). */
    public ExchangeConnectionEntity of(long teamId, long id) {
        return find("id = ?1 and teamId = ?2", id, teamId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("exchange connection", id));
    }

    /** Every connection whose data key is wrapped by another key-encryption key than {@code currentKekId}. */
    public List<ExchangeConnectionEntity> wrappedByOtherThan(String currentKekId) {
        return list("kekId <> ?1 order by id", currentKekId);
    }

    /**
     * Stores a new connection. The credentials are sealed by {@code sealFor} once the row has its id, because the
     * id is part of what the ciphertext is bound to; both happen in one transaction (no row without credentials).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExchangeConnectionEntity create(
            long teamId,
            String venue,
            String label,
            String keyHint,
            Optional<String> venueAccount,
            Optional<Instant> keyExpiresAt,
            Instant checkedAt,
            long createdBy,
            LongFunction<SealedBytes> sealFor) {
        ExchangeConnectionEntity e = new ExchangeConnectionEntity();
        e.teamId = teamId;
        e.venue = venue;
        e.label = label;
        e.keyHint = keyHint;
        e.venueAccount = venueAccount.orElse(null);
        e.keyExpiresAt = keyExpiresAt.orElse(null);
        e.checkedAt = checkedAt;
        e.createdBy = createdBy;
        e.createdAt = checkedAt;
        e.nextSyncAt = checkedAt;
        e.kekId = "";
        e.wrappedKey = new byte[0];
        e.wrapNonce = new byte[0];
        e.ciphertext = new byte[0];
        e.nonce = new byte[0];
        persistAndFlush(e);
        seal(e, sealFor.apply(e.id));
        return e;
    }

    /** Replaces the stored credentials' encryption (key rotation); the row keeps its id and owner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seal(ExchangeConnectionEntity e, SealedBytes sealed) {
        e.kekId = sealed.kekId();
        e.wrappedKey = sealed.wrappedKey();
        e.wrapNonce = sealed.wrapNonce();
        e.ciphertext = sealed.ciphertext();
        e.nonce = sealed.nonce();
    }

    /**
     * Claims the connection that has been due longest and is not being synced (or whose sync lease ran out):
     * {@code FOR UPDATE SKIP LOCKED} makes concurrent claimers on several instances take different rows, and the
     * lease keeps the row taken for the length of the sync, outside this short transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> claimDue(String owner, Instant now, Duration lease) {
        return claim(
                "next_sync_at <= :now and (lease_until is null or lease_until < :now)" + " order by next_sync_at, id",
                owner,
                now,
                lease,
                null);
    }

    /** Claims connection {@code id} now, due or not, unless another sync holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> claim(long id, String owner, Instant now, Duration lease) {
        return claim("id = :id and (lease_until is null or lease_until < :now)", owner, now, lease, id);
    }

    private Optional<Long> claim(String where, String owner, Instant now, Duration lease, Long id) {
        var query = getEntityManager()
                .createNativeQuery("update exchange_connection set lease_owner = :owner,"
                        + " lease_until = :until where id = (select id from exchange_connection where " + where
                        + " limit 1 for update skip locked) returning id")
                .setParameter("owner", owner)
                .setParameter("until", now.plus(lease))
                .setParameter("now", now);
        if (id != null) {
            query.setParameter("id", id);
        }
        List<?> ids = query.getResultList();
        return ids.stream().findFirst().map(value -> ((Number) value).longValue());
    }

    /**
     * Ends a sync that {@code owner} claimed: when the next one is due, when it last worked (null: it did not now)
     * and the error to show (null: none). A lease taken over by another instance in the meantime is left alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long id, String owner, Instant nextSyncAt, Instant syncedAt, String error) {
        var query = getEntityManager()
                .createNativeQuery("update exchange_connection set lease_owner = null,"
                        + " lease_until = null, next_sync_at = :next, last_error = cast(:error as varchar)"
                        + (syncedAt == null ? "" : ", last_sync_at = :synced")
                        + " where id = :id and lease_owner = :owner")
                .setParameter("id", id)
                .setParameter("owner", owner)
                .setParameter("next", nextSyncAt)
                .setParameter("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
        if (syncedAt != null) {
            query.setParameter("synced", syncedAt);
        }
        query.executeUpdate();
    }

    /** Keeps {@code owner}'s lease of a long sync until {@code until} (false: the lease is no longer its own). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean extendLease(long id, String owner, Instant until) {
        return getEntityManager()
                        .createNativeQuery("update exchange_connection set lease_until = :until"
                                + " where id = :id and lease_owner = :owner")
                        .setParameter("id", id)
                        .setParameter("owner", owner)
                        .setParameter("until", until)
                        .executeUpdate()
                == 1;
    }
}
