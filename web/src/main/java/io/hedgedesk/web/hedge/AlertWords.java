package io.hedgedesk.web.hedge;

import io.hedgedesk.pricing.valuation.HedgeAlert;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The sentence shown for an alert of the valuer, with its numbers rounded for display. */
public final class AlertWords {

  private AlertWords() {
  }

  /** E.g. "ADA: coverage 80.00 % is outside ±5.00 % of the target 100.00 %". */
  public static String of(HedgeAlert a) {
    String who = a.hedgeId().map(id -> "Hedge #" + id + " (" + a.asset() + ")").orElse(a.asset());
    return who + ": " + switch (a.kind()) {
      case LIQUIDATION_NEAR -> "liquidation is " + Show.percent(a.value()) + " away (alert below "
          + Show.percent(a.limit()) + ")";
      case STOP_REACHED -> "the stop level " + a.limit().map(Show::fill).orElse("") + " is reached";
      case TAKE_PROFIT_REACHED -> "the take-profit level " + a.limit().map(Show::fill).orElse("") + " is reached";
      case COVERAGE_DRIFT -> "coverage " + Show.percent(a.value()) + " is outside ±" + Show.percent(a.band())
          + " of the target " + Show.percent(a.limit());
      case FUNDING_COST -> "funding paid " + Show.usd(a.value()) + " USD reached the maximum cost of "
          + Show.usd(a.limit()) + " USD";
      case NO_PRICE -> "no price is known; enter one on the portfolio page";
      case STALE_PRICE -> "its price is " + hours(a.value().orElse(BigDecimal.ZERO)) + " old (older than "
          + hours(a.limit().orElse(BigDecimal.ZERO)) + ")";
    };
  }

  private static String hours(BigDecimal hours) {
    return hours.compareTo(BigDecimal.valueOf(48)) >= 0
        ? hours.divide(BigDecimal.valueOf(24), 0, RoundingMode.DOWN).toPlainString() + " days"
        : hours.setScale(0, RoundingMode.DOWN).toPlainString() + " h";
  }
}
