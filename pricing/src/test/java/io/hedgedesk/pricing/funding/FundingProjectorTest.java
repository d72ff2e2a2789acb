package io.hedgedesk.pricing.funding;

import static io.hedgedesk.domain.instrument.Side.LONG;
import static io.hedgedesk.domain.instrument.Side.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked examples; every expected number is derived in the comment next to it. */
class FundingProjectorTest {

    private static final FundingProjector PROJECTOR = FundingProjector.DEFAULT;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Instant h(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static FundingRateSeries series(long intervalHours, String... rates) {
        List<FundingRate> list = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            list.add(new FundingRate(h(i * intervalHours), new BigDecimal(rates[i])));
        }
        return new FundingRateSeries("TEST:PERP", "hand-made", list);
    }

    // Rates in units of 1e-4 (0.01%): +1, +2, -1, +3, +1, -2 at 0 h, 8 h, ..., 40 h.
    private final FundingRateSeries six = series(8, "0.0001", "0.0002", "-0.0001", "0.0003", "0.0001", "-0.0002");

    @Test
    void accrualSumsSettlementsInHalfOpenPeriod() {
        // [0 h, 24 h) holds the settlements at 0, 8, 16 h: 1 + 2 - 1 = 2 (×1e-4); the one at 24 h is excluded.
        FundingAccrual accrual = PROJECTOR.accrue(six, h(0), h(24));
        assertThat(accrual.settlements()).isEqualTo(3);
        assertThat(accrual.rateSum()).isEqualByComparingTo("0.0002");
        // Positive rates: longs paid shorts, so the short hedge earned 0.0002 of position value, the long paid it.
        assertThat(accrual.rateSumToHolder(SHORT)).isEqualByComparingTo("0.0002");
        assertThat(accrual.rateSumToHolder(LONG)).isEqualByComparingTo("-0.0002");
        assertThat(accrual.contractId()).isEqualTo("TEST:PERP");

        // (4 h, 20 h] picks up 8 h and 16 h: 2 - 1 = 1
        assertThat(PROJECTOR.accrue(six, h(4), h(20)).rateSum()).isEqualByComparingTo("0.0001");
        // between settlements: nothing accrues
        assertThat(PROJECTOR.accrue(six, h(1), h(7)).settlements()).isZero();
        assertThat(PROJECTOR.accrue(six, h(1), h(7)).rateSum()).isZero();
        // the whole series is known until the next settlement would be due (40 h + 8 h): sum = 4
        assertThat(PROJECTOR.accrue(six, h(0), h(48)).rateSum()).isEqualByComparingTo("0.0004");
    }

    @Test
    void accrualIsAdditiveOverAdjacentPeriods() {
        BigDecimal whole = PROJECTOR.accrue(six, h(0), h(48)).rateSum();
        BigDecimal split = PROJECTOR
                .accrue(six, h(0), h(17))
                .rateSum()
                .add(PROJECTOR.accrue(six, h(17), h(48)).rateSum());
        assertThat(split).isEqualByComparingTo(whole);
    }

    @Test
    void accrualGuards() {
        assertThatThrownBy(() -> PROJECTOR.accrue(six, h(-1), h(8)))
                .isInstanceOf(InsufficientFundingHistoryException.class)
                .hasMessage("holding period [2023-12-31T23:00:00Z, 2024-01-01T08:00:00Z) is not covered by TEST:PERP, "
                        + "known over [2024-01-01T00:00:00Z, 2024-01-03T00:00:00Z)");
        assertThatThrownBy(() -> PROJECTOR.accrue(six, h(0), h(49)))
                .isInstanceOf(InsufficientFundingHistoryException.class);
        assertThatThrownBy(() -> PROJECTOR.accrue(six, h(8), h(8)))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessage("holding period from 2024-01-01T08:00:00Z must be before to 2024-01-01T08:00:00Z");
        assertThatThrownBy(() -> PROJECTOR.accrue(series(8, "0.0001"), h(0), h(1)))
                .isInstanceOf(InsufficientFundingHistoryException.class)
                .hasMessage("TEST:PERP has 1 settlement; at least 2 are needed to know its interval");
        assertThatNullPointerException().isThrownBy(() -> PROJECTOR.accrue(null, h(0), h(1)));
        assertThatNullPointerException()
                .isThrownBy(() -> PROJECTOR.accrue(six, null, h(1)))
                .withMessage("from");
    }

