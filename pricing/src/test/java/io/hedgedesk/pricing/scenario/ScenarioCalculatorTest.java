package io.hedgedesk.pricing.scenario;

import static io.hedgedesk.pricing.testing.ContractFixtures.BINANCE_BTCUSDT;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSD;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT;
import static io.hedgedesk.pricing.testing.ContractFixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.pricing.funding.FundingStatistics;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scenario rows; every expected number is worked out by hand in the comment next to it. */
class ScenarioCalculatorTest {

    private static final ScenarioCalculator CALCULATOR = ScenarioCalculator.DEFAULT;
    private static final BigDecimal TINY = new BigDecimal("1e-25");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** 50 ETH hedged with 175,000 Bybit ETHUSD (1 USD) contracts short from 3,500 at leverage {@code leverage}. */
    private static ScenarioInput inverseEth(String leverage, String fundingRateSum) {
        Position hedge = Position.of(BYBIT_ETHUSD, Side.SHORT, "175000", "3500", leverage);
        return ScenarioInput.sameCoin(hedge, d("50"), d("3500"), d("3500"), d(fundingRateSum));
    }

    /** 50 ETH hedged with 50 Bybit ETHUSDT short from 3,500 at 5x, USDT margin. */
    private static ScenarioInput linearEth(String fundingRateSum) {
        Position hedge = Position.of(BYBIT_ETHUSDT, Side.SHORT, "50", "3500", "5");
        return ScenarioInput.sameCoin(hedge, d("50"), d("3500"), d("3500"), d(fundingRateSum));
    }

    @Test
    void ethFallsTo3000WithALinearHedge() {
        // 3,500 → 3,000 is a shock of −500/3,500 = −1/7 = −14.2857...%
        ScenarioRow row = CALCULATOR.rowAtPrice(linearEth("0.003"), d("3000"));
        assertThat(row.shock()).isCloseTo(d("-0.142857142857"), within(d("0.000000000001")));
        // spot: 50 × (3,000 − 3,500) = −25,000 USD; hedge: 50 × (3,500 − 3,000) = +25,000 USDT
        assertThat(row.spotPnlUsd()).isEqualByComparingTo("-25000");
        assertThat(row.hedgePnl()).isEqualTo(new Amount(row.hedgePnl().value(), Asset.USDT));
        assertThat(row.hedgePnl().value()).isEqualByComparingTo("25000");
        assertThat(row.hedgePnlUsd()).isEqualByComparingTo("25000");
        // fees at taker 0.055 %: open 50 × 3,500 × 0.00055 = 96.25, close 50 × 3,000 × 0.00055 = 82.50 → 178.75 USDT
        assertThat(row.fees().value()).isEqualByComparingTo("178.75");
        // funding: rate sum 0.3 % to the short × position value 50 × 3,000 = 150,000 → +450 USDT received
        assertThat(row.funding().value()).isEqualByComparingTo("450");
        assertThat(row.fundingUsd()).isEqualByComparingTo("450");
        // net = −25,000 + 25,000 + 450 − 178.75 = 271.25 USD
        assertThat(row.netPnlUsd()).isEqualByComparingTo("271.25");
        assertThat(row.netLowUsd()).isEqualByComparingTo("271.25");
        assertThat(row.netHighUsd()).isEqualByComparingTo("271.25");
        // margin: IM 175,000 / 5 = 35,000 + PnL 25,000 + funding 450 = 60,450 USDT
        assertThat(row.marginBalance().value()).isEqualByComparingTo("60450");
        assertThat(row.marginBalanceUsd()).isEqualByComparingTo("60450");
        assertThat(row.liquidated()).isFalse();
    }

