package io.hedgedesk.pricing.ledger;

import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_BTCUSD;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several fills of a leg averaged as the venue does; hand arithmetic in each comment. */
class FillsTest {

    private static Fills.Fill fill(String size, String price) {
        return new Fills.Fill(new BigDecimal(size), new BigDecimal(price));
    }

    /** Inverse, harmonic: 1,000 at 50,000 and 1,000 at 40,000 → 2,000 / (1,000/50,000 + 1,000/40,000) = 44,444.444… */
    @Test
    void inverseFillsAverageHarmonically() {
        Fills.Fill f = Fills.combine(
                BYBIT_BTCUSD, Side.SHORT, BigDecimal.valueOf(2), List.of(fill("1000", "50000"), fill("1000", "40000")));
        assertThat(f.size()).isEqualByComparingTo("2000");
        assertThat(f.price().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("44444.444444");
    }

    /** Linear, size-weighted: 0.5 at 3,000 and 1.5 at 3,200 → (1,500 + 4,800) / 2 = 3,150; one fill is itself. */
    @Test
    void linearFillsAverageBySize() {
        Fills.Fill f = Fills.combine(
                BYBIT_ETHUSDT, Side.SHORT, BigDecimal.valueOf(2), List.of(fill("0.5", "3000"), fill("1.5", "3200")));
        assertThat(f.size()).isEqualByComparingTo("2");
        assertThat(f.price()).isEqualByComparingTo("3150");
        assertThat(Fills.combine(BYBIT_ETHUSDT, Side.SHORT, BigDecimal.ONE, List.of(fill("2", "3000.5")))
                        .price())
                .isEqualByComparingTo("3000.5");
    }

    @Test
    void noFillOrABadOneIsRefusedOnItsField() {
        assertThatThrownBy(() -> Fills.combine(BYBIT_ETHUSDT, Side.SHORT, BigDecimal.ONE, List.of()))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("fills"));
        assertThatThrownBy(() -> Fills.combine(BYBIT_ETHUSDT, Side.SHORT, BigDecimal.ONE, List.of(fill("1", "-5"))))
                .isInstanceOf(InvalidHedgeException.class);
    }
}
