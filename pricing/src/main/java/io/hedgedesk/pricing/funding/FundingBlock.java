package io.hedgedesk.pricing.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One historical stretch {@code [start, end)} of a horizon's length and the funding settled in it.
 *
 * @param start            the first settlement of the block (inclusive)
 * @param end              {@code start + horizon} (exclusive)
 * @param settlements      number of settlements in the block
 * @param rateSumToHolder  sum of the block's rates seen by the chosen side (positive = income to the holder), as a
 *                         fraction of position value
 */
public record FundingBlock(Instant start, Instant end, int settlements, BigDecimal rateSumToHolder) {

    public FundingBlock {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(rateSumToHolder, "rateSumToHolder");
        if (!end.isAfter(start)) {
            throw new FundingProjectionException("end " + end + " must be after start " + start);
        }
        if (settlements < 1) {
            throw new FundingProjectionException("settlements must be at least 1, was " + settlements);
        }
    }

    /** UTC calendar day of {@code start}. */
    public LocalDate startDate() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** UTC calendar day of the last instant in the block (the day before {@code end} if it falls on midnight). */
    public LocalDate endDate() {
        return LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
    }
}
