package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.instrument.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "hedge_position")
public class HedgePositionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    public long portfolioId;

    @Column(name = "contract_id", nullable = false, updatable = false)
    public String contractId;

    @Column(name = "contract_type", nullable = false, updatable = false)
    public String contractType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Side side;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal size;

    @Column(name = "entry_price", nullable = false, precision = 38, scale = 18)
    public BigDecimal entryPrice;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal leverage;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal margin;

    @Column(name = "margin_source", nullable = false)
    public String marginSource;

    @Column(name = "settlement_asset", nullable = false, updatable = false)
    public String settlementAsset;

    @Column(name = "target_coverage", nullable = false, precision = 38, scale = 18)
    public BigDecimal targetCoverage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plan_json", updatable = false)
    public String planJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HedgeStatus status;

    @Column(name = "stop_price", precision = 38, scale = 18)
    public BigDecimal stopPrice;

    @Column(name = "take_profit_price", precision = 38, scale = 18)
    public BigDecimal takeProfitPrice;

    @Column(name = "max_funding_cost_usd", precision = 38, scale = 18)
    public BigDecimal maxFundingCostUsd;

    @Column(name = "manual_mark", precision = 38, scale = 18)
    public BigDecimal manualMark;

    @Column(name = "manual_mark_at")
    public Instant manualMarkAt;

    /** Coins of the base asset posted as collateral of a linear hedge (0 otherwise). */
    @Column(name = "collateral_coins", nullable = false, precision = 38, scale = 18)
    public BigDecimal collateralCoins = BigDecimal.ZERO;

    /** The basket's β of a proxy hedge; null for a same-coin hedge. */
    @Column(precision = 38, scale = 18, updatable = false)
    public BigDecimal beta;

    @Column(name = "realized_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal realizedPnl;

    @Column(name = "opened_by", nullable = false, updatable = false)
    public long openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_by")
    public Long voidedBy;

    @Version
    public long version;

    public Hedge toDomain(List<Long> holdingIds, String openedByName) {
        return new Hedge(
                id,
                portfolioId,
                contractId,
                side,
                size,
                entryPrice,
                leverage,
                margin,
                marginSource,
                settlementAsset,
                holdingIds,
                targetCoverage,
                status,
                Optional.ofNullable(stopPrice),
                Optional.ofNullable(takeProfitPrice),
                Optional.ofNullable(maxFundingCostUsd),
                manualMark == null ? Optional.empty() : Optional.of(new Hedge.ManualMark(manualMark, manualMarkAt)),
                realizedPnl,
                openedAt,
                Optional.ofNullable(closedAt),
                openedByName,
                version,
                Optional.ofNullable(planJson).filter(json -> !json.isBlank()),
                collateralCoins,
                Optional.ofNullable(beta),
                Optional.ofNullable(voidedAt));
    }

    /** The audited state. */
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("contract", contractId);
        s.put("side", side.name());
        s.put("size", size);
        s.put("entryPrice", entryPrice);
        s.put("leverage", leverage);
        s.put("margin", margin);
        s.put("status", status.name());
        s.put("stopPrice", stopPrice);
        s.put("takeProfitPrice", takeProfitPrice);
        s.put("maxFundingCostUsd", maxFundingCostUsd);
        s.put("realizedPnl", realizedPnl);
        if (voidedAt != null) {
            s.put("voidedAt", voidedAt.toString());
        }
        return s;
    }
}
