package io.hedgedesk.web.position;

import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;

/**
 * A catalog contract as the API and pages show it.
 *
 * @param contractSize inverse: face value in USD per contract; linear: coins per quantity unit
 * @param sizeUnit     what a position's size counts: "contracts" (inverse) or the coin (linear)
 * @param fundingIntervalHours 0 = continuous
 */
public record ContractView(
        String id,
        String venue,
        String symbol,
        String type,
        String baseAsset,
        String settlementAsset,
        BigDecimal contractSize,
        String sizeUnit,
        BigDecimal tickSize,
        BigDecimal maxLeverage,
        BigDecimal makerFeeRate,
        BigDecimal takerFeeRate,
        String liquidationConvention,
        long fundingIntervalHours,
        String source) {

    public static ContractView of(Instrument instrument) {
        return new ContractView(
                instrument.id(),
                instrument.venue(),
                instrument.symbol(),
                instrument.type().name(),
                instrument.baseAsset().symbol(),
                instrument.settlementAsset().symbol(),
                instrument.contractSize().stripTrailingZeros(),
                sizeUnit(instrument),
                instrument.tickSize(),
                instrument.maxLeverage(),
                instrument.makerFeeRate(),
                instrument.takerFeeRate(),
                instrument.liquidationConvention().name(),
                instrument.fundingInterval().toHours(),
                instrument.source());
    }

    public static String sizeUnit(Instrument instrument) {
        if (instrument.isInverse()) {
            return "contracts";
        }
        return instrument.contractSize().compareTo(BigDecimal.ONE) == 0
                ? instrument.baseAsset().symbol()
                : "lots of " + instrument.contractSize().stripTrailingZeros().toPlainString() + " "
                        + instrument.baseAsset().symbol();
    }

    /** "BYBIT BTCUSD · inverse, 1 USD per contract" for select boxes. */
    public String label() {
        String spec = "INVERSE".equals(type)
                ? "inverse, " + contractSize.toPlainString() + " USD per contract"
                : "linear, settled in " + settlementAsset;
        return venue + " " + symbol + " · " + spec;
    }
}
