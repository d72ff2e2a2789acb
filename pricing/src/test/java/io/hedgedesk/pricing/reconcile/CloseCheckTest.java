package io.hedgedesk.pricing.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CloseCheckTest {

    private static final Instrument BTCUSD = ContractCatalog.loadDefault().get("BYBIT:BTCUSD");

    @Test
    void theExchangesRealizedPnlBesideTheInverseFormula() {
        // Short 1,000 BTCUSD at 60,000, 400 closed at 61,000: 400 × (1/61,000 − 1/60,000) = −0.000109289… BTC gross;
        // the file's net figure −0.00011649 includes the two fees of 0.0000036 each: −0.000109289 − 0.0000072 =
        // −0.00011649
        Position position =
                new Position(BTCUSD, Side.SHORT, new BigDecimal("1000"), new BigDecimal("60000"), new BigDecimal("2"));
        CloseCheck net = CloseCheck.of(
                position,
                new BigDecimal("400"),
                new BigDecimal("61000"),
                new BigDecimal("-0.00011649"),
                new BigDecimal("0.0000072"),
                new BigDecimal("0.00000001"));
        assertThat(net.matches()).isTrue();
        // a figure one ten-thousandth of a BTC off is flagged
        CloseCheck off = CloseCheck.of(
                position,
                new BigDecimal("400"),
                new BigDecimal("61000"),
                new BigDecimal("-0.00021649"),
                new BigDecimal("0.0000072"),
                new BigDecimal("0.00000001"));
        assertThat(off.matches()).isFalse();
        assertThat(off.difference().setScale(8, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("-0.0001");
    }
}
