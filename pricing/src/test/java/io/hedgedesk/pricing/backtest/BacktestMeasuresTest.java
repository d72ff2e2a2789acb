package io.hedgedesk.pricing.backtest;

import static io.hedgedesk.pricing.backtest.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The measures on their own, worked by hand. */
class BacktestMeasuresTest {

    /**
     * 100, 120, 90, 130, 65, 70: the running peak is 100, 120, 120, 130, 130, 130; the falls 0, 0, 30/120 = 25 %,
     * 0, 65/130 = 50 %, 60/130 = 46 %. The worst is 50 % (65 USD) from index 3 to index 4.
     */
    @Test
    void maximumDrawdownIsTheLargestFallFromARunningPeak() {
        BacktestMeasures.Drawdown d = BacktestMeasures.maxDrawdown(
                new BigDecimal[] {bd("100"), bd("120"), bd("90"), bd("130"), bd("65"), bd("70")});
        assertThat(d.fraction()).isCloseTo(0.5, within(1e-15));
        assertThat(d.usd()).isEqualByComparingTo("65");
        assertThat(d.peak()).isEqualTo(3);
        assertThat(d.trough()).isEqualTo(4);
        assertThat(BacktestMeasures.maxDrawdown(new BigDecimal[] {bd("1"), bd("2"), bd("3")})
                        .fraction())
                .isZero();
    }

    /**
     * Changes of the unhedged 2, −2, 4 (mean 4/3, Var = ((2/3)² + (10/3)² + (8/3)²)/2 = 168/18 = 28/3); hedged 1, −1, 2
     * (half of each: Var = 28/12 = 7/3): reduction 1 − 1/4 = 0.75. A hedge that doubles every move: 1 − 4 = −3.
     */
    @Test
    void varianceReductionComparesTheDailyChanges() {
        double[] unhedged = {2, -2, 4};
        assertThat(BacktestMeasures.variance(unhedged)).isCloseTo(28.0 / 3, within(1e-12));
        assertThat(BacktestMeasures.varianceReduction(new double[] {1, -1, 2}, unhedged)
                        .getAsDouble())
                .isCloseTo(0.75, within(1e-12));
        assertThat(BacktestMeasures.varianceReduction(new double[] {4, -4, 8}, unhedged)
                        .getAsDouble())
                .isCloseTo(-3, within(1e-12));
        assertThat(BacktestMeasures.varianceReduction(new double[] {1, 2}, new double[] {3, 3}))
                .isEmpty();
    }

    /** The bag lost 1,000 and the hedge's price PnL made 950: offset 0.95; a bag that did not move: no ratio. */
    @Test
    void dollarOffsetIsTheHedgesPricePnlOverTheItemsChange() {
        assertThat(BacktestMeasures.dollarOffset(bd("950"), bd("-1000")).getAsDouble())
                .isCloseTo(0.95, within(1e-15));
        assertThat(BacktestMeasures.dollarOffset(bd("10"), BigDecimal.ZERO)).isEmpty();
    }
}
