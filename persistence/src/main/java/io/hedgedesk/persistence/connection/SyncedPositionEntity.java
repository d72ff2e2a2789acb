package io.hedgedesk.persistence.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A position as the venue reported it at a connection's last sync. */
@Entity
@Table(name = "synced_position")
public class SyncedPositionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "connection_id", nullable = false)
    public long connectionId;

    @Column(name = "contract_id", nullable = false)
    public String contractId;

    @Column(name = "short_side", nullable = false)
    public boolean shortSide;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal size;

    @Column(name = "entry_price", nullable = false, precision = 38, scale = 18)
    public BigDecimal entryPrice;

    @Column(name = "mark_price", nullable = false, precision = 38, scale = 18)
    public BigDecimal markPrice;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal margin;

    @Column(name = "liquidation_price", precision = 38, scale = 18)
    public BigDecimal liquidationPrice;

    @Column(name = "unrealized_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal unrealizedPnl;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal leverage;

    @Column(name = "venue_updated_at", nullable = false)
    public Instant venueUpdatedAt;

    @Column(name = "synced_at", nullable = false)
    public Instant syncedAt;
}
