package io.hedgedesk.pricing.funding;

import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stateless funding calculator: accrual over a holding period, statistics of a history window, the historical
 * distribution of funding over a horizon, and the "cost of insurance" of a hedge position.
 *
 * <p>Sign convention throughout: a rate in market convention is positive when <b>longs pay shorts</b>; a value
 * "to the holder" is positive when it is income to the chosen {@link Side}. A SHORT hedge receives funding
 * when rates are positive.
 *
 * <p>History windows are half-open time ranges {@code [from, to)}; the settlements whose time falls inside are
 * used. Funding intervals are measured from the timestamps, never assumed.
 */
public final class FundingProjector {

    /** The shared instance; the projector holds no state. */
    public static final FundingProjector DEFAULT = new FundingProjector();

    /** The month used for the cost of insurance. */
    public static final Duration MONTH = Duration.ofDays(30);

    private static final BigDecimal P10 = new BigDecimal("0.1");
    private static final BigDecimal P50 = new BigDecimal("0.5");
    private static final BigDecimal P90 = new BigDecimal("0.9");

    private FundingProjector() {}

    /**
     * Funding accrued over a holding period {@code [from, to)}: {@code Σ rateᵢ} over the settlements whose time
     * {@code tᵢ} satisfies {@code from <= tᵢ < to}. The sum is exact, in market convention, as a fraction of position
     * value; multiplied by a constant position value it is the funding cash paid by longs to shorts.
     *
     * <p>The period must lie where the series is known: {@code from >= } the first settlement and {@code to <=} the
     * last settlement plus the last measured interval (the next settlement would be due then). A period with no
     * settlement inside it accrues zero.
     *
     * @throws InsufficientFundingHistoryException if the series has fewer than two settlements or does not cover
     *                                             the period
     */
    public FundingAccrual accrue(FundingRateSeries series, Instant from, Instant to) {
        requirePeriod(from, to, "holding period");
        requireAtLeastTwo(series);
        Instant knownFrom = series.first().time();
        Instant knownTo = series.last()
                .time()
                .plus(series.intervalEndingAt(series.size() - 1).orElseThrow());
        if (from.isBefore(knownFrom) || to.isAfter(knownTo)) {
            throw new InsufficientFundingHistoryException("holding period [" + from + ", " + to + ") is not covered by "
                    + series.contractId() + ", known over [" + knownFrom + ", " + knownTo + ")");
        }
        int start = series.indexAtOrAfter(from);
        int end = series.indexAtOrAfter(to);
        return new FundingAccrual(series.contractId(), from, to, end - start, sum(series, start, end));
    }

