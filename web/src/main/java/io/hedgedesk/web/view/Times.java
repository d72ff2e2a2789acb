package io.hedgedesk.web.view;

import io.hedgedesk.domain.market.PriceQuote;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and ages as the pages print them (the display formatter's counterpart for time). */
public final class Times {

    /** A quote older than this is marked as stale next to its age. */
    public static final Duration STALE_AFTER = Duration.ofDays(3);

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Times() {}

    /** A time in UTC: "2026-12-06 12:03 UTC". */
    @TemplateExtension
    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** Whether a quote is older than {@link #STALE_AFTER}. */
    @TemplateExtension
    public static boolean stale(PriceQuote quote) {
        return quote.isStale(Instant.now(), STALE_AFTER);
    }

    /** How old a quote is, in words: "just now", "5 min ago", "3 h ago", "2 days ago". */
    @TemplateExtension
    public static String age(PriceQuote quote) {
        return age(quote.age(Instant.now()));
    }

    /** An age in words: "just now", "5 min ago", "3 h ago", "2 days ago". */
    public static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
