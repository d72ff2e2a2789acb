package io.hedgedesk.persistence.portfolio;

import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Entity
@Table(name = "holding")
public class HoldingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    public long portfolioId;

    @Column(name = "asset_symbol", nullable = false)
    public String assetSymbol;

    @Column(name = "custom_asset", nullable = false)
    public boolean customAsset;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String venue;

    @Column(name = "cost_basis_usd", precision = 38, scale = 18)
    public BigDecimal costBasisUsd;

    @Column(name = "acquired_on")
    public LocalDate acquiredOn;

    public String note;

    @Column(name = "updated_by", nullable = false)
    public long updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    void apply(HoldingDraft d) {
        assetSymbol = d.assetSymbol();
        customAsset = d.customAsset();
        quantity = d.quantity();
        venue = d.venue();
        costBasisUsd = d.costBasisUsd().orElse(null);
        acquiredOn = d.acquiredOn().orElse(null);
        note = d.note().isEmpty() ? null : d.note();
    }

    HoldingDraft draft() {
        return new HoldingDraft(
                assetSymbol,
                customAsset,
                quantity,
                venue,
                Optional.ofNullable(costBasisUsd),
                Optional.ofNullable(acquiredOn),
                note == null ? "" : note);
    }

    Holding toDomain(String updatedByName) {
        return new Holding(id, portfolioId, draft(), updatedAt, updatedByName, version);
    }

    /** The audited state. */
    Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("asset", assetSymbol);
        s.put("customAsset", customAsset);
        s.put("quantity", quantity);
        s.put("venue", venue);
        s.put("costBasisUsd", costBasisUsd);
        s.put("acquiredOn", acquiredOn == null ? null : acquiredOn.toString());
        s.put("note", note);
        return s;
    }
}
