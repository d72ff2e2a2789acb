package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.market.AlignedPrices;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The market a backtest replays: daily closes of every asset aligned on their common dates (inner join), the window
 * {@code [from, to]} inside them, some days of history before it (for a β estimated in advance), and the funding
 * rates of each contract summed per day of the window.
 *
 * <p><b>Which day a settlement belongs to.</b> A daily close is the last trade of its UTC day, i.e. the price at
 * {@code date + 1 day, 00:00Z}. A settlement at time {@code s} is booked on the first close at or after it: day
 * {@code t} collects the settlements with {@code close(t − 1) < s ≤ close(t)} and they are valued at that close (the
 * only price known). Day 0 collects none: the hedge opens at its close.
 *
 * @param dates       every aligned date, ascending: {@code lookback} days of history, then the window
 * @param startIndex  index in {@code dates} of the window's first day
 * @param closes      per asset symbol, its closes on {@code dates} (USD per coin; USDT counted as USD)
 * @param approximateCloses the same as doubles, for the replay's guards (never for an amount)
 * @param fundingDays per contract id, per window day ({@code dates.size() − startIndex} entries), the sum of the
 *                    rates settled on that day in market convention (positive = longs pay shorts)
 * @param gaps        stretches of the window without the settlements a series should have had (nothing filled)
 */