    @Test
    void ethFallsTo3000WithAnInverseHedge() {
        // 25 ETH spot + 25 ETH margin (2x out of the bag) = 50 ETH held
        ScenarioRow row = CALCULATOR.rowAtPrice(inverseEth("2", "0.003"), d("3000"));
        assertThat(row.spotPnlUsd()).isEqualByComparingTo("-25000");
        // coin PnL = 175,000 × (1/3,000 − 1/3,500) = 58.3333... − 50 = 8.3333... ETH, × 3,000 = +25,000 USD
        assertThat(row.hedgePnl().asset()).isEqualTo(ETH);
        assertThat(row.hedgePnl().value()).isCloseTo(d("8.333333333333333"), within(d("1e-15")));
        assertThat(row.hedgePnlUsd()).isCloseTo(d("25000"), within(d("1e-20")));
        // fees: open 175,000/3,500 × 0.00055 = 0.0275 ETH; close 58.3333... × 0.00055 = 0.0320833... ETH;
        // total 0.0595833... ETH × 3,000 = 178.75 USD
        assertThat(row.fees().value()).isCloseTo(d("0.0595833333333"), within(d("1e-13")));
        assertThat(row.feesUsd()).isCloseTo(d("178.75"), within(d("1e-20")));
        // funding: 0.003 × 58.3333... ETH = 0.175 ETH = 525 USD
        assertThat(row.funding().value()).isCloseTo(d("0.175"), within(TINY));
        assertThat(row.fundingUsd()).isCloseTo(d("525"), within(d("1e-20")));
        // net = −25,000 + 25,000 + 525 − 178.75 = 346.25
        assertThat(row.netPnlUsd()).isCloseTo(d("346.25"), within(d("1e-20")));
        // margin: 25 + 8.3333... + 0.175 = 33.508333... ETH = 100,525 USD
        assertThat(row.marginBalance().value()).isCloseTo(d("33.5083333333333"), within(d("1e-13")));
        assertThat(row.marginBalanceUsd()).isCloseTo(d("100525"), within(d("1e-20")));
    }

    @Test
    void inverseShortAgainstTheBagIsASyntheticDollar() {
        // 1x: the whole bag, 50 ETH, is margin. At −50 % (1,750): spot −87,500; coin PnL 175,000 × (1/1,750 − 1/3,500)
        // = 100 − 50 = +50 ETH × 1,750 = +87,500. At +100 % (7,000): spot +175,000; coin PnL 25 − 50 = −25 ETH × 7,000
        // = −175,000. Net 0 before fees and funding; the account is worth 175,000 USD either way:
        // (50 + 50) × 1,750 = (50 − 25) × 7,000 = 175,000.
        ScenarioGrid grid = CALCULATOR.grid(inverseEth("1", "0"), List.of(d("-0.5"), d("1")));
        ScenarioRow down = grid.rows().get(0);
        ScenarioRow up = grid.rows().get(1);
        assertThat(down.spotPrice()).isEqualByComparingTo("1750");
        assertThat(down.spotPnlUsd()).isEqualByComparingTo("-87500");
        assertThat(down.hedgePnl().value()).isEqualByComparingTo("50");
        assertThat(down.hedgePnlUsd()).isEqualByComparingTo("87500");
        assertThat(down.spotPnlUsd().add(down.hedgePnlUsd())).isZero();
        assertThat(down.marginBalanceUsd()).isEqualByComparingTo("175000");
        assertThat(up.spotPrice()).isEqualByComparingTo("7000");
        assertThat(up.spotPnlUsd()).isEqualByComparingTo("175000");
        assertThat(up.hedgePnl().value()).isEqualByComparingTo("-25");
        assertThat(up.hedgePnlUsd()).isEqualByComparingTo("-175000");
        assertThat(up.spotPnlUsd().add(up.hedgePnlUsd())).isZero();
        assertThat(up.marginBalanceUsd()).isEqualByComparingTo("175000");
        // only the fees remain: −50 % close fee 100 ETH × 0.00055 = 0.055 ETH, open 0.0275 ETH → 0.0825 × 1,750 =
        // 144.375
        assertThat(down.netPnlUsd()).isEqualByComparingTo("-144.375");
        // a 1x inverse short: LP = E·L/(L − 1 + MMR·L) = 3,500 / 0.01 = 350,000; no bankruptcy price
        assertThat(grid.liquidationPrice())
                .hasValueSatisfying(lp -> assertThat(lp).isEqualByComparingTo("350000"));
        assertThat(grid.bankruptcyPrice()).isEmpty();
        assertThat(grid.rows()).noneMatch(ScenarioRow::liquidated);
    }

