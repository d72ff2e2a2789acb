package io.hedgedesk.pricing.testing;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Contract specifications for tests, with the face values, steps, leverage caps and fees of the catalog entries of
 * the same id (pricing/src/main/resources/io/hedgedesk/domain/instrument/catalog/contracts.json): Bybit ETHUSD face 1 USD, Binance
 * ETHUSD_PERP face 10 USD, Bybit ETHUSDT quantity in ETH with step 0.01, Bybit BTCUSD face 1 USD, Binance BTCUSDT step
 * 0.001. Tiers are reduced to one tier; these tests are not about tiers.
 */
public final class ContractFixtures {

    public static final Asset ETH = new Asset("ETH");
    public static final Asset BTC = new Asset("BTC");

    public static final Instrument BYBIT_ETHUSD = inverse("BYBIT", "ETHUSD", ETH, "1", "50", "0.00055", "0.01");
    public static final Instrument BINANCE_ETHUSD_PERP =
            inverse("BINANCE", "ETHUSD_PERP", ETH, "10", "100", "0.0005", "0.005");
    public static final Instrument BYBIT_BTCUSD = inverse("BYBIT", "BTCUSD", BTC, "1", "100", "0.00055", "0.005");
    public static final Instrument BYBIT_ETHUSDT = linear("BYBIT", "ETHUSDT", ETH, "0.01", "100", "0.00055", "0.005");
    public static final Instrument BINANCE_BTCUSDT =
            linear("BINANCE", "BTCUSDT", BTC, "0.001", "125", "0.0005", "0.004");

    private ContractFixtures() {}

    public static Instrument inverse(
            String venue,
            String symbol,
            Asset coin,
            String faceValue,
            String maxLeverage,
            String takerFee,
            String mmr) {
        return new Instrument(
                venue + ":" + symbol,
                venue,
                symbol,
                ContractType.INVERSE,
                coin,
                Asset.USD,
                coin,
                new BigDecimal(faceValue),
                BigDecimal.ONE,
                new BigDecimal("0.01"),
                Duration.ofHours(8),
                new BigDecimal(maxLeverage),
                new BigDecimal("0.0002"),
                new BigDecimal(takerFee),
                LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE,
                TierMeasure.POSITION_VALUE,
                tier(mmr, maxLeverage),
                "test");
    }

    public static Instrument linear(
            String venue, String symbol, Asset coin, String step, String maxLeverage, String takerFee, String mmr) {
        return new Instrument(
                venue + ":" + symbol,
                venue,
                symbol,
                ContractType.LINEAR,
                coin,
                Asset.USDT,
                Asset.USDT,
                BigDecimal.ONE,
                new BigDecimal(step),
                new BigDecimal("0.01"),
                Duration.ofHours(8),
                new BigDecimal(maxLeverage),
                new BigDecimal("0.0002"),
                new BigDecimal(takerFee),
                LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE,
                TierMeasure.POSITION_VALUE,
                tier(mmr, maxLeverage),
                "test");
    }

    private static List<MaintenanceTier> tier(String mmr, String maxLeverage) {
        return List.of(new MaintenanceTier(
                Optional.empty(), new BigDecimal(mmr), new BigDecimal(maxLeverage), BigDecimal.ZERO));
    }
}
