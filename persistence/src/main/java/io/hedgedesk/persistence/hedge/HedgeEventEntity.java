package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/** One ledger row; only ever inserted (the table's trigger refuses UPDATE and DELETE). */
@Entity
@Immutable
@Table(name = "hedge_event")
public class HedgeEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "hedge_id", nullable = false)
    public long hedgeId;

    @Column(name = "portfolio_id", nullable = false)
    public long portfolioId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    public HedgeEventType type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "actor_id", nullable = false)
    public long actorId;

    @Column(precision = 38, scale = 18)
    public BigDecimal quantity;

    @Column(precision = 38, scale = 18)
    public BigDecimal price;

    @Column(name = "settlement_asset", nullable = false)
    public String settlementAsset;

    @Column(name = "settlement_usd", nullable = false, precision = 38, scale = 18)
    public BigDecimal settlementUsd;

    @Column(name = "cash_change", nullable = false, precision = 38, scale = 18)
    public BigDecimal cashChange;

    @Column(name = "cash_change_usd", nullable = false, precision = 38, scale = 18)
    public BigDecimal cashChangeUsd;

    @Column(precision = 38, scale = 18)
    public BigDecimal fee;

    @Column(name = "funding_rate", precision = 38, scale = 18)
    public BigDecimal fundingRate;

    @Column(name = "realized_pnl", precision = 38, scale = 18)
    public BigDecimal realizedPnl;

    @Column(name = "realized_pnl_usd", precision = 38, scale = 18)
    public BigDecimal realizedPnlUsd;

    @Column(name = "size_after", nullable = false, precision = 38, scale = 18)
    public BigDecimal sizeAfter;

    @Column(name = "entry_after", nullable = false, precision = 38, scale = 18)
    public BigDecimal entryAfter;

    @Column(name = "corrects_event_id")
    public Long correctsEventId;

    public String note;

    public HedgeEvent toDomain(String actorName, boolean voided) {
        return new HedgeEvent(
                id,
                hedgeId,
                type,
                occurredAt,
                actorName,
                Optional.ofNullable(quantity),
                Optional.ofNullable(price),
                settlementAsset,
                settlementUsd,
                cashChange,
                cashChangeUsd,
                Optional.ofNullable(fee),
                Optional.ofNullable(fundingRate),
                Optional.ofNullable(realizedPnl),
                Optional.ofNullable(realizedPnlUsd),
                sizeAfter,
                entryAfter,
                Optional.ofNullable(correctsEventId),
                note,
                voided);
    }
}
