package io.hedgedesk.domain.instrument;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A perpetual futures contract as a venue specifies it. Loaded from the contract catalog (data, with sources).
 *
 * @param id                    {@code "VENUE:SYMBOL"}, e.g. {@code "BYBIT:BTCUSD"}
 * @param venue                 {@code BYBIT}, {@code BINANCE}, ...
 * @param symbol                the venue's own symbol ({@code BTCUSD_PERP}, {@code XBTUSD})
 * @param type                  inverse (coin-margined) or linear
 * @param baseAsset             the coin the contract tracks
 * @param quoteAsset            the price currency ({@code USD} for inverse, {@code USDT} for linear)
 * @param settlementAsset       margin, PnL, fee and funding currency: the coin for inverse, USDT for linear
 * @param contractSize          INVERSE: face value in USD of one contract; LINEAR: coins per quantity unit
 * @param quantityStep          smallest position increment, in contracts (inverse) or quantity units (linear)
 * @param tickSize              minimum price increment, in the quote currency
 * @param fundingInterval       time between funding settlements; {@link Duration#ZERO} = accrues continuously
 * @param maxLeverage           highest leverage the venue allows (first tier)
 * @param makerFeeRate          fraction of notional; negative = rebate
 * @param takerFeeRate          fraction of notional
 * @param liquidationConvention how maintenance margin is measured for liquidation
 * @param tierMeasure           what the tiers' bounds count
 * @param maintenanceTiers      ascending tiers, the last one unbounded
 * @param source                where every number came from (documents, dates, assumptions)
 */
public record Instrument(
        String id,
        String venue,
        String symbol,
        ContractType type,
        Asset baseAsset,
        Asset quoteAsset,
        Asset settlementAsset,
        BigDecimal contractSize,
        BigDecimal quantityStep,
        BigDecimal tickSize,
        Duration fundingInterval,
        BigDecimal maxLeverage,
        BigDecimal makerFeeRate,
        BigDecimal takerFeeRate,
        LiquidationConvention liquidationConvention,
        TierMeasure tierMeasure,
        List<MaintenanceTier> maintenanceTiers,
        String source) {

    public Instrument {
        id = text(id, "id");
        venue = text(venue, "venue");
        symbol = text(symbol, "symbol");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(settlementAsset, "settlementAsset");
        positive(contractSize, id + " contractSize");
        positive(quantityStep, id + " quantityStep");
        positive(tickSize, id + " tickSize");
        Objects.requireNonNull(fundingInterval, "fundingInterval");
        if (fundingInterval.isNegative()) {
            throw new InvalidInstrumentException(id + " fundingInterval must not be negative, was " + fundingInterval);
        }
        if (maxLeverage == null || maxLeverage.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInstrumentException(id + " maxLeverage must be at least 1, was " + maxLeverage);
        }
        Objects.requireNonNull(makerFeeRate, "makerFeeRate");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
        Objects.requireNonNull(liquidationConvention, "liquidationConvention");
        Objects.requireNonNull(tierMeasure, "tierMeasure");
        source = text(source, "source");
        maintenanceTiers = List.copyOf(Objects.requireNonNull(maintenanceTiers, "maintenanceTiers"));
        if (maintenanceTiers.isEmpty()) {
            throw new InvalidInstrumentException(id + " needs at least one maintenance tier");
        }
        String contract = id;
        for (int i = 0; i < maintenanceTiers.size() - 1; i++) {
            BigDecimal bound = maintenanceTiers
                    .get(i)
                    .upTo()
                    .orElseThrow(() -> new InvalidInstrumentException(
                            contract + ": only the last maintenance tier may be unbounded"));
            BigDecimal next = maintenanceTiers.get(i + 1).upTo().orElse(null);
            if (next != null && next.compareTo(bound) <= 0) {
                throw new InvalidInstrumentException(id + ": maintenance tiers must ascend, " + next.toPlainString()
                        + " follows " + bound.toPlainString());
            }
        }
        if (maintenanceTiers.get(maintenanceTiers.size() - 1).upTo().isPresent()) {
            throw new InvalidInstrumentException(id + ": the last maintenance tier must be unbounded");
        }
        if (type == ContractType.INVERSE && !settlementAsset.equals(baseAsset)) {
            throw new InvalidInstrumentException(
                    id + ": an inverse contract settles in its base asset " + baseAsset + ", not " + settlementAsset);
        }
    }

    public boolean isInverse() {
        return type == ContractType.INVERSE;
    }

    /** The tier whose range contains {@code measure} (in {@link #tierMeasure()} units, ≥ 0). */
    public MaintenanceTier tierFor(BigDecimal measure) {
        for (MaintenanceTier tier : maintenanceTiers) {
            if (tier.covers(measure)) {
                return tier;
            }
        }
        return maintenanceTiers.get(maintenanceTiers.size() - 1);
    }

    /** Funding settlements per 365-day year, or 0 when funding accrues continuously. */
    public long fundingIntervalsPerYear() {
        return fundingInterval.isZero() ? 0 : Duration.ofDays(365).dividedBy(fundingInterval);
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInstrumentException(field + " must not be blank");
        }
        return value;
    }

    private static void positive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidInstrumentException(field + " must be positive, was " + value);
        }
    }
}