public record BacktestMarket(
        List<LocalDate> dates,
        int startIndex,
        Map<String, BigDecimal[]> closes,
        Map<String, double[]> approximateCloses,
        Map<String, BigDecimal[]> fundingDays,
        List<FundingGap> gaps) {

    /** An interval more than this many times the series' usual one is a gap. */
    static final int GAP_FACTOR = 2;

    public BacktestMarket {
        dates = List.copyOf(dates);
        closes = Map.copyOf(closes);
        approximateCloses = Map.copyOf(approximateCloses);
        fundingDays = Map.copyOf(fundingDays);
        gaps = List.copyOf(gaps);
        if (dates.size() - startIndex < 2) {
            throw new BacktestException("from", "the window needs at least two daily closes");
        }
    }

    /**
     * Aligns {@code prices} on their common dates and cuts the window {@code [from, to]} with up to {@code lookback}
     * earlier days kept; sums {@code funding} (contract id → series) per window day and names its gaps.
     *
     * @throws BacktestException if {@code from} is after {@code to} or the window holds fewer than two common closes
     */
    public static BacktestMarket of(
            List<PriceSeries> prices,
            LocalDate from,
            LocalDate to,
            int lookback,
            Map<String, FundingRateSeries> funding) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new BacktestException("from", "from " + from + " must not be after to " + to);
        }
        if (lookback < 0) {
            throw new BacktestException("betaWindow", "the look-back must not be negative, was " + lookback);
        }
        AlignedPrices aligned = PriceSeries.align(prices);
        List<LocalDate> all = aligned.dates();
        int first = lowerBound(all, from);
        int end = lowerBound(all, to.plusDays(1));
        if (end - first < 2) {
            throw new BacktestException(
                    "from",
                    "the assets "
                            + prices.stream().map(PriceSeries::assetSymbol).toList()
                            + " share fewer than two daily closes between " + from + " and " + to
                            + (all.isEmpty()
                                    ? ""
                                    : " (common history " + all.get(0) + ".." + all.get(all.size() - 1) + ")"));
        }
        int begin = Math.max(0, first - lookback);
        List<LocalDate> dates = all.subList(begin, end);
        Map<String, BigDecimal[]> closes = new LinkedHashMap<>();
        Map<String, double[]> approximate = new LinkedHashMap<>();
        for (PriceSeries series : aligned.series()) {
            BigDecimal[] values = new BigDecimal[dates.size()];
            double[] doubles = new double[dates.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = series.points().get(begin + i).close();
                doubles[i] = values[i].doubleValue();
            }
            closes.put(series.assetSymbol(), values);
            approximate.put(series.assetSymbol(), doubles);
        }
        List<LocalDate> window = dates.subList(first - begin, dates.size());
        Map<String, BigDecimal[]> sums = new HashMap<>();
        List<FundingGap> gaps = new ArrayList<>();
        funding.forEach((contract, series) -> {
            sums.put(contract, daySums(series, window));
            gaps.addAll(gaps(contract, series, closeTime(window.get(0)), closeTime(window.get(window.size() - 1))));
        });
        return new BacktestMarket(dates, first - begin, closes, approximate, sums, gaps);
    }

    /** The number of window days. */
    public int days() {
        return dates.size() - startIndex;
    }

    /** The window's dates. */
    public List<LocalDate> windowDates() {
        return dates.subList(startIndex, dates.size());
    }

    /** The close of {@code asset} on window day {@code day}. */
    public BigDecimal close(String asset, int day) {
        return closesOf(asset)[startIndex + day];
    }

    /** Every aligned close of {@code asset}, look-back included. */
    public BigDecimal[] closesOf(String asset) {
        BigDecimal[] values = closes.get(asset);
        if (values == null) {
            throw new BacktestException("asset", "no daily closes of " + asset + " are stored");
        }
        return values;
    }

    /** {@link #closesOf} as doubles. */
    double[] approximateClosesOf(String asset) {
        closesOf(asset);
        return approximateCloses.get(asset);
    }

    /** The funding rate sums per window day of {@code contractId}, if a series was given for it. */
    public Optional<BigDecimal[]> fundingOf(String contractId) {
        return Optional.ofNullable(fundingDays.get(contractId));
    }

    /** When the close of {@code date} is taken: the end of that UTC day. */
    static Instant closeTime(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static BigDecimal[] daySums(FundingRateSeries series, List<LocalDate> window) {
        BigDecimal[] sums = new BigDecimal[window.size()];
        Arrays.fill(sums, BigDecimal.ZERO);
        int i = series.indexAtOrAfter(closeTime(window.get(0)).plusNanos(1));
        for (int day = 1; day < window.size() && i < series.size(); day++) {
            Instant close = closeTime(window.get(day));
            BigDecimal sum = BigDecimal.ZERO;
            while (i < series.size() && !series.get(i).time().isAfter(close)) {
                sum = sum.add(series.get(i).rate());
                i++;
            }
            sums[day] = sum;
        }
        return sums;
    }

    /**
     * The gaps of {@code series} in {@code (start, end]}: before its first settlement, after its last, and every
     * interval longer than {@value #GAP_FACTOR} × its usual interval (the median of its intervals in the window).
     */
    static List<FundingGap> gaps(String contract, FundingRateSeries series, Instant start, Instant end) {
        int first = series.indexAtOrAfter(start.plusNanos(1));
        int last = series.indexAtOrAfter(end.plusNanos(1)) - 1;
        List<FundingGap> gaps = new ArrayList<>();
        if (first > last) {
            gaps.add(new FundingGap(contract, start, end, "no settlement in the window"));
            return gaps;
        }
        long[] times = new long[last - first + 1];
        for (int i = first; i <= last; i++) {
            times[i - first] = series.get(i).time().getEpochSecond();
        }
        long longest = GAP_FACTOR * usualInterval(series, first, times);
        if (times[0] - start.getEpochSecond() > longest) {
            gaps.add(new FundingGap(
                    contract,
                    start,
                    series.get(first).time(),
                    first == 0 ? "before the series starts" : "missing in the series"));
        }
        for (int k = 1; k < times.length; k++) {
            if (times[k] - times[k - 1] > longest) {
                gaps.add(new FundingGap(
                        contract,
                        series.get(first + k - 1).time(),
                        series.get(first + k).time(),
                        "missing in the series"));
            }
        }
        if (end.getEpochSecond() - times[times.length - 1] > longest) {
            gaps.add(new FundingGap(
                    contract,
                    series.get(last).time(),
                    end,
                    last == series.size() - 1 ? "after the series ends" : "missing in the series"));
        }
        return gaps;
    }

    /** The median interval, seconds, of the settlements at {@code times} (8 h when there is only one). */
    private static long usualInterval(FundingRateSeries series, int first, long[] times) {
        if (times.length == 1) {
            return series.intervalEndingAt(first).orElse(Duration.ofHours(8)).getSeconds();
        }
        long[] seconds = new long[times.length - 1];
        for (int k = 1; k < times.length; k++) {
            seconds[k - 1] = times[k] - times[k - 1];
        }
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }

    private static int lowerBound(List<LocalDate> dates, LocalDate date) {
        int low = 0;
        int high = dates.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (dates.get(mid).isBefore(date)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
