package io.hedgedesk.persistence.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A price typed in by a team member; append-only (a newer entry supersedes), so it has no version. */
@Entity
@Table(name = "manual_price")
public class ManualPriceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_id", nullable = false, updatable = false)
    public long teamId;

    @Column(name = "asset_symbol", nullable = false, updatable = false)
    public String assetSymbol;

    @Column(name = "price_usd", nullable = false, updatable = false, precision = 38, scale = 18)
    public BigDecimal priceUsd;

    @Column(name = "entered_by", nullable = false, updatable = false)
    public long enteredBy;

    @Column(name = "entered_at", nullable = false, updatable = false)
    public Instant enteredAt;
}
