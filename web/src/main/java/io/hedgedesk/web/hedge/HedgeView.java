package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import io.hedgedesk.web.support.Formats;
import java.math.BigDecimal;
import java.util.List;

/**
 * A hedge snapshot formatted for the tracking page and the dashboard; templates do no arithmetic.
 */
public record HedgeView(HedgeSnapshot snapshot) {

  public Hedge hedge() {
    return snapshot.access().hedge();
  }

  public long id() {
    return hedge().id();
  }

  public String contract() {
    return hedge().contractId();
  }

  private Instrument instrument() {
    return snapshot.access().instrument();
  }

  public String contractType() {
    return instrument().type().name();
  }

  public String portfolioName() {
    return snapshot.access().portfolio().portfolio().name();
  }

  public long portfolioId() {
    return hedge().portfolioId();
  }

  public boolean canAct() {
    return snapshot.access().canAct() && hedge().isOpen();
  }

  public String asset() {
    return hedge().settlementAsset();
  }

  public String sizeUnit() {
    return instrument().isInverse()
        ? "contracts of " + Show.plain(instrument().contractSize()) + " USD"
        : "× " + Show.plain(instrument().contractSize()) + " "
            + instrument().baseAsset().symbol();
  }

  public String size() {
    return Show.plain(hedge().size());
  }

  public String entry() {
    return Show.price(hedge().entryPrice(), instrument());
  }

  public String leverage() {
    return Show.plain(hedge().leverage());
  }

  public String margin() {
    return Show.amount(hedge().margin(), asset());
  }

  public String openedAt() {
    return Formats.utc(hedge().openedAt());
  }

  public boolean hasMark() {
    return snapshot.mark().isPresent();
  }

  public String mark() {
    return snapshot.mark().map(m -> Show.price(m.price(), instrument())).orElse("—");
  }

  public String markSource() {
    return snapshot.mark().map(m -> m.source() + ", " + Formats.utc(m.asOf())).orElse("no price known");
  }

  public String markAge() {
    return snapshot.markAge().map(Show::age).orElse("");
  }

  public boolean stale() {
    return snapshot.stale();
  }

  public String unrealized() {
    return Show.amount(snapshot.unrealizedPnl(), asset());
  }

  public String unrealizedUsd() {
    return Show.usd(snapshot.unrealizedPnlUsd());
  }

  public String realized() {
    return Show.amount(hedge().realizedPnl(), asset());
  }

  public String fundingExpected() {
    return Show.amount(snapshot.fundingExpected(), asset());
  }

  public String fundingNote() {
    return snapshot.fundingNote();
  }

  public String fundingActual() {
    return Show.amount(snapshot.fundingActual(), asset());
  }

  public String fundingDifference() {
    return Show.amount(snapshot.fundingDifference(), asset());
  }

  public String fees() {
    return Show.amount(snapshot.fees(), asset());
  }

  public String accountCash() {
    return Show.amount(snapshot.accountCash(), asset());
  }

  public boolean hasCoverage() {
    return snapshot.coverage().isPresent();
  }

  public String coverage() {
    return snapshot.coverage().map(c -> Show.percent(c.coverage())).orElse("—");
  }

  public String coverageTarget() {
    return Show.percent(hedge().targetCoverage());
  }

  public String drift() {
    return snapshot.coverage().map(c -> Show.percent(c.drift())).orElse("—");
  }

  public String coverageNote() {
    return snapshot.coverageNote();
  }

  public String resize() {
    return snapshot.coverage().map(c -> c.resize().size().signum() == 0 ? "none (within half a step)"
        : c.resize().venueSide() + " " + Show.plain(c.resize().size()) + " → coverage "
            + Show.percent(c.coverageAfterResize())).orElse("—");
  }

  public String holdingsCoins() {
    return snapshot.coverage().map(c -> Show.amount(c.holdingsCoins(), instrument().baseAsset().symbol())).orElse("—");
  }

  public String liquidationPrice() {
    return snapshot.liquidation().map(d -> Show.price(d.liquidationPrice(), instrument())).orElse("none");
  }

  public String liquidationDistance() {
    return snapshot.liquidation().map(d -> Show.percent(d.fraction())).orElse("—");
  }

  public String stopPrice() {
    return hedge().stopPrice().map(Show::fill).orElse("—");
  }

  public String stopDistance() {
    return Show.percent(snapshot.stopDistance());
  }

  public String takeProfitPrice() {
    return hedge().takeProfitPrice().map(Show::fill).orElse("—");
  }

  public String takeProfitDistance() {
    return Show.percent(snapshot.takeProfitDistance());
  }

  public String maxFundingCost() {
    return hedge().maxFundingCostUsd().map(Show::usd).orElse("—");
  }

  public String stopInput() {
    return Show.plain(hedge().stopPrice());
  }

  public String takeProfitInput() {
    return Show.plain(hedge().takeProfitPrice());
  }

  public String maxFundingInput() {
    return Show.plain(hedge().maxFundingCostUsd());
  }

  public List<String> alerts() {
    return snapshot.alerts().stream().map(AlertWords::of).toList();
  }

  /** True when the coin's coverage over all open hedges of the portfolio is shown (a same-coin hedge). */
  public boolean hasCoin() {
    return snapshot.asset().isPresent();
  }

  /** The coin's exposure in words: holdings, plus coins at the venues that are not part of them. */
  public String coinExposure() {
    return snapshot.asset().map(a -> {
      String coin = a.asset();
      String text = Show.amount(a.exposureCoins(), coin) + " " + coin + " = holdings " + Show.amount(a.holdingsCoins(),
          coin);
      BigDecimal beyond = a.venueCoins().subtract(a.bagCoinsAtVenue());
      if (a.bagCoinsAtVenue().signum() != 0) {
        text += " (of which " + Show.amount(a.bagCoinsAtVenue(), coin) + " moved to the venue as margin)";
      }
      if (beyond.signum() != 0) {
        text += (beyond.signum() > 0 ? " + " : " − ") + Show.amount(beyond.abs(), coin) + " at the venue beyond them";
      }
      return text;
    }).orElse("—");
  }

  /** The coin's coverage by all its open hedges in the portfolio, and how many hedges that is. */
  public String coinCoverage() {
    return snapshot.asset().map(a -> Show.percent(a.coverage()) + " by " + a.hedgeIds().size()
        + (a.hedgeIds().size() == 1 ? " hedge" : " hedges")).orElse("—");
  }

  /** The contract's coin, e.g. {@code "ADA"}. */
  public String coin() {
    return instrument().baseAsset().symbol();
  }

  public boolean proxy() {
    return snapshot.proxy();
  }

  public String status() {
    return hedge().status().name();
  }

  public long version() {
    return hedge().version();
  }
}
