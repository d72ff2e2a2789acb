package io.hedgedesk.web.support;

import io.hedgedesk.domain.market.PriceQuote;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display formatting for templates; templates do no arithmetic. Rounding happens here, explicitly. */
@TemplateExtension
public final class Formats {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private Formats() {
  }

  /** USD with 2 decimals (half-even) and thousands separators: {@code 1,051.00}. */
  static String usd(BigDecimal value) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(value.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** A quantity as stored, without trailing zeros and never in exponent form. */
  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** A percentage with one decimal (half-even): {@code 95.1}. */
  static String pct(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A statistic (β, ρ, R²) for people: 4 decimals, half-up, as the pages always showed them. */
  static String ratio(BigDecimal value) {
    return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** A number of SVG units (0-100) with two decimals, for bar widths. */
  static String svg(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  public static String utc(Instant instant) {
    return UTC.format(instant);
  }

  /** A quote older than this is marked as stale next to its age. */
  public static final Duration STALE_AFTER = Duration.ofDays(3);

  /** Whether a quote is older than {@link #STALE_AFTER}. */
  static boolean stale(PriceQuote quote) {
    return quote.isStale(Instant.now(), STALE_AFTER);
  }

  /** How old a quote is, in words: "just now", "5 min", "3 h", "2 days". */
  static String age(PriceQuote quote) {
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
