package io.hedgedesk.pricing.backtest;

import static io.hedgedesk.pricing.backtest.Fixtures.AAA;
import static io.hedgedesk.pricing.backtest.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.testing.ContractFixtures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine against a second, naive implementation written here from domain.md's formulas alone (no sizer, no
 * pricer, no leg bookkeeping): 60 days of an inverse short with margin out of the bag, daily funding, and a rally that
 * liquidates it.
 */
class NaiveRecomputationTest {

    private static final MathContext MC = MathContext.DECIMAL128;
    /** Inverse AAA, face 10 USD, 10x, taker 0.05 %, MMR 0.5 %, maintenance on entry value. */
    private static final Instrument AAA_USD =
            ContractFixtures.inverse("TEST", "AAAUSD", AAA, "10", "10", "0.0005", "0.005");

    @Test
    void everyCloseMatchesTheNaiveReplay() {
        Random random = new Random(26);
        List<PricePoint> points = new ArrayList<>();
        List<FundingRate> rates = new ArrayList<>();
        BigDecimal price = bd("250");
        for (int day = 0; day < 60; day++) {
            double move = day < 30 ? (random.nextDouble() - 0.5) * 0.12 : 0.03;
            price = price.multiply(BigDecimal.valueOf(1 + move), MC).setScale(2, RoundingMode.HALF_UP);
            points.add(new PricePoint(Fixtures.D0.plusDays(day), price));
            rates.add(new FundingRate(
                    Fixtures.D0.plusDays(day).atTime(8, 0).toInstant(ZoneOffset.UTC),
                    BigDecimal.valueOf(random.nextInt(11) - 4, 4)));
        }
        BacktestMarket market = BacktestMarket.of(
                List.of(new PriceSeries("AAA", "walk", points)),
                Fixtures.D0,
                Fixtures.D0.plusDays(59),
                0,
                Map.of(AAA_USD.id(), new FundingRateSeries(AAA_USD.id(), "walk", rates)));
        BacktestResult engine = BacktestEngine.DEFAULT.run(
                market,
                new BacktestPolicy(
                        Map.of("AAA", bd("40")),
                        Map.of("AAA", new LegPolicy(AAA_USD, bd("3"), MarginSource.OUT_OF_BAG, BigDecimal.ONE)),
                        Optional.empty(),
                        Rebalancing.never(),
                        Optional.empty()));

        // naive: D = C/(1 + r), Q = D·E/FV to the nearest contract, M = Q·FV/(E·L), fee f = Q·FV/E·r, spot C − M − f
        BigDecimal coins = bd("40");
        BigDecimal fv = bd("10");
        BigDecimal r = bd("0.0005");
        BigDecimal e = points.get(0).close();
        BigDecimal q = coins.divide(BigDecimal.ONE.add(r), MC)
                .multiply(e)
                .divide(fv, MC)
                .setScale(0, RoundingMode.HALF_UP);
        BigDecimal n = q.multiply(fv);
        BigDecimal margin = n.divide(e.multiply(bd("3")), MC);
        BigDecimal spot = coins.subtract(margin).subtract(n.divide(e, MC).multiply(r));
        BigDecimal maintenance = n.divide(e, MC).multiply(bd("0.005"));
        boolean alive = true;
        int liquidatedOn = -1;
        for (int day = 0; day < 60; day++) {
            BigDecimal x = points.get(day).close();
            BigDecimal pnl = BigDecimal.ZERO;
            if (alive && day > 0) {
                // the settlement at 08:00 of day d is due before the close of day d (the end of that UTC day)
                margin = margin.add(rates.get(day).rate().multiply(n).divide(x, MC));
                pnl = n.multiply(BigDecimal.ONE.divide(x, MC).subtract(BigDecimal.ONE.divide(e, MC)));
                if (margin.add(pnl).compareTo(maintenance) <= 0) {
                    alive = false;
                    liquidatedOn = day;
                }
            }
            BigDecimal hedged = alive ? spot.add(margin).add(pnl).multiply(x) : spot.multiply(x);
            DailyPoint point = engine.path().get(day);
            assertThat(point.hedgedUsd().setScale(12, RoundingMode.HALF_UP))
                    .as("hedged equity on day %d", day)
                    .isEqualByComparingTo(hedged.setScale(12, RoundingMode.HALF_UP));
            assertThat(point.unhedgedUsd()).isEqualByComparingTo(coins.multiply(x));
        }
        assertThat(liquidatedOn).isPositive();
        assertThat(engine.measures().liquidations()).isEqualTo(1);
        assertThat(engine.events().get(1).date()).isEqualTo(Fixtures.D0.plusDays(liquidatedOn));
    }
}