    @Test
    void annualizationOfTheStandardRateMatchesThePublishedTenPointNineFivePercent() {
        // The "fixed 0.01% per 8 hours (~10.95% APR)" interest component, https://www.r8my.ch/blog/ir-funding-rate ;
        // Bybit's help page gives the same rate as 0.03% a day over "Funding Interval = 3 (since funding occurs every
        // 8 hours)": (0.06% - 0.03%) / 3 = 0.01%,
        // https://help.bybit.com/hc/en-us/articles/360039261114-What-is-funding-rate-and-predicted-rate-
        // 0.0001 × 3 a day × 365 = 0.1095.
        FundingRateSeries flat = series(8, "0.0001", "0.0001", "0.0001", "0.0001");
        FundingStatistics stats = PROJECTOR.statistics(flat, h(0), h(100));

        assertThat(stats.meanInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(stats.intervalsPerYear()).isEqualByComparingTo("1095");
        assertThat(stats.annualizedRate()).isEqualByComparingTo("0.1095");
        assertThat(stats.annualizedRateToHolder(SHORT)).isEqualByComparingTo("0.1095");
        assertThat(stats.annualizedRateToHolder(LONG)).isEqualByComparingTo("-0.1095");
        // one day at 0.03% as on Bybit's page
        assertThat(stats.expectedRateSumToHolder(Duration.ofDays(1), SHORT)).isEqualByComparingTo("0.0003");
    }

    @Test
    void intervalComesFromTimestampsNotAssumed() {
        // The same 0.01% every 4 h is 6 settlements a day: 0.0001 × 6 × 365 = 0.219.
        FundingStatistics fourHourly = PROJECTOR.statistics(series(4, "0.0001", "0.0001", "0.0001"), h(0), h(100));
        assertThat(fourHourly.meanInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(fourHourly.intervalsPerYear()).isEqualByComparingTo("2190");
        assertThat(fourHourly.annualizedRate()).isEqualByComparingTo("0.219");
        // hourly: 24 × 365 = 8760 intervals
        assertThat(PROJECTOR
                        .statistics(series(1, "0.0001", "0.0001"), h(0), h(100))
                        .intervalsPerYear())
                .isEqualByComparingTo("8760");
    }

    @Test
    void changingIntervalsAverageOverTheWindow() {
        // Like SOLUSDT in November 2022: settlements at 0, 8, 16, 18, 20, 24 h.
        FundingRateSeries mixed = new FundingRateSeries(
                "BINANCE:SOLUSDT",
                "hand-made",
                List.of(
                        new FundingRate(h(0), new BigDecimal("0.0001")),
                                new FundingRate(h(8), new BigDecimal("-0.0005")),
                        new FundingRate(h(16), new BigDecimal("-0.02")),
                                new FundingRate(h(18), new BigDecimal("-0.02")),
                        new FundingRate(h(20), new BigDecimal("-0.01")),
                                new FundingRate(h(24), new BigDecimal("-0.003"))));
        FundingStatistics stats = PROJECTOR.statistics(mixed, h(0), h(25));
        // n = 6; sum = 0.0001 - 0.0005 - 0.02 - 0.02 - 0.01 - 0.003 = -0.0534; mean = -0.0089
        assertThat(stats.settlements()).isEqualTo(6);
        assertThat(stats.meanRate()).isEqualByComparingTo("-0.0089");
        // span 24 h over 5 intervals = 4.8 h = 4 h 48 min; per year 5 × 8760 / 24 = 1825
        assertThat(stats.meanInterval()).isEqualTo(Duration.ofMinutes(288));
        assertThat(stats.shortestInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(stats.longestInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(stats.intervalsPerYear()).isEqualByComparingTo("1825");
        // -0.0089 × 1825 = -16.2425 (per year, simple)
        assertThat(stats.annualizedRate()).isEqualByComparingTo("-16.2425");
        assertThat(stats.firstSettlement()).isEqualTo(h(0));
        assertThat(stats.lastSettlement()).isEqualTo(h(24));
    }

    @Test
    void statisticsUseOnlyTheWindow() {
        // [8 h, 32 h) holds 8, 16, 24 h: rates 2, -1, 3 → mean 4/3 ×1e-4; 2 intervals of 8 h
        FundingStatistics stats = PROJECTOR.statistics(six, h(8), h(32));
        assertThat(stats.settlements()).isEqualTo(3);
        assertThat(stats.meanRate())
                .isEqualByComparingTo(
                        new BigDecimal("0.0004").divide(new BigDecimal(3), java.math.MathContext.DECIMAL128));
        assertThat(stats.firstSettlement()).isEqualTo(h(8));
        assertThat(stats.lastSettlement()).isEqualTo(h(24));
    }

    @Test
    void statisticsGuards() {
        assertThatThrownBy(() -> PROJECTOR.statistics(six, h(1), h(9)))
                .isInstanceOf(InsufficientFundingHistoryException.class)
                .hasMessage(
                        "history window [2024-01-01T01:00:00Z, 2024-01-01T09:00:00Z) of TEST:PERP holds 1 settlement(s);"
                                + " at least 2 are needed to measure an interval");
        assertThatThrownBy(() -> PROJECTOR.statistics(six, h(9), h(1)))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessageStartingWith("history window from");
        FundingStatistics stats = PROJECTOR.statistics(six, h(0), h(48));
        assertThatThrownBy(() -> stats.expectedRateSumToHolder(Duration.ZERO, SHORT))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessage("horizon must be positive, was PT0S");
    }

    @Test
    void horizonDistributionOfHandSeries() {
        // Window [0 h, 48 h), horizon 16 h: blocks start at 0, 8, 16, 24, 32 h (40 h + 16 h > 48 h is incomplete).
        // Each block holds two settlements; sums (×1e-4): 1+2=3, 2-1=1, -1+3=2, 3+1=4, 1-2=-1.
        // SHORT sees them as is. Sorted: -1, 1, 2, 3, 4 (N = 5).
        //   p10: h = 4 × 0.1 = 0.4 → -1 + 0.4 × (1 - (-1)) = -0.2
        //   p50: h = 2          → 2
        //   p90: h = 3.6        → 3 + 0.6 × (4 - 3) = 3.6
        //   mean = 9 / 5 = 1.8; worst = -1, the block [32 h, 48 h)
        HorizonDistribution shortSide = PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(16), SHORT);
        assertThat(shortSide.blocks()).isEqualTo(5);
        assertThat(shortSide.p10()).isEqualByComparingTo("-0.00002");
        assertThat(shortSide.p50()).isEqualByComparingTo("0.0002");
        assertThat(shortSide.p90()).isEqualByComparingTo("0.00036");
        assertThat(shortSide.mean()).isEqualByComparingTo("0.00018");
        assertThat(shortSide.worst()).isEqualTo(new FundingBlock(h(32), h(48), 2, new BigDecimal("-0.0001")));
        assertThat(shortSide.worst().startDate()).hasToString("2024-01-02");
        assertThat(shortSide.worst().endDate()).hasToString("2024-01-02"); // 48 h is midnight: last day is the 2nd
        assertThat(shortSide.horizon()).isEqualTo(Duration.ofHours(16));
        assertThat(shortSide.side()).isEqualTo(SHORT);

        // LONG sees the negated sums -3, -1, -2, -4, 1 → sorted -4, -3, -2, -1, 1
        //   p10: -4 + 0.4 × 1 = -3.6; p50: -2; p90: -1 + 0.6 × 2 = 0.2; worst = -4, the block [24 h, 40 h)
        HorizonDistribution longSide = PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(16), LONG);
        assertThat(longSide.p10()).isEqualByComparingTo("-0.00036");
        assertThat(longSide.p50()).isEqualByComparingTo("-0.0002");
        assertThat(longSide.p90()).isEqualByComparingTo("0.00002");
        assertThat(longSide.worst().start()).isEqualTo(h(24));
        assertThat(longSide.worst().rateSumToHolder()).isEqualByComparingTo("-0.0004");
    }

    @Test
    void blocksMustBeCompleteWithinWindowOrData() {
        // window ends at 44 h: blocks need start + 16 h <= 44 h → starts 0, 8, 16, 24 h
        assertThat(PROJECTOR
                        .horizonDistribution(six, h(0), h(44), Duration.ofHours(16), SHORT)
                        .blocks())
                .isEqualTo(4);
        // window past the data: usable until 40 h + last interval 8 h = 48 h → same 5 blocks as [0, 48 h)
        assertThat(PROJECTOR.horizonDistribution(six, h(0), h(1000), Duration.ofHours(16), SHORT))
                .isEqualTo(PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(16), SHORT));
        // blocks are windows in time: a 12 h horizon still holds 2 settlements when they fall 8 h apart
        HorizonDistribution twelve = PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(12), SHORT);
        assertThat(twelve.blocks()).isEqualTo(5); // 32 h + 12 h = 44 h <= 48 h; 40 h + 12 h > 48 h
        assertThat(twelve.worst().settlements()).isEqualTo(2);
    }

