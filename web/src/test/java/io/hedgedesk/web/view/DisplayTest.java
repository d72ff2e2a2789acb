package io.hedgedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The display formatter against values worked out by hand. */
class DisplayTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void oneRoundingModeHalfEven() {
        assertThat(Display.ROUNDING).isEqualTo(RoundingMode.HALF_EVEN);
        // 0.125 USD lies exactly between 0.12 and 0.13: half-even takes the even cent, 0.12; 0.135 → 0.14 (4 is even).
        assertThat(Display.usd(d("0.125"))).isEqualTo("0.12 USD");
        assertThat(Display.usd(d("0.135"))).isEqualTo("0.14 USD");
        // Beyond the tie the nearer neighbour wins: 0.1251 → 0.13.
        assertThat(Display.usd(d("0.1251"))).isEqualTo("0.13 USD");
        assertThat(Display.cents(d("0.125"))).isEqualByComparingTo("0.12");
        assertThat(Display.cents(d("-0.125"))).isEqualTo(d("-0.12"));
        // Coins at 8 decimals: 0.000000125 → 0.00000012 (2 is even).
        assertThat(Display.satoshis(d("0.000000125"))).isEqualTo(d("0.00000012"));
        assertThat(Display.percentPoints(d("0.12345"))).isEqualTo(d("12.34"));
    }

    @Test
    void thousandsSeparatorsAndTheUnitOnEveryAmount() {
        assertThat(Display.quantity(d("40000"))).isEqualTo("40,000");
        assertThat(Display.usd(d("45554"))).isEqualTo("45,554.00 USD");
        assertThat(Display.usd(d("45554.00"))).isEqualTo("45,554.00 USD");
        assertThat(Display.usd(d("-1234567.891"))).isEqualTo("-1,234,567.89 USD");
        assertThat(Display.amount(d("45554.004"), "USD")).isEqualTo("45,554.00 USD");
        assertThat(Display.amount(d("23625.00000000"), "USDT")).isEqualTo("23,625 USDT");
        assertThat(Display.amount(d("5.052"), "USDT")).isEqualTo("5.052 USDT");
    }

    @Test
    void coinsAreTrimmedOfPaddingUpToEightDecimals() {
        assertThat(Display.amount(d("0.00000000"), "AVAX")).isEqualTo("0 AVAX");
        assertThat(Display.amount(d("0E-8"), "AVAX")).isEqualTo("0 AVAX");
        assertThat(Display.amount(d("-0.00000000"), "AVAX")).isEqualTo("0 AVAX");
        // a loss too small to show is 0, never -0: -0.004 USD → 0.00 USD, -0.000000004 BTC → 0 BTC
        assertThat(Display.usd(d("-0.004"))).isEqualTo("0.00 USD");
        assertThat(Display.amount(d("-0.000000004"), "BTC")).isEqualTo("0 BTC");
        assertThat(Display.amount(d("450.19975000"), "AVAX")).isEqualTo("450.19975 AVAX");
        // 9th decimal: 0.000049485|5 → 0.00004949 (the dropped 55 is above half).
        assertThat(Display.amount(d("0.0000494855"), "BTC")).isEqualTo("0.00004949 BTC");
        assertThat(Display.amount(d("1234.5"), "ETH")).isEqualTo("1,234.5 ETH");
        assertThat(Display.coinsTrimmed(d("23625.00000000"))).isEqualTo(d("23625"));
        assertThat(Display.coinsTrimmed(d("1E+3")).toPlainString()).isEqualTo("1000");
    }

    @Test
    void pricesAtTheContractsTick() {
        // BINANCE:AVAXUSD_PERP ticks 0.01: 2971.6 → 2,971.60; 12.345 (a tie) → 12.34.
        assertThat(Display.price(d("2971.6"), CATALOG.get("BINANCE:AVAXUSD_PERP")))
                .isEqualTo("2,971.60");
        assertThat(Display.price(d("12.345"), CATALOG.get("BINANCE:AVAXUSD_PERP")))
                .isEqualTo("12.34");
        // BINANCE:ADAUSD_PERP ticks 0.0001: 0.3291|5171 → 0.3292; 0.4 → 0.4000.
        assertThat(Display.price(d("0.32915171"), CATALOG.get("BINANCE:ADAUSD_PERP")))
                .isEqualTo("0.3292");
        assertThat(Display.price(d("0.4"), CATALOG.get("BINANCE:ADAUSD_PERP"))).isEqualTo("0.4000");
        // BYBIT:BTCUSD ticks 0.5 (1 dp): never fewer than 2 dp, 98789.49|118553 → 98,789.49.
        assertThat(Display.price(d("98789.49118553"), CATALOG.get("BYBIT:BTCUSD")))
                .isEqualTo("98,789.49");
        assertThat(Display.atTick(d("0.32915171"), CATALOG.get("BINANCE:ADAUSD_PERP")))
                .isEqualTo(d("0.3292"));
        // Without a contract: 2 to 8 decimals, as typed.
        assertThat(Display.price(d("3150"))).isEqualTo("3,150.00");
        assertThat(Display.price(d("0.10322305"))).isEqualTo("0.10322305");
    }

    @Test
    void percentsWithTheirSign() {
        assertThat(Display.percent(d("0.1234"))).isEqualTo("12.34 %");
        assertThat(Display.percent(d("1"))).isEqualTo("100.00 %");
        assertThat(Display.pct(d("95.125"))).isEqualTo("95.12 %");
        assertThat(Display.pctAt(d("0.01"), 4)).isEqualTo("0.0100 %");
        assertThat(Display.ratio(d("0.92847"))).isEqualTo("0.9285");
    }

    @Test
    void ordersCarryTheirUnit() {
        assertThat(Display.order("SELL", d("1334"), CATALOG.get("BINANCE:ADAUSD_PERP")))
                .isEqualTo("SELL 1,334 contracts of 10 USD (ADAUSD_PERP)");
        assertThat(Display.order("SELL", d("175000"), CATALOG.get("BYBIT:ETHUSD")))
                .isEqualTo("SELL 175,000 contracts of 1 USD (ETHUSD)");
        assertThat(Display.order("SELL", d("0.500"), CATALOG.get("BYBIT:BTCUSDT")))
                .isEqualTo("SELL 0.5 BTC (BTCUSDT)");
    }

    @Test
    void formValuesAreWrittenPlain() {
        assertThat(Display.plain(d("1E+1"))).isEqualTo("10");
        assertThat(Display.plain(d("2971.6400"))).isEqualTo("2971.64");
        assertThat(Display.exactAt(d("0.5"), 3)).isEqualTo(d("0.500"));
        assertThatThrownBy(() -> Display.exactAt(d("0.5005"), 3)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void timesAndAges() {
        assertThat(Times.utc(Instant.parse("2026-12-06T12:03:59Z"))).isEqualTo("2026-12-06 12:03 UTC");
        assertThat(Times.age(Duration.ofSeconds(30))).isEqualTo("just now");
        assertThat(Times.age(Duration.ofMinutes(5))).isEqualTo("5 min ago");
        assertThat(Times.age(Duration.ofHours(30))).isEqualTo("30 h ago");
        assertThat(Times.age(Duration.ofDays(3))).isEqualTo("3 days ago");
        assertThat(Display.hours(d("49.5"))).isEqualTo("2 days");
        assertThat(Display.hours(d("30.9"))).isEqualTo("30 h");
    }
}
