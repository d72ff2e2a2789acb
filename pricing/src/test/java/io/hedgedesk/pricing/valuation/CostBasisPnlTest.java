package io.hedgedesk.pricing.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostBasisPnlTest {

    private static CostBasisPnl.Basis basis(String value, String cost) {
        return new CostBasisPnl.Basis(
                Optional.ofNullable(value).map(BigDecimal::new),
                Optional.ofNullable(cost).map(BigDecimal::new));
    }

    @Test
    void aHoldingsPnlIsItsValueLessWhatItCost() {
        // 0.5 BTC bought for 30,000 USD in total, priced at 100,000: V = 50,000, PnL = 50,000 − 30,000 = 20,000,
        // PnL % = 20,000 / 30,000 = 2/3 = 66.67 %
        CostBasisPnl btc = CostBasisPnl.of(basis("50000", "30000")).orElseThrow();
        assertThat(btc.pnlUsd()).isEqualByComparingTo("20000");
        assertThat(btc.fraction().orElseThrow())
                .isEqualByComparingTo(BigDecimal.valueOf(2).divide(BigDecimal.valueOf(3), MathContext.DECIMAL128));
        // 4 ETH for 9,600 USD at 2,000: V = 8,000, PnL = −1,600, −1,600 / 9,600 = −1/6 = −16.67 %
        CostBasisPnl eth = CostBasisPnl.of(basis("8000", "9600")).orElseThrow();
        assertThat(eth.pnlUsd()).isEqualByComparingTo("-1600");
        assertThat(eth.fraction().orElseThrow())
                .isEqualByComparingTo(BigDecimal.valueOf(-1).divide(BigDecimal.valueOf(6), MathContext.DECIMAL128));
    }

    @Test
    void withoutPriceOrCostThereIsNoPnlAndAFreeHoldingHasNoPercent() {
        assertThat(CostBasisPnl.of(basis(null, "100"))).isEmpty();
        assertThat(CostBasisPnl.of(basis("100", null))).isEmpty();
        // an airdrop: cost 0, value 300 → PnL 300, no percent
        CostBasisPnl free = CostBasisPnl.of(basis("300", "0")).orElseThrow();
        assertThat(free.pnlUsd()).isEqualByComparingTo("300");
        assertThat(free.fraction()).isEmpty();
    }

    @Test
    void theTotalSumsEveryCostBasisAndThePnlOfHoldingsWithBoth() {
        // BTC V 50,000 C 30,000; ETH V 8,000 C 9,600; SOL V 9,000 no cost; AVAX no price C 1,000.
        // Cost basis total = 30,000 + 9,600 + 1,000 = 40,600 (every cost basis).
        // PnL over BTC and ETH: (50,000 + 8,000) − (30,000 + 9,600) = 18,400; 18,400 / 39,600 = 46.46 %.
        CostBasisPnl.Total total = CostBasisPnl.total(
                List.of(basis("50000", "30000"), basis("8000", "9600"), basis("9000", null), basis(null, "1000")));
        assertThat(total.costBasisUsd()).isEqualByComparingTo("40600");
        CostBasisPnl pnl = total.pnl().orElseThrow();
        assertThat(pnl.valueUsd()).isEqualByComparingTo("58000");
        assertThat(pnl.costBasisUsd()).isEqualByComparingTo("39600");
        assertThat(pnl.pnlUsd()).isEqualByComparingTo("18400");
        assertThat(pnl.fraction().orElseThrow())
                .isEqualByComparingTo(new BigDecimal("18400").divide(new BigDecimal("39600"), MathContext.DECIMAL128));
        assertThat(total.leftOut()).isEqualTo(2);
    }

    @Test
    void noHoldingWithBothGivesNoTotalPnl() {
        CostBasisPnl.Total total = CostBasisPnl.total(List.of(basis(null, "500"), basis("10", null)));
        assertThat(total.costBasisUsd()).isEqualByComparingTo("500");
        assertThat(total.pnl()).isEmpty();
        assertThat(total.leftOut()).isEqualTo(2);
    }
}
