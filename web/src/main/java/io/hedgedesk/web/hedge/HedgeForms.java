package io.hedgedesk.web.hedge;

import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Form bindings of the hedge pages. Ids, team, owner and status are never bound from forms. */
final class HedgeForms {

  private HedgeForms() {
  }

  /** The manual "record an opened hedge" form. */
  public record OpenForm(@RestForm String contractId, @RestForm String side, @RestForm String size,
                         @RestForm String entryPrice, @RestForm String leverage, @RestForm String margin,
                         @RestForm String marginSource, @RestForm("holding") List<String> holdings,
                         @RestForm String targetCoverage, @RestForm String fee, @RestForm String openedAt,
                         @RestForm String formToken) {

    static OpenForm empty() {
      return new OpenForm("", "SHORT", "", "", "1", "0", "EXTRA_COIN", List.of(), "1", "0", "", "");
    }

    public boolean holds(long holdingId) {
      return holdings != null && holdings.contains(Long.toString(holdingId));
    }
  }

  /** An action on a hedge (both the first step and the confirmed submit carry the same fields). */
  public record ActionForm(@RestForm String type, @RestForm String quantity, @RestForm String price,
                           @RestForm String amount, @RestForm String fee, @RestForm String fundingRate,
                           @RestForm String usdPrice, @RestForm String occurredAt, @RestForm String note,
                           @RestForm String correctsEventId, @RestForm Long version, @RestForm String formToken) {

    static ActionForm empty(long version) {
      return new ActionForm("INCREASE", "", "", "", "", "", "", "", "", "", version, "");
    }

    ActionForm withToken(String token) {
      return new ActionForm(type, quantity, price, amount, fee, fundingRate, usdPrice, occurredAt, note,
          correctsEventId, version, token);
    }
  }

  /** Close targets; empty fields clear a target. */
  public record TargetsForm(@RestForm String stopPrice, @RestForm String takeProfitPrice,
                            @RestForm String maxFundingCostUsd, @RestForm Long version) {

    /** The targets stored on the hedge. */
    static TargetsForm of(HedgeView view) {
      return new TargetsForm(view.stopInput(), view.takeProfitInput(), view.maxFundingInput(), view.version());
    }

    /** The values as typed, to submit again against {@code current}. */
    TargetsForm withVersion(long current) {
      return new TargetsForm(stopPrice, takeProfitPrice, maxFundingCostUsd, current);
    }
  }
}