    @Test
    void horizonDistributionGuards() {
        assertThatThrownBy(() -> PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(49), SHORT))
                .isInstanceOf(InsufficientFundingHistoryException.class)
                .hasMessage(
                        "history window [2024-01-01T00:00:00Z, 2024-01-03T00:00:00Z) of TEST:PERP holds no complete "
                                + "block of PT49H (data usable until 2024-01-03T00:00:00Z)");
        assertThatThrownBy(() -> PROJECTOR.horizonDistribution(six, h(41), h(47), Duration.ofHours(1), SHORT))
                .isInstanceOf(InsufficientFundingHistoryException.class)
                .hasMessageContaining("holds no settlement");
        assertThatThrownBy(() -> PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(-1), SHORT))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessage("horizon must be positive, was PT-1H");
        assertThatNullPointerException()
                .isThrownBy(() -> PROJECTOR.horizonDistribution(six, h(0), h(48), Duration.ofHours(8), null))
                .withMessage("side");
    }

    @Test
    void cashOfKrakenInverseExample() {
        // Kraken inverse perpetual, "Example Funding Rate 1": short 100,000 contracts of 1 USD, BTC at $7,000,
        // hourly rate 0.01785%: "you will earn interest of $17.85 ... so $17.85/$7,000 = 0.00255 BTC".
        // https://support.kraken.com/hc/en-us/articles/360022835911-Inverse-Crypto-Collateral-Perpetual-Contract-Specifications
        // Position value in the settlement coin = 100,000 × 1 USD / 7,000 = 14.2857... BTC.
        BigDecimal coinValue =
                new BigDecimal("100000").divide(new BigDecimal("7000"), java.math.MathContext.DECIMAL128);
        FundingCash cash =
                PROJECTOR.toCash(SHORT.fundingToHolder(new BigDecimal("0.0001785")), coinValue, new BigDecimal("7000"));
        assertThat(cash.inSettlementAsset()).isCloseTo(new BigDecimal("0.00255"), within(new BigDecimal("1e-30")));
        assertThat(cash.inUsd()).isCloseTo(new BigDecimal("17.85"), within(new BigDecimal("1e-28")));
        assertThat(cash.direction()).isEqualTo(CashDirection.INCOME);
        assertThat(cash.direction().word()).isEqualTo("income");
    }

    @Test
    void cashOfWiseBitcoinInverseLongExample() {
        // "10000 contracts long ... BTC price 10,024 and the Funding Rate is 0.025% ... the trader will need to pay
        // (10000/10024)*0.025% = 0.00025 BTC" (rounded on the page; exactly 0.000249401...).
        // https://www.wisebitcoin.com/en/trade-guide/funding-rate
        BigDecimal coinValue =
                new BigDecimal("10000").divide(new BigDecimal("10024"), java.math.MathContext.DECIMAL128);
        FundingCash cash =
                PROJECTOR.toCash(LONG.fundingToHolder(new BigDecimal("0.00025")), coinValue, new BigDecimal("10024"));
        assertThat(cash.inSettlementAsset()).isCloseTo(new BigDecimal("-0.00025"), within(new BigDecimal("0.000001")));
        // in USD the coin/price round trip is exact: 10,000 USD × 0.025% = 2.5 USD paid
        assertThat(cash.inUsd()).isCloseTo(new BigDecimal("-2.5"), within(new BigDecimal("1e-28")));
        assertThat(cash.direction()).isEqualTo(CashDirection.COST);
    }

    @Test
    void cashGuards() {
        assertThatThrownBy(() -> PROJECTOR.toCash(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessage("positionValue must be positive, was 0");
        assertThatThrownBy(() -> PROJECTOR.toCash(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("-2")))
                .hasMessage("settlementAssetUsdPrice must be positive, was -2");
        assertThat(PROJECTOR
                        .toCash(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE)
                        .direction())
                .isEqualTo(CashDirection.NONE);
        assertThatThrownBy(() -> new FundingCash(BigDecimal.ONE, BigDecimal.ONE.negate()))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessage("inSettlementAsset 1 and inUsd -1 must have the same sign");
    }

    @Test
    void insuranceCostOfStandardRate() {
        // 0.01% every 8 h, short 1 BTC of inverse position value at 60,000 USD:
        //   year = 0.1095 × 1 BTC = 0.1095 BTC = 6,570 USD income
        //   month (30 days, 90 settlements) = 90 × 0.0001 = 0.009 BTC = 540 USD income
        FundingStatistics stats = PROJECTOR.statistics(series(8, "0.0001", "0.0001", "0.0001"), h(0), h(100));
        InsuranceCost shortCost = PROJECTOR.insuranceCost(stats, SHORT, BigDecimal.ONE, new BigDecimal("60000"));
        assertThat(shortCost.perYear().inSettlementAsset()).isEqualByComparingTo("0.1095");
        assertThat(shortCost.perYear().inUsd()).isEqualByComparingTo("6570");
        assertThat(shortCost.perMonth().inSettlementAsset()).isEqualByComparingTo("0.009");
        assertThat(shortCost.perMonth().inUsd()).isEqualByComparingTo("540");
        assertThat(shortCost.directionWord()).isEqualTo("income");

        // the long side pays exactly the same amounts
        InsuranceCost longCost = PROJECTOR.insuranceCost(stats, LONG, BigDecimal.ONE, new BigDecimal("60000"));
        assertThat(longCost.perYear().inUsd()).isEqualByComparingTo("-6570");
        assertThat(longCost.perMonth().inSettlementAsset()).isEqualByComparingTo("-0.009");
        assertThat(longCost.directionWord()).isEqualTo("cost");

        // linear: short 20,000 USDT of position value when funding is negative (-0.01%/8 h): the short pays
        //   year = -0.1095 × 20,000 = -2,190 USDT; at USDT = 0.999 USD → -2,187.81 USD
        FundingStatistics negative = PROJECTOR.statistics(series(8, "-0.0001", "-0.0001"), h(0), h(100));
        InsuranceCost linear =
                PROJECTOR.insuranceCost(negative, SHORT, new BigDecimal("20000"), new BigDecimal("0.999"));
        assertThat(linear.perYear().inSettlementAsset()).isEqualByComparingTo("-2190");
        assertThat(linear.perYear().inUsd()).isEqualByComparingTo("-2187.81");
        assertThat(linear.directionWord()).isEqualTo("cost");
    }

    @Test
    void projectCombinesEverything() {
        FundingProjection projection = PROJECTOR.project(
                six, h(0), h(48), Duration.ofHours(16), SHORT, new BigDecimal("2"), new BigDecimal("50000"));
        // mean rate 4/6 ×1e-4 over 8 h; 16 h = 2 intervals → expected 1.333...e-4 × 2 BTC = 2.666...e-4 BTC
        assertThat(projection.expected().inSettlementAsset().doubleValue())
                .isCloseTo(2.0 * 2 * 4 / 6 * 1e-4, within(1e-18));
        // p10 -0.00002 × 2 BTC = -0.00004 BTC = -2 USD; worst -0.0001 × 2 = -0.0002 BTC = -10 USD
        assertThat(projection.p10().inSettlementAsset()).isEqualByComparingTo("-0.00004");
        assertThat(projection.p10().inUsd()).isEqualByComparingTo("-2");
        assertThat(projection.p50().inUsd()).isEqualByComparingTo("20");
        assertThat(projection.p90().inUsd()).isEqualByComparingTo("36");
        assertThat(projection.worst().inUsd()).isEqualByComparingTo("-10");
        assertThat(projection.statistics().settlements()).isEqualTo(6);
        assertThat(projection.distribution().blocks()).isEqualTo(5);
        assertThat(projection.insuranceCost().side()).isEqualTo(SHORT);
    }

    @Test
    void percentileDefinitionIsLinearInterpolation() {
        // Excel PERCENTILE.INC({1,2,3,4,5}, p): h = 4p → 0.1: 1.4, 0.5: 3, 0.9: 4.6, 0: 1, 1: 5
        List<BigDecimal> x =
                List.of(BigDecimal.ONE, new BigDecimal(2), new BigDecimal(3), new BigDecimal(4), new BigDecimal(5));
        assertThat(Percentiles.percentile(x, new BigDecimal("0.1"))).isEqualByComparingTo("1.4");
        assertThat(Percentiles.percentile(x, new BigDecimal("0.5"))).isEqualByComparingTo("3");
        assertThat(Percentiles.percentile(x, new BigDecimal("0.9"))).isEqualByComparingTo("4.6");
        assertThat(Percentiles.percentile(x, BigDecimal.ZERO)).isEqualByComparingTo("1");
        assertThat(Percentiles.percentile(x, BigDecimal.ONE)).isEqualByComparingTo("5");
        // even count: median halfway between the middle two; {10, 20, 30, 40} p10 → h = 0.3 → 13
        List<BigDecimal> y = List.of(new BigDecimal(10), new BigDecimal(20), new BigDecimal(30), new BigDecimal(40));
        assertThat(Percentiles.percentile(y, new BigDecimal("0.5"))).isEqualByComparingTo("25");
        assertThat(Percentiles.percentile(y, new BigDecimal("0.1"))).isEqualByComparingTo("13");
        assertThat(Percentiles.percentile(List.of(new BigDecimal("7")), new BigDecimal("0.9")))
                .isEqualByComparingTo("7");
        assertThatThrownBy(() -> Percentiles.percentile(List.of(), new BigDecimal("0.5")))
                .isInstanceOf(FundingProjectionException.class);
        assertThatThrownBy(() -> Percentiles.percentile(x, new BigDecimal("1.1")))
                .hasMessage("percentile p must lie in [0, 1], was 1.1");
    }

    @Test
    void valueRecordGuards() {
        assertThatThrownBy(() -> new FundingBlock(h(1), h(1), 1, BigDecimal.ZERO))
                .isInstanceOf(FundingProjectionException.class)
                .hasMessageContaining("must be after start");
        assertThatThrownBy(() -> new FundingBlock(h(0), h(1), 0, BigDecimal.ZERO))
                .hasMessage("settlements must be at least 1, was 0");
        assertThatThrownBy(() -> new FundingAccrual("X", h(0), h(1), -1, BigDecimal.ZERO))
                .hasMessage("settlements must not be negative, was -1");
        FundingBlock block = new FundingBlock(h(0), h(1), 1, BigDecimal.ONE);
        assertThatThrownBy(() -> new HorizonDistribution(
                        "X",
                        Duration.ofHours(1),
                        SHORT,
                        1,
                        BigDecimal.ONE,
                        new BigDecimal("2"),
                        BigDecimal.ONE,
                        new BigDecimal("3"),
                        block))
                .hasMessageStartingWith("percentiles must be ordered");
        assertThatThrownBy(() -> new HorizonDistribution(
                        "X",
                        Duration.ofHours(1),
                        SHORT,
                        0,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        block))
                .hasMessage("blocks must be at least 1, was 0");
        assertThatThrownBy(() -> new HorizonDistribution(
                        "X",
                        Duration.ofHours(1),
                        SHORT,
                        1,
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        block))
                .hasMessage("worst block 1 must not exceed p10 0");
        assertThatThrownBy(() -> new FundingStatistics(
                        "X",
                        h(0),
                        h(0),
                        2,
                        BigDecimal.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        BigDecimal.ONE,
                        BigDecimal.ZERO))
                .hasMessageContaining("must be after firstSettlement");
        assertThatThrownBy(() -> new FundingStatistics(
                        "X",
                        h(0),
                        h(8),
                        1,
                        BigDecimal.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        BigDecimal.ONE,
                        BigDecimal.ZERO))
                .hasMessage("settlements must be at least 2, was 1");
        assertThatThrownBy(() -> new FundingStatistics(
                        "X",
                        h(0),
                        h(8),
                        2,
                        BigDecimal.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO))
                .hasMessage("intervalsPerYear must be positive, was 0");
    }

    @Test
    void cashAccruesOnThePositionValueAtEachSettlement() {
        // Short inverse 30,000 USD of contracts (1 USD face) over three 8-hour settlements at +0.01 %, +0.02 %, −0.01 %
        // with the mark at 30,000, 25,000 and 20,000: values 1, 1.2 and 1.5 coins.
        // Short receives 0.0001 × 1 + 0.0002 × 1.2 − 0.0001 × 1.5 = 0.0001 + 0.00024 − 0.00015 = 0.00019 coin.
        FundingRateSeries rates = series(8, "0.0001", "0.0002", "-0.0001", "0.0003");
        java.util.Map<Instant, BigDecimal> marks = java.util.Map.of(
                h(0), new BigDecimal("30000"), h(8), new BigDecimal("25000"), h(16), new BigDecimal("20000"));
        BigDecimal cash = PROJECTOR.accrueCash(
                rates,
                h(0),
                h(24),
                Side.SHORT,
                t -> new BigDecimal("30000").divide(marks.get(t), java.math.MathContext.DECIMAL128));
        assertThat(cash).isEqualByComparingTo("0.00019");
        // The long pays the same; a constant value gives the rate sum times that value.
        assertThat(PROJECTOR.accrueCash(
                        rates,
                        h(0),
                        h(24),
                        Side.LONG,
                        t -> new BigDecimal("30000").divide(marks.get(t), java.math.MathContext.DECIMAL128)))
                .isEqualByComparingTo("-0.00019");
        assertThat(PROJECTOR.accrueCash(rates, h(0), h(24), Side.SHORT, t -> BigDecimal.TEN))
                .isEqualByComparingTo("0.002"); // (0.0001 + 0.0002 − 0.0001) × 10
        assertThatThrownBy(() -> PROJECTOR.accrueCash(rates, h(0), h(24), Side.SHORT, t -> BigDecimal.ZERO))
                .hasMessageContaining("position value at 2024-01-01T00:00:00Z must be positive");
    }
}
