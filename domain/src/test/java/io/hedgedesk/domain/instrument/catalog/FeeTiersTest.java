package io.hedgedesk.domain.instrument.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Instrument;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bundled VIP fee schedules against the venues' tables, and against the catalog's own base rates. */
class FeeTiersTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final FeeTiers TIERS = FeeTiers.loadDefault();

    @Test
    void bybitPublishesOneTableForInverseAndLinear() {
        // Bybit "Trading Fee Structure": VIP 2 Perpetual & Futures taker 0.0375 %, maker 0.0160 %; Supreme VIP maker 0.
        for (String id : new String[] {"BYBIT:BTCUSD", "BYBIT:ADAUSDT"}) {
            Instrument instrument = CATALOG.get(id);
            assertThat(TIERS.forInstrument(instrument))
                    .extracting(FeeTier::name)
                    .containsExactly("VIP 0", "VIP 1", "VIP 2", "VIP 3", "VIP 4", "VIP 5", "Supreme VIP");
            FeeTier vip2 = TIERS.find(instrument, "vip2").orElseThrow();
            assertThat(vip2.takerFeeRate()).isEqualByComparingTo("0.000375");
            assertThat(vip2.makerFeeRate()).isEqualByComparingTo("0.00016");
            assertThat(TIERS.find(instrument, "Supreme-VIP").orElseThrow().makerFeeRate())
                    .isZero();
        }
    }

    @Test
    void binanceHasAUsdsMarginedTableOnly() {
        FeeTier vip9 = TIERS.find(CATALOG.get("BINANCE:BTCUSDT"), "VIP 9").orElseThrow();
        assertThat(vip9.makerFeeRate()).isZero();
        assertThat(vip9.takerFeeRate()).isEqualByComparingTo("0.00017");
        assertThat(TIERS.forInstrument(CATALOG.get("BINANCE:BTCUSD_PERP"))).isEmpty();
        assertThat(TIERS.forInstrument(CATALOG.get("BITMEX:XBTUSD"))).isEmpty();
        assertThat(TIERS.find(CATALOG.get("BINANCE:BTCUSDT"), "VIP 10")).isEmpty();
    }

    @Test
    void theLowestLevelIsTheCatalogsOwnRate() {
        for (Instrument instrument : CATALOG.all()) {
            TIERS.forInstrument(instrument).stream().findFirst().ifPresent(vip0 -> {
                assertThat(vip0.makerFeeRate()).as(instrument.id()).isEqualByComparingTo(instrument.makerFeeRate());
                assertThat(vip0.takerFeeRate()).as(instrument.id()).isEqualByComparingTo(instrument.takerFeeRate());
            });
        }
    }

    @Test
    void aLevelAppliesItsRatesAndKeepsTheRest() {
        Instrument btcusdt = CATALOG.get("BYBIT:BTCUSDT");
        Instrument vip5 = TIERS.find(btcusdt, "VIP 5").orElseThrow().applyTo(btcusdt);
        assertThat(vip5.makerFeeRate()).isEqualByComparingTo("0.0001");
        assertThat(vip5.takerFeeRate()).isEqualByComparingTo("0.00032");
        assertThat(vip5.maintenanceTiers()).isEqualTo(btcusdt.maintenanceTiers());
        Instrument rebate = FeeTiers.withFeeRates(btcusdt, new BigDecimal("-0.00005"), new BigDecimal("0.0003"));
        assertThat(rebate.makerFeeRate()).isEqualByComparingTo("-0.00005");
        assertThat(rebate.id()).isEqualTo("BYBIT:BTCUSDT");
    }

    @Test
    void badSchedulesNameTheirField() {
        String json = "{\"schedules\":[{\"venue\":\"X\",\"types\":[\"FUTURE\"],\"source\":\"s\",\"tiers\":[]}]}";
        assertThatThrownBy(() -> FeeTiers.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageContaining("types");
    }
}
