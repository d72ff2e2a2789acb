package io.hedgedesk.domain.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstrumentTest {

    static MaintenanceTier tier(String upTo, String mmr, String lev, String amount) {
        return new MaintenanceTier(
                Optional.ofNullable(upTo).map(BigDecimal::new),
                new BigDecimal(mmr),
                new BigDecimal(lev),
                new BigDecimal(amount));
    }

    static Instrument inverse(List<MaintenanceTier> tiers) {
        return new Instrument(
                "BINANCE:BTCUSD_PERP",
                "BINANCE",
                "BTCUSD_PERP",
                ContractType.INVERSE,
                new Asset("BTC"),
                Asset.USD,
                new Asset("BTC"),
                new BigDecimal("100"),
                BigDecimal.ONE,
                new BigDecimal("0.1"),
                Duration.ofHours(8),
                new BigDecimal("125"),
                new BigDecimal("0.0002"),
                new BigDecimal("0.0005"),
                LiquidationConvention.MAINTENANCE_ON_MARK_VALUE,
                TierMeasure.POSITION_VALUE,
                tiers,
                "test");
    }

    @Test
    void picksTheTierWhoseInclusiveBoundContainsTheMeasure() {
        Instrument btc = inverse(List.of(
                tier("5", "0.004", "125", "0"),
                tier("10", "0.005", "100", "0.005"),
                tier(null, "0.01", "50", "0.055")));

        assertThat(btc.tierFor(new BigDecimal("0.4")).maintenanceMarginRate()).isEqualByComparingTo("0.004");
        assertThat(btc.tierFor(new BigDecimal("5")).maintenanceMarginRate()).isEqualByComparingTo("0.004");
        assertThat(btc.tierFor(new BigDecimal("5.0001")).maintenanceMarginRate())
                .isEqualByComparingTo("0.005");
        assertThat(btc.tierFor(new BigDecimal("1000")).maintenanceMarginRate()).isEqualByComparingTo("0.01");
        assertThat(btc.fundingIntervalsPerYear()).isEqualTo(1095); // 365 days × 3 settlements
    }

    @Test
    void rejectsTiersThatDoNotAscendOrEndBounded() {
        assertThatThrownBy(() -> inverse(List.of(
                        tier("10", "0.004", "125", "0"),
                        tier("5", "0.005", "100", "0"),
                        tier(null, "0.01", "50", "0"))))
                .hasMessageContaining("must ascend");
        assertThatThrownBy(() -> inverse(List.of(tier("10", "0.004", "125", "0"))))
                .hasMessageContaining("last maintenance tier must be unbounded");
        assertThatThrownBy(() -> inverse(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> tier(null, "1", "1", "0")).hasMessageContaining("maintenanceMarginRate");
    }

    @Test
    void inverseContractsSettleInTheirCoin() {
        assertThatThrownBy(() -> new Instrument(
                        "X:BTCUSD",
                        "X",
                        "BTCUSD",
                        ContractType.INVERSE,
                        new Asset("BTC"),
                        Asset.USD,
                        Asset.USDT,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        Duration.ofHours(8),
                        BigDecimal.TEN,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE,
                        TierMeasure.POSITION_VALUE,
                        List.of(tier(null, "0.005", "100", "0")),
                        "test"))
                .hasMessageContaining("settles in its base asset BTC");
    }

    @Test
    void amountsRoundOnlyWhenTold() {
        Amount fee = Amount.of("0.000049485", new Asset("BTC"));
        assertThat(fee.rounded(RoundingMode.HALF_UP).value()).isEqualByComparingTo("0.00004949");
        assertThatThrownBy(() -> fee.rounded(8, RoundingMode.UNNECESSARY)).isInstanceOf(ArithmeticException.class);
        assertThat(Amount.of("12.345", Asset.USDT).rounded(RoundingMode.DOWN).value())
                .isEqualByComparingTo("12.34");
        assertThat(Amount.of("0.5", new Asset("BTC")).convert(new BigDecimal("60000"), Asset.USD))
                .isEqualTo(Amount.of("30000.0", Asset.USD));
        assertThatThrownBy(() -> fee.plus(Amount.zero(Asset.USD))).hasMessageContaining("cannot combine BTC with USD");
    }

    @Test
    void assetSymbolsAreValidated() {
        assertThat(Asset.of(" sol ")).isEqualTo(new Asset("SOL"));
        assertThat(Asset.USDT.isDollar()).isTrue();
        assertThat(new Asset("ETH").scale()).isEqualTo(8);
        assertThatThrownBy(() -> Asset.of("bad symbol")).hasMessageContaining("upper-case letters or digits");
        assertThatThrownBy(() -> Asset.of("")).isInstanceOf(InvalidInstrumentException.class);
    }
}
