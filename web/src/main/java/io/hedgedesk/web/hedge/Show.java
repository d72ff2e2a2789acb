package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * Display rounding of hedge figures: USD 2 dp, coins 8 dp (half-even), computed prices at the contract's tick, fills and
 * contracts as stored, fractions as %.
 */
final class Show {

  private Show() {
  }

  /** An amount of {@code asset} at its display scale (2 dp dollars, 8 dp coins). */
  static String amount(BigDecimal value, String asset) {
    return value.setScale(Asset.of(asset).scale(), RoundingMode.HALF_EVEN).toPlainString();
  }

  static String amount(Optional<BigDecimal> value, String asset) {
    return value.map(v -> amount(v, asset)).orElse("—");
  }

  static String usd(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  static String usd(Optional<BigDecimal> value) {
    return value.map(Show::usd).orElse("—");
  }

  /** A size or price as stored, without trailing zeros. */
  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  static String plain(Optional<BigDecimal> value) {
    return value.map(Show::plain).orElse("");
  }

  /**
   * A computed price (average entry, mark, liquidation) at the contract's tick: as many decimals as the tick
   * size has, at least 2 (half-even). A fixed 2 dp would print a DOGE mark of 0.10322305 as 0.10 and a liquidation
   * price 9 % away as the same 0.11 as one 2 % away.
   */
  static String price(BigDecimal value, Instrument instrument) {
    int scale = Math.max(2, instrument.tickSize().stripTrailingZeros().scale());
    return value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A recorded fill price as the user entered it (trailing zeros dropped, at least 2 dp): never rounded. */
  static String fill(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
  }

  /** A fraction as a percentage with 2 decimals: 0.1234 → "12.34 %". */
  static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  static String percent(Optional<BigDecimal> fraction) {
    return fraction.map(Show::percent).orElse("—");
  }

  static String age(Duration age) {
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
