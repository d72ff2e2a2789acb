package io.hedgedesk.persistence.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A team's read-only exchange connection; the credentials only as envelope-encrypted bytes. */
@Entity
@Table(name = "exchange_connection")
public class ExchangeConnectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_id", nullable = false, updatable = false)
    public long teamId;

    @Column(nullable = false, updatable = false)
    public String venue;

    @Column(nullable = false)
    public String label;

    @Column(name = "key_hint", nullable = false)
    public String keyHint;

    @Column(name = "kek_id", nullable = false)
    public String kekId;

    @Column(name = "wrapped_key", nullable = false)
    public byte[] wrappedKey;

    @Column(name = "wrap_nonce", nullable = false)
    public byte[] wrapNonce;

    @Column(nullable = false)
    public byte[] ciphertext;

    @Column(nullable = false)
    public byte[] nonce;

    @Column(name = "venue_account")
    public String venueAccount;

    @Column(name = "key_expires_at")
    public Instant keyExpiresAt;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    @Column(name = "last_error")
    public String lastError;

    /** The portfolio fills and funding are synced into; null: positions only. */
    @Column(name = "portfolio_id")
    public Long portfolioId;

    /** The editor who chose it; the sync stores rows as them. */
    @Column(name = "portfolio_user_id")
    public Long portfolioUserId;

    @Column(name = "next_sync_at", nullable = false)
    public Instant nextSyncAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_by", nullable = false, updatable = false)
    public long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}