    @Test
    void defaultGridHasTheTenDocumentedShocks() {
        ScenarioGrid grid = CALCULATOR.grid(linearEth("0"));
        assertThat(grid.rows())
                .extracting(ScenarioRow::shock)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        d("-0.8"), d("-0.6"), d("-0.4"), d("-0.2"), d("-0.1"), d("0"), d("0.1"), d("0.2"), d("0.5"),
                        d("1"));
        // linear short at 5x: LP = E·(1 + 1/L − MMR) = 3,500 × (1 + 0.2 − 0.005) = 4,182.5; BP = 3,500 × 1.2 = 4,200
        assertThat(grid.liquidationPrice())
                .hasValueSatisfying(lp -> assertThat(lp).isEqualByComparingTo("4182.5"));
        assertThat(grid.bankruptcyPrice())
                .hasValueSatisfying(bp -> assertThat(bp).isEqualByComparingTo("4200"));
        // +10 % = 3,850 is below LP, +20 % = 4,200 beyond it
        assertThat(grid.rows())
                .extracting(ScenarioRow::liquidated)
                .containsExactly(false, false, false, false, false, false, false, true, true, true);
        // −80 %: spot 50 × (−2,800) = −140,000; hedge +140,000; no funding; fees 96.25 + 50 × 700 × 0.00055 = 115.50
        ScenarioRow crash = grid.rows().get(0);
        assertThat(crash.spotPnlUsd()).isEqualByComparingTo("-140000");
        assertThat(crash.hedgePnlUsd()).isEqualByComparingTo("140000");
        assertThat(crash.funding().value()).isZero();
        assertThat(crash.netPnlUsd()).isEqualByComparingTo("-115.5");
    }

    @Test
    void liquidationFlagFlipsExactlyPastTheLiquidationPrice() {
        // 2x inverse short, MMR 1 %, maintenance on entry value: LP = E·L/(L − 1 + MMR·L) = 7,000 / 1.02 =
        // 6,862.745098...
        ScenarioInput input = inverseEth("2", "0");
        ScenarioGrid grid = CALCULATOR.grid(input);
        BigDecimal lp = grid.liquidationPrice().orElseThrow();
        assertThat(lp).isCloseTo(d("6862.745098039215686"), within(d("1e-15")));
        // bankruptcy E·L/(L − 1) = 7,000
        assertThat(grid.bankruptcyPrice())
                .hasValueSatisfying(bp -> assertThat(bp).isEqualByComparingTo("7000"));
        BigDecimal atLp = lp.divide(d("3500"), MathContext.DECIMAL128).subtract(BigDecimal.ONE);
        BigDecimal epsilon = d("1e-20");
        assertThat(CALCULATOR.row(input, atLp.subtract(epsilon)).liquidated()).isFalse();
        assertThat(CALCULATOR.row(input, atLp.add(epsilon)).liquidated()).isTrue();
        assertThat(CALCULATOR.rowAtPrice(input, lp).liquidated()).isTrue();
        // in the default grid, +50 % (5,250) survives and +100 % (7,000) is liquidated
        assertThat(grid.rows().get(8).liquidated()).isFalse();
        assertThat(grid.rows().get(9).liquidated()).isTrue();

        // 5 ETH of extra isolated margin: LP = Q·FV / (Q·FV/E·(1 − 1/L + MMR) − X) = 175,000 / (50 × 0.51 − 5)
        // = 175,000 / 20.5 = 8,536.585365...
        ScenarioGrid padded = CALCULATOR.grid(input.withExtraMargin(Amount.of("5", ETH)));
        assertThat(padded.liquidationPrice().orElseThrow()).isCloseTo(d("8536.585365853658537"), within(d("1e-15")));
        assertThat(padded.rows().get(9).liquidated()).isFalse();
        // the margin balance includes the extra margin: at 0 %, 25 + 5 = 30 ETH
        assertThat(padded.rows().get(5).marginBalance().value()).isEqualByComparingTo("30");
    }

    @Test
    void proxyRowCheckedByHand() {
        // Basket 100,000 USD with β = 1.2 on BTC, hedged with 2 BTCUSDT short at 60,000 (notional 120,000 = β × value),
        // 5x USDT margin; residual volatility 5 % over the horizon, band ±2σ = ±10,000 USD.
        Position hedge = Position.of(BINANCE_BTCUSDT, Side.SHORT, "2", "60000", "5");
        ProxyBasket basket = new ProxyBasket(d("100000"), 1.2, 0.05, 2);
        ScenarioInput input = ScenarioInput.proxy(hedge, basket, BigDecimal.ZERO, d("60000"), d("60000"), d("-0.001"));
        ScenarioRow row = CALCULATOR.row(input, d("-0.2"));
        // BTC −20 % → 48,000; the basket moves by 0.8^1.2 − 1. 0.8^1.2 = (0.8^6)^(1/5) = 0.262144^(1/5) = 0.76508200
        // (0.765082^5 = 0.2621441): basket 100,000 × (0.76508200 − 1) = −23,491.80; hedge 2 × (60,000 − 48,000) =
        // +24,000
        assertThat(row.markPrice()).isEqualByComparingTo("48000");
        assertThat(row.spotPnlUsd()).isZero();
        assertThat(row.basketPnlUsd()).isCloseTo(d("-23491.80"), within(d("0.01")));
        assertThat(row.hedgePnlUsd()).isEqualByComparingTo("24000");
        // funding −0.1 % to the short (rates were negative: the short pays) × 2 × 48,000 = −96 USDT
        assertThat(row.fundingUsd()).isEqualByComparingTo("-96");
        // fees 0.05 % taker: open 120,000 × 0.0005 = 60, close 96,000 × 0.0005 = 48 → 108
        assertThat(row.feesUsd()).isEqualByComparingTo("108");
        // net = −23,491.80 + 24,000 − 96 − 108 = 304.20; band 2 × 0.05 × 100,000 = 10,000
        assertThat(row.netPnlUsd()).isCloseTo(d("304.20"), within(d("0.01")));
        assertThat(row.netLowUsd()).isCloseTo(d("-9695.80"), within(d("0.01")));
        assertThat(row.netHighUsd()).isCloseTo(d("10304.20"), within(d("0.01")));
        // margin 120,000 / 5 = 24,000 + 24,000 − 96 = 47,904 USDT
        assertThat(row.marginBalance().value()).isEqualByComparingTo("47904");

        // BTC +10 % → 66,000: 1.1^1.2 = (1.1^6)^(1/5) = 1.771561^(1/5) = 1.12116936 (1.1211694^5 = 1.7715612): basket
        // +12,116.94, hedge 2 × (−6,000) = −12,000, funding −0.001 × 132,000 = −132, fees 60 + 66 = 126 → net −141.06
        ScenarioRow up = CALCULATOR.row(input, d("0.1"));
        assertThat(up.basketPnlUsd()).isCloseTo(d("12116.94"), within(d("0.01")));
        assertThat(up.hedgePnlUsd()).isEqualByComparingTo("-12000");
        assertThat(up.netPnlUsd()).isCloseTo(d("-141.06"), within(d("0.01")));
        assertThat(up.liquidated()).isFalse();
        assertThat(up.liquidation()).isEmpty();
    }

    @Test
    void extraCoinLegFromTheSizerIsFullyHedgedInTheScenario() {
        // Sizer: 10 ETH at 3,000, Bybit ETHUSD 5x, extra-coin margin → 37,500 contracts, exposure 12.5 ETH.
        // At 2,400 (−20 %): spot 12.5 × (−600) = −7,500; hedge 37,500 × (1/2,400 − 1/3,000) = 15.625 − 12.5 = 3.125 ETH
        // × 2,400 = +7,500: the extra margin coin is hedged too.
        HedgeLeg leg = HedgeSizer.DEFAULT.size(
                HedgeRequest.fullHedge(d("10"), d("3000"), BYBIT_ETHUSD, d("5"), MarginSource.EXTRA_COIN));
        ScenarioInput input = ScenarioInput.fromLeg(leg, BigDecimal.ZERO);
        assertThat(input.hedgeAssetCoins()).isEqualByComparingTo("12.5");
        ScenarioRow row = CALCULATOR.row(input, d("-0.2"));
        assertThat(row.spotPnlUsd()).isEqualByComparingTo("-7500");
        assertThat(row.hedgePnl().value()).isEqualByComparingTo("3.125");
        assertThat(row.hedgePnlUsd()).isEqualByComparingTo("7500");
    }

    @Test
    void fundingRateSumFromTheFundingProjector() {
        // 0.01 % every 8 h for 10 days (31 settlements): mean 0.0001 per 8 h, 1,095 intervals a year, annualized 10.95
        // %;
        // over a 30-day horizon the short expects 0.1095 × 30/365 = 0.009 of position value (= 90 settlements ×
        // 0.0001).
        List<FundingRate> rates = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i <= 30; i++) {
            rates.add(new FundingRate(start.plus(Duration.ofHours(8L * i)), d("0.0001")));
        }
        FundingRateSeries series = new FundingRateSeries("BYBIT:ETHUSDT", "hand-made", rates);
        FundingStatistics statistics =
                FundingProjector.DEFAULT.statistics(series, start, start.plus(Duration.ofDays(11)));
        BigDecimal rateSum = statistics.expectedRateSumToHolder(Duration.ofDays(30), Side.SHORT);
        assertThat(rateSum).isCloseTo(d("0.009"), within(TINY));
        // at ETH 3,000 the 50 ETH short is worth 150,000 USDT: 0.009 × 150,000 = 1,350 USDT received
        ScenarioRow row = CALCULATOR.rowAtPrice(linearEth(rateSum.toPlainString()), d("3000"));
        assertThat(row.fundingUsd()).isCloseTo(d("1350"), within(d("1e-20")));
        // the same rates seen by a long are a cost
        assertThat(statistics.expectedRateSumToHolder(Duration.ofDays(30), Side.LONG))
                .isNegative();
    }

    @Test
    void guards() {
        ScenarioInput input = linearEth("0");
        assertThatThrownBy(() -> CALCULATOR.row(input, d("-1")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("shock must be above -1 (a price cannot fall 100 % or more), was -1");
        assertThatThrownBy(() -> CALCULATOR.grid(input, List.of(d("0.1"), d("-1.5"))))
                .isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith("was -1.5");
        assertThatThrownBy(() -> CALCULATOR.grid(input, List.of()))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("shocks must not be empty");
        assertThatThrownBy(() -> CALCULATOR.rowAtPrice(input, d("0")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("shockedSpot must be positive, was 0");
        Position hedge = input.hedge();
        assertThatThrownBy(() -> ScenarioInput.sameCoin(hedge, d("-1"), d("3500"), d("3500"), BigDecimal.ZERO))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("hedgeAssetCoins must not be negative, was -1");
        assertThatThrownBy(() -> ScenarioInput.sameCoin(hedge, d("1"), d("0"), d("3500"), BigDecimal.ZERO))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("spotPrice must be positive, was 0");
        assertThatThrownBy(() -> ScenarioInput.sameCoin(hedge, d("1"), d("3500"), d("-1"), BigDecimal.ZERO))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("markPrice must be positive, was -1");
        assertThatThrownBy(() -> input.withExtraMargin(Amount.of("1", ETH)))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("extraMargin must be in USDT, the settlement asset of BYBIT:ETHUSDT, was 1 ETH");
        assertThatThrownBy(() -> input.withExtraMargin(Amount.of("-1", Asset.USDT)))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("extraMargin must not be negative, was -1 USDT");
        assertThatThrownBy(() -> new ScenarioInput(
                        hedge, d("1"), d("1"), d("1"), Amount.zero(Asset.USDT), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("fundingRateSumToHolder");
        assertThatThrownBy(() -> new ProxyBasket(d("0"), 1, 0, 0))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("basket valueUsd must be positive, was 0");
        assertThatThrownBy(() -> new ProxyBasket(d("1"), Double.NaN, 0, 0))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("beta must be finite, was NaN");
        assertThatThrownBy(() -> new ProxyBasket(d("1"), 1, -0.1, 0))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("residualVolatility must be non-negative and finite, was -0.1");
        assertThatThrownBy(() -> new ProxyBasket(d("1"), 1, 0.1, -2))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("bandWidth must be non-negative and finite, was -2.0");
        HedgeLeg empty = HedgeSizer.DEFAULT.size(
                HedgeRequest.fullHedge(d("0.0001"), d("3000"), BYBIT_ETHUSD, d("5"), MarginSource.OUT_OF_BAG));
        assertThatThrownBy(() -> ScenarioInput.fromLeg(empty, BigDecimal.ZERO))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("the leg for BYBIT:ETHUSD trades nothing; there is no hedge to stress");
    }
}