    /**
     * Funding cash accrued over {@code [from, to)} by a position whose value changes with the price: each settlement
     * pays its own rate on the position value at that moment, {@code cash = Σ side(rateᵢ) × valueᵢ} (settlement asset;
     * positive = income to the holder), where {@code valueᵢ = positionValueAt(tᵢ)} — for an inverse contract
     * {@code Q·FV / markᵢ} coins, for a linear one {@code q·markᵢ} USDT. With a constant value this equals
     * {@code toCash(accrue(...).rateSumToHolder(side), value, 1)}.
     *
     * @param positionValueAt position value in the settlement asset at a settlement time; positive
     * @throws InsufficientFundingHistoryException as {@link #accrue} when the series does not cover the period
     */
    public BigDecimal accrueCash(
            FundingRateSeries series,
            Instant from,
            Instant to,
            Side side,
            Function<Instant, BigDecimal> positionValueAt) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(positionValueAt, "positionValueAt");
        accrue(series, from, to);
        BigDecimal cash = BigDecimal.ZERO;
        for (FundingRate rate : series.rates().subList(series.indexAtOrAfter(from), series.indexAtOrAfter(to))) {
            BigDecimal value = positionValueAt.apply(rate.time());
            requirePositive(value, "position value at " + rate.time());
            cash = cash.add(side.fundingToHolder(rate.rate()).multiply(value, MathContext.DECIMAL128));
        }
        return cash;
    }

    /**
     * Statistics of the settlements in the history window {@code [from, to)}:
     * <ul>
     *   <li>mean rate per interval {@code = Σ rateᵢ / n};</li>
     *   <li>mean interval {@code = (t_last - t_first) / (n - 1)}, from the timestamps;</li>
     *   <li>intervals per year {@code = 365 days / mean interval};</li>
     *   <li>annualized rate {@code = mean rate × intervals per year} (simple, not compounded).</li>
     * </ul>
     * Rates are in market convention (positive = longs pay shorts). Gaps in the data lengthen the mean interval;
     * {@link FundingStatistics#longestInterval()} exposes them.
     *
     * @throws InsufficientFundingHistoryException if fewer than two settlements fall in the window
     */
    public FundingStatistics statistics(FundingRateSeries series, Instant from, Instant to) {
        requirePeriod(from, to, "history window");
        Objects.requireNonNull(series, "series");
        int start = series.indexAtOrAfter(from);
        int end = series.indexAtOrAfter(to);
        int n = end - start;
        if (n < 2) {
            throw new InsufficientFundingHistoryException(
                    "history window [" + from + ", " + to + ") of " + series.contractId() + " holds " + n
                            + " settlement(s); at least 2 are needed to measure an interval");
        }
        Instant first = series.get(start).time();
        Instant last = series.get(end - 1).time();
        Duration span = Duration.between(first, last);
        Duration shortest = null;
        Duration longest = null;
        for (int i = start + 1; i < end; i++) {
            Duration interval = series.intervalEndingAt(i).orElseThrow();
            shortest = shortest == null || interval.compareTo(shortest) < 0 ? interval : shortest;
            longest = longest == null || interval.compareTo(longest) > 0 ? interval : longest;
        }
        BigDecimal meanRate = sum(series, start, end).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        BigDecimal intervalsPerYear = new BigDecimal(FundingStatistics.YEAR.toNanos())
                .multiply(BigDecimal.valueOf(n - 1L))
                .divide(new BigDecimal(span.toNanos()), MathContext.DECIMAL128);
        BigDecimal annualized = meanRate.multiply(intervalsPerYear, MathContext.DECIMAL128);
        return new FundingStatistics(
                series.contractId(),
                first,
                last,
                n,
                meanRate,
                span.dividedBy(n - 1L),
                shortest,
                longest,
                intervalsPerYear,
                annualized);
    }

    /**
     * The historical distribution of funding over {@code horizon}, seen by {@code side}.
     *
     * <p><b>Block method.</b> One block starts at every settlement {@code tᵢ} of the window and covers
     * {@code [tᵢ, tᵢ + horizon)} in time (so a block holds more settlements where intervals were shorter). Only
     * complete blocks count: {@code tᵢ + horizon <= end}, where {@code end} is {@code to}, or, if the window runs past
     * the data, the last settlement plus the last interval. Its value is the exact sum of the rates settled in it,
     * turned to the holder's sign. Consecutive blocks overlap, so they are not independent samples; missing data
     * inside a block is not filled.
     *
     * <p><b>Percentiles</b> are by linear interpolation between order statistics (Hyndman–Fan 7, as NumPy's default
     * and Excel's PERCENTILE.INC). The worst block is the one with the lowest sum for the holder, the earliest on
     * ties.
     *
     * @throws InsufficientFundingHistoryException if no complete block fits in the window
     */
    public HorizonDistribution horizonDistribution(
            FundingRateSeries series, Instant from, Instant to, Duration horizon, Side side) {
        requirePeriod(from, to, "history window");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(side, "side");
        requirePositive(horizon);
        int start = series.indexAtOrAfter(from);
        int end = series.indexAtOrAfter(to);
        if (end - start < 1) {
            throw new InsufficientFundingHistoryException(
                    "history window [" + from + ", " + to + ") of " + series.contractId() + " holds no settlement");
        }
        Instant completeUntil = to;
        if (end == series.size()) {
            Duration lastInterval = series.intervalEndingAt(end - 1).orElse(Duration.ZERO);
            Instant dataEnd = series.get(end - 1).time().plus(lastInterval);
            completeUntil = dataEnd.isBefore(to) ? dataEnd : to;
        }

        List<FundingBlock> blocks = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        int blockEnd = start;
        for (int i = start; i < end; i++) {
            Instant blockStart = series.get(i).time();
            Instant blockStop = blockStart.plus(horizon);
            if (blockStop.isAfter(completeUntil)) {
                break;
            }
            while (blockEnd < end && series.get(blockEnd).time().isBefore(blockStop)) {
                running = running.add(series.get(blockEnd).rate());
                blockEnd++;
            }
            blocks.add(new FundingBlock(blockStart, blockStop, blockEnd - i, side.fundingToHolder(running)));
            running = running.subtract(series.get(i).rate());
        }
        if (blocks.isEmpty()) {
            throw new InsufficientFundingHistoryException("history window [" + from + ", " + to + ") of "
                    + series.contractId() + " holds no complete block of " + horizon + " (data usable until "
                    + completeUntil
                    + ")");
        }

        FundingBlock worst = blocks.get(0);
        BigDecimal total = BigDecimal.ZERO;
        List<BigDecimal> sums = new ArrayList<>(blocks.size());
        for (FundingBlock block : blocks) {
            sums.add(block.rateSumToHolder());
            total = total.add(block.rateSumToHolder());
            if (block.rateSumToHolder().compareTo(worst.rateSumToHolder()) < 0) {
                worst = block;
            }
        }
        sums.sort(null);
        BigDecimal mean = total.divide(BigDecimal.valueOf(blocks.size()), MathContext.DECIMAL128);
        return new HorizonDistribution(
                series.contractId(),
                horizon,
                side,
                blocks.size(),
                mean,
                Percentiles.percentile(sums, P10),
                Percentiles.percentile(sums, P50),
                Percentiles.percentile(sums, P90),
                worst);
    }

    /**
     * Converts a sum of rates seen by the holder into cash for a position of constant value:
     * {@code cash = rateSumToHolder × positionValue} in the settlement asset and {@code × settlementAssetUsdPrice}
     * in USD.
     *
     * @param rateSumToHolder         sum of rates, positive = income to the holder (fraction of position value)
     * @param positionValue           absolute position value in the settlement asset: {@code Q·FV/mark} coins for an
     *                                inverse contract, {@code q·mark} USDT for a linear one; positive
     * @param settlementAssetUsdPrice USD price of one unit of the settlement asset (≈ 1 for USDT); positive
     */
    public FundingCash toCash(
            BigDecimal rateSumToHolder, BigDecimal positionValue, BigDecimal settlementAssetUsdPrice) {
        Objects.requireNonNull(rateSumToHolder, "rateSumToHolder");
        requirePositive(positionValue, "positionValue");
        requirePositive(settlementAssetUsdPrice, "settlementAssetUsdPrice");
        BigDecimal inAsset = rateSumToHolder.multiply(positionValue, MathContext.DECIMAL128);
        return new FundingCash(inAsset, inAsset.multiply(settlementAssetUsdPrice, MathContext.DECIMAL128));
    }

    /**
     * The cost of insurance: expected funding of a position of constant value at the window's mean rate,
     * {@code annualizedRate × days/365 × positionValue}, over a 30-day month and a 365-day year, signed for
     * {@code side} (positive = income) and given in the settlement asset and in USD.
     *
     * @param positionValue           absolute position value in the settlement asset (coins for inverse, USDT for
     *                                linear); positive
     * @param settlementAssetUsdPrice USD price of one unit of the settlement asset; positive
     */
    public InsuranceCost insuranceCost(
            FundingStatistics statistics, Side side, BigDecimal positionValue, BigDecimal settlementAssetUsdPrice) {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(side, "side");
        FundingCash month =
                toCash(statistics.expectedRateSumToHolder(MONTH, side), positionValue, settlementAssetUsdPrice);
        FundingCash year = toCash(
                statistics.expectedRateSumToHolder(FundingStatistics.YEAR, side),
                positionValue,
                settlementAssetUsdPrice);
        return new InsuranceCost(side, month, year);
    }

    /**
     * The full projection for one position: {@link #statistics}, {@link #horizonDistribution} and
     * {@link #insuranceCost} over the window {@code [from, to)}, plus the horizon's expected, percentile and worst
     * funding as cash (see {@link #toCash}).
     */
    public FundingProjection project(
            FundingRateSeries series,
            Instant from,
            Instant to,
            Duration horizon,
            Side side,
            BigDecimal positionValue,
            BigDecimal settlementAssetUsdPrice) {
        FundingStatistics statistics = statistics(series, from, to);
        HorizonDistribution distribution = horizonDistribution(series, from, to, horizon, side);
        return new FundingProjection(
                statistics,
                distribution,
                insuranceCost(statistics, side, positionValue, settlementAssetUsdPrice),
                toCash(statistics.expectedRateSumToHolder(horizon, side), positionValue, settlementAssetUsdPrice),
                toCash(distribution.p10(), positionValue, settlementAssetUsdPrice),
                toCash(distribution.p50(), positionValue, settlementAssetUsdPrice),
                toCash(distribution.p90(), positionValue, settlementAssetUsdPrice),
                toCash(distribution.worst().rateSumToHolder(), positionValue, settlementAssetUsdPrice));
    }

    private static BigDecimal sum(FundingRateSeries series, int start, int endExclusive) {
        BigDecimal sum = BigDecimal.ZERO;
        for (FundingRate rate : series.rates().subList(start, endExclusive)) {
            sum = sum.add(rate.rate());
        }
        return sum;
    }

    private static void requireAtLeastTwo(FundingRateSeries series) {
        Objects.requireNonNull(series, "series");
        if (series.size() < 2) {
            throw new InsufficientFundingHistoryException(series.contractId() + " has " + series.size()
                    + " settlement; at least 2 are needed to know its interval");
        }
    }

    private static void requirePeriod(Instant from, Instant to, String what) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new FundingProjectionException(what + " from " + from + " must be before to " + to);
        }
    }

    private static void requirePositive(Duration horizon) {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new FundingProjectionException("horizon must be positive, was " + horizon);
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new FundingProjectionException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
