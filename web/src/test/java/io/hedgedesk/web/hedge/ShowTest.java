package io.hedgedesk.web.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Prices on the hedge pages, by hand against the catalog's tick sizes. */
class ShowTest {

  private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

  @Test
  void aComputedPriceHasTheDecimalsOfTheContractsTick() {
    // BINANCE:DOGEUSD_PERP ticks 0.00001 (5 dp): 0.10322|305 → 0.10322. A fixed 2 dp showed 0.10.
    assertThat(Show.price(new BigDecimal("0.10322305"), CATALOG.get("BINANCE:DOGEUSD_PERP"))).isEqualTo("0.10322");
    // BINANCE:ADAUSD_PERP ticks 0.0001: 0.3291|5171 → 0.3292 (the dropped part is above half).
    assertThat(Show.price(new BigDecimal("0.32915171"), CATALOG.get("BINANCE:ADAUSD_PERP"))).isEqualTo("0.3292");
    // BYBIT:BTCUSD ticks 0.5 (1 dp): never fewer than 2 dp, so 98789.49|118553 → 98789.49.
    assertThat(Show.price(new BigDecimal("98789.49118553"), CATALOG.get("BYBIT:BTCUSD"))).isEqualTo("98789.49");
    // Half-even at the last place: 2000.125 at 2 dp (BYBIT:ETHUSD ticks 0.05) → 2000.12; 2000.135 → 2000.14.
    assertThat(Show.price(new BigDecimal("2000.125"), CATALOG.get("BYBIT:ETHUSD"))).isEqualTo("2000.12");
    assertThat(Show.price(new BigDecimal("2000.135"), CATALOG.get("BYBIT:ETHUSD"))).isEqualTo("2000.14");
  }

  @Test
  void aFillIsShownAsEnteredWithAtLeastTwoDecimals() {
    assertThat(Show.fill(new BigDecimal("0.10322305"))).isEqualTo("0.10322305");
    assertThat(Show.fill(new BigDecimal("0.1032000000"))).isEqualTo("0.1032");
    assertThat(Show.fill(new BigDecimal("2000"))).isEqualTo("2000.00");
    assertThat(Show.fill(new BigDecimal("2000.5"))).isEqualTo("2000.50");
    // 1E+3 (a stripped 1000) is still written out.
    assertThat(Show.fill(new BigDecimal("1E+3"))).isEqualTo("1000.00");
  }
}
