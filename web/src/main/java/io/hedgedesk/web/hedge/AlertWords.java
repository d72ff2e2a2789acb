package io.hedgedesk.web.hedge;

import io.hedgedesk.pricing.alerts.AlertEvaluator;
import io.hedgedesk.pricing.alerts.AlertKind;
import io.hedgedesk.pricing.alerts.HedgeThresholds;
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

  /**
   * A threshold check of a hedge in words, e.g. "liquidation is 8.00 % away (alert below 10.00 %)". The value is the
   * check's {@code v} ({@link AlertEvaluator}).
   */
  public static String of(AlertEvaluator.Check c) {
    BigDecimal v = c.value();
    BigDecimal t = c.rule().threshold();
    return switch (c.kind()) {
      case LIQUIDATION -> "liquidation is " + Show.percent(v) + " away (alert below " + Show.percent(t) + ")";
      case STOP -> "the mark has crossed the stop level by " + Show.percent(v.negate());
      case TAKE_PROFIT -> "the mark has crossed the take-profit level by " + Show.percent(v.negate());
      case COVERAGE_DRIFT -> "coverage is " + Show.percent(v) + " from its target (alert beyond " + Show.percent(t)
          + ")";
      case FUNDING_RATE -> "funding costs " + Show.percent(v) + " a year (alert above " + Show.percent(t) + ")";
      case FUNDING_SIGN -> "funding has turned into a cost: " + Show.percent(v) + " a year";
      case STALE_DATA -> "its market data is " + hours(v) + " old (alert after " + hours(t) + ")";
    };
  }

  /** The short name of a kind, e.g. "Liquidation near". */
  public static String title(AlertKind kind) {
    return switch (kind) {
      case LIQUIDATION -> "Liquidation near";
      case STOP -> "Stop crossed";
      case TAKE_PROFIT -> "Take-profit crossed";
      case COVERAGE_DRIFT -> "Coverage drift";
      case FUNDING_RATE -> "Funding cost";
      case FUNDING_SIGN -> "Funding turned into a cost";
      case STALE_DATA -> "Old market data";
    };
  }

  /** Thresholds in force, in words. */
  public static String thresholds(HedgeThresholds t) {
    return "liquidation closer than " + Show.percent(t.liquidationDistance()) + " · coverage further than "
        + Show.percent(t.coverageDrift()) + " from its target · stops and take-profits "
        + (t.stopsAndTargets() ? "on" : "off") + " · funding cost above "
        + t.fundingYearlyRate().map(r -> Show.percent(r) + " a year").orElse("(off)") + " · funding turning into a cost "
        + (t.fundingSignChange() ? "on" : "off") + " · market data older than " + t.staleAfterHours() + " h";
  }

  private static String hours(BigDecimal hours) {
    return hours.compareTo(BigDecimal.valueOf(48)) >= 0
        ? hours.divide(BigDecimal.valueOf(24), 0, RoundingMode.DOWN).toPlainString() + " days"
        : hours.setScale(0, RoundingMode.DOWN).toPlainString() + " h";
  }
}
