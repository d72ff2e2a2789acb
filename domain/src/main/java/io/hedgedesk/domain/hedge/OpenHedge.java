package io.hedgedesk.domain.hedge;

import io.hedgedesk.domain.Text;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command recording a perpetual position that was opened as a hedge (insurance) of a portfolio's holdings.
 *
 * @param portfolioId    the portfolio whose holdings it insures
 * @param contractId     contract catalog id, e.g. {@code "BYBIT:BTCUSD"}
 * @param side           usually {@link Side#SHORT} for a hedge of long holdings
 * @param size           positive: contracts (inverse) or quantity units (linear)
 * @param entryPrice     the fill price, positive, quote currency
 * @param leverage       the chosen leverage, positive
 * @param margin         margin posted, settlement asset (coin for inverse, USDT for linear), at least 0
 * @param marginSource   where the margin came from, free text up to 40 characters (e.g. the planner's
 *                       {@code FROM_HOLDINGS} / {@code DEPOSITED})
 * @param holdingIds     the holdings it insures; empty = the whole portfolio (basket)
 * @param targetCoverage the coverage aimed at, in (0, 2]; 1 = dollar-neutral
 * @param planJson       the planner's inputs and outputs as computed, stored verbatim (JSON), or empty text when
 *                       opened by hand
 * @param fee            the opening trade fee paid, settlement asset (negative = rebate)
 * @param openedAt       when the position was opened on the venue; empty = now (the service refuses the future)
 * @param collateralCoins coins of the base asset posted as collateral of a linear hedge (at least 0; 0 for inverse
 *                       contracts, whose margin is the coin itself, and for stablecoin margin)
 * @param beta           the basket's β a proxy hedge was sized with; empty for a same-coin hedge
 */
public record OpenHedge(
        long portfolioId,
        String contractId,
        Side side,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal leverage,
        BigDecimal margin,
        String marginSource,
        List<Long> holdingIds,
        BigDecimal targetCoverage,
        String planJson,
        BigDecimal fee,
        java.util.Optional<java.time.Instant> openedAt,
        BigDecimal collateralCoins,
        java.util.Optional<BigDecimal> beta) {

    private static final BigDecimal MAX_COVERAGE = BigDecimal.valueOf(2);

    public OpenHedge {
        if (contractId == null || contractId.isBlank()) {
            throw InvalidHedgeException.of("contractId", "Choose a contract.");
        }
        contractId = contractId.strip();
        if (side == null) {
            throw InvalidHedgeException.of("side", "Choose a side.");
        }
        positive(size, "size");
        positive(entryPrice, "entryPrice");
        positive(leverage, "leverage");
        if (margin == null || margin.signum() < 0) {
            throw InvalidHedgeException.of("margin", "The margin must be zero or more, was " + plain(margin) + ".");
        }
        marginSource = marginSource == null || marginSource.isBlank() ? "UNSPECIFIED" : marginSource.strip();
        if (marginSource.length() > 40) {
            throw InvalidHedgeException.of("marginSource", "At most 40 characters.");
        }
        if (Text.hasControlCharacters(marginSource, false)) {
            throw InvalidHedgeException.of("marginSource", "No control characters, please.");
        }
        holdingIds = List.copyOf(Objects.requireNonNull(holdingIds, "holdingIds"));
        if (targetCoverage == null || targetCoverage.signum() <= 0 || targetCoverage.compareTo(MAX_COVERAGE) > 0) {
            throw InvalidHedgeException.of(
                    "targetCoverage",
                    "The target coverage must be above 0 and at most 2, was " + plain(targetCoverage) + ".");
        }
        planJson = planJson == null ? "" : planJson;
        fee = fee == null ? BigDecimal.ZERO : fee;
        openedAt = openedAt == null ? java.util.Optional.empty() : openedAt;
        collateralCoins = collateralCoins == null ? BigDecimal.ZERO : collateralCoins;
        if (collateralCoins.signum() < 0) {
            throw InvalidHedgeException.of(
                    "collateralCoins", "The collateral must be zero or more, was " + plain(collateralCoins) + ".");
        }
        beta = beta == null ? java.util.Optional.empty() : beta;
    }

    /** A command without coin collateral or β (a same-coin hedge with coin or stablecoin margin). */
    public OpenHedge(
            long portfolioId,
            String contractId,
            Side side,
            BigDecimal size,
            BigDecimal entryPrice,
            BigDecimal leverage,
            BigDecimal margin,
            String marginSource,
            List<Long> holdingIds,
            BigDecimal targetCoverage,
            String planJson,
            BigDecimal fee,
            java.util.Optional<java.time.Instant> openedAt) {
        this(
                portfolioId,
                contractId,
                side,
                size,
                entryPrice,
                leverage,
                margin,
                marginSource,
                holdingIds,
                targetCoverage,
                planJson,
                fee,
                openedAt,
                BigDecimal.ZERO,
                java.util.Optional.empty());
    }

    /** The command without an opening time: opened now (the planner's "Record as opened"). */
    public OpenHedge(
            long portfolioId,
            String contractId,
            Side side,
            BigDecimal size,
            BigDecimal entryPrice,
            BigDecimal leverage,
            BigDecimal margin,
            String marginSource,
            List<Long> holdingIds,
            BigDecimal targetCoverage,
            String planJson,
            BigDecimal fee) {
        this(
                portfolioId,
                contractId,
                side,
                size,
                entryPrice,
                leverage,
                margin,
                marginSource,
                holdingIds,
                targetCoverage,
                planJson,
                fee,
                java.util.Optional.empty());
    }

    private static void positive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw InvalidHedgeException.of(field, "Must be greater than zero, was " + plain(value) + ".");
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? "empty" : value.toPlainString();
    }

    /** A map view used in audit records. */
    public Map<String, Object> summary() {
        return Map.of(
                "contract",
                contractId,
                "side",
                side.name(),
                "size",
                size,
                "entryPrice",
                entryPrice,
                "leverage",
                leverage,
                "margin",
                margin);
    }
}
