package io.hedgedesk.domain.hedge;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hedge position as stored: what is held now (size and average entry), its margin and close targets.
 *
 * @param id               the hedge id
 * @param portfolioId      the portfolio it insures
 * @param contractId       contract catalog id
 * @param side             LONG or SHORT
 * @param size             contracts (inverse) or quantity units (linear); 0 once closed
 * @param entryPrice       average entry (harmonic for inverse, size-weighted for linear)
 * @param leverage         leverage
 * @param margin           margin on the position, settlement asset
 * @param marginSource     where the margin came from
 * @param settlementAsset  the coin (inverse) or USDT (linear)
 * @param holdingIds       the holdings insured; empty = the whole portfolio
 * @param targetCoverage   the coverage aimed at
 * @param status           OPEN or CLOSED
 * @param stopPrice        close target: a price level to stop at
 * @param takeProfitPrice  close target: a take-profit level
 * @param maxFundingCostUsd close target: the most funding the hedge may cost, USD
 * @param manualMark       a mark typed in on the tracking page, with its time
 * @param realizedPnl      realized PnL so far, settlement asset
 * @param openedAt         when it was opened
 * @param openedByName     who recorded it
 * @param version          the optimistic-locking version a form must carry
 * @param planJson         the planner's inputs and outputs as they were computed when the hedge was recorded from a
 *                         plan (JSON, verbatim); empty for a hedge recorded by hand
 * @param collateralCoins  coins of the base asset posted as collateral of a linear hedge, 0 otherwise
 * @param beta             the basket's β of a proxy hedge; empty for a same-coin hedge
 * @param voidedAt         when it was voided as recorded by mistake (then it is CLOSED and counts nowhere)
 */
public record Hedge(
        long id,
        long portfolioId,
        String contractId,
        Side side,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal leverage,
        BigDecimal margin,
        String marginSource,
        String settlementAsset,
        List<Long> holdingIds,
        BigDecimal targetCoverage,
        HedgeStatus status,
        Optional<BigDecimal> stopPrice,
        Optional<BigDecimal> takeProfitPrice,
        Optional<BigDecimal> maxFundingCostUsd,
        Optional<ManualMark> manualMark,
        BigDecimal realizedPnl,
        Instant openedAt,
        Optional<Instant> closedAt,
        String openedByName,
        long version,
        Optional<String> planJson,
        BigDecimal collateralCoins,
        Optional<BigDecimal> beta,
        Optional<Instant> voidedAt) {

    public Hedge {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(entryPrice, "entryPrice");
        holdingIds = List.copyOf(holdingIds);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(takeProfitPrice, "takeProfitPrice");
        Objects.requireNonNull(maxFundingCostUsd, "maxFundingCostUsd");
        Objects.requireNonNull(manualMark, "manualMark");
        collateralCoins = collateralCoins == null ? BigDecimal.ZERO : collateralCoins;
        Objects.requireNonNull(beta, "beta");
        voidedAt = voidedAt == null ? Optional.empty() : voidedAt;
    }

    /** True when it was voided as recorded by mistake. */
    public boolean isVoided() {
        return voidedAt.isPresent();
    }

    /** True when the margin was taken out of the insured holdings. */
    public boolean marginFromHoldings() {
        return "OUT_OF_BAG".equals(marginSource);
    }

    public boolean isOpen() {
        return status == HedgeStatus.OPEN;
    }

    /** A mark price typed in by a user. */
    public record ManualMark(BigDecimal price, Instant enteredAt) {
        public ManualMark {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(enteredAt, "enteredAt");
        }
    }
}
