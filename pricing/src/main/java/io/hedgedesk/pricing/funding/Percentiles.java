package io.hedgedesk.pricing.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Percentiles by linear interpolation between order statistics (Hyndman–Fan definition 7, the default of
 * NumPy and R, and Excel's PERCENTILE.INC): for sorted values {@code x[0..N-1]} and {@code p} in [0, 1],
 * {@code h = (N - 1)·p}, result {@code x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋ + 1] - x[⌊h⌋])}.
 */
final class Percentiles {

    private Percentiles() {}

    static BigDecimal percentile(List<BigDecimal> sortedAscending, BigDecimal p) {
        if (sortedAscending.isEmpty()) {
            throw new FundingProjectionException("percentile of an empty sample is undefined");
        }
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new FundingProjectionException("percentile p must lie in [0, 1], was " + p);
        }
        BigDecimal h = p.multiply(BigDecimal.valueOf(sortedAscending.size() - 1L));
        int lower = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lower));
        BigDecimal base = sortedAscending.get(lower);
        if (fraction.signum() == 0) {
            return base;
        }
        BigDecimal step = sortedAscending.get(lower + 1).subtract(base);
        return base.add(fraction.multiply(step, MathContext.DECIMAL128), MathContext.DECIMAL128);
    }
}
