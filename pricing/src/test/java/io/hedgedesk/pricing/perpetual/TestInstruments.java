package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.TierMeasure;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The bundled catalog, and hand-made instruments for cases the catalog does not contain. */
final class TestInstruments {

    static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

    private TestInstruments() {}

    static Instrument get(String id) {
        return CATALOG.get(id);
    }

    /** A tier {@code upTo} (null = unbounded), MMR, max leverage, maintenance amount. */
    static MaintenanceTier tier(String upTo, String mmr, String maxLeverage, String amount) {
        return new MaintenanceTier(
                Optional.ofNullable(upTo).map(BigDecimal::new),
                new BigDecimal(mmr),
                new BigDecimal(maxLeverage),
                new BigDecimal(amount));
    }

    /** An inverse BTC contract of face value {@code faceValue} USD with the given tiers (position value in BTC). */
    static Instrument inverse(String faceValue, String maxLeverage, MaintenanceTier... tiers) {
        Asset btc = new Asset("BTC");
        return new Instrument(
                "TEST:BTCUSD",
                "TEST",
                "BTCUSD",
                ContractType.INVERSE,
                btc,
                Asset.USD,
                btc,
                new BigDecimal(faceValue),
                BigDecimal.ONE,
                new BigDecimal("0.5"),
                Duration.ofHours(8),
                new BigDecimal(maxLeverage),
                new BigDecimal("0.0002"),
                new BigDecimal("0.0005"),
                LiquidationConvention.MAINTENANCE_ON_MARK_VALUE,
                TierMeasure.POSITION_VALUE,
                List.of(tiers),
                "hand-made");
    }
}
