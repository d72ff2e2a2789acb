package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.web.view.Words;
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
        return Words.of(instrument().type());
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
        return Display.sizeUnit(instrument());
    }

    public String size() {
        return Display.quantity(hedge().size());
    }

    public String entry() {
        return Display.price(hedge().entryPrice(), instrument());
    }

    public String leverage() {
        return Display.quantity(hedge().leverage()) + "×";
    }

    public String margin() {
        return Display.amount(hedge().margin(), asset());
    }

    public String openedAt() {
        return Times.utc(hedge().openedAt());
    }

    public boolean hasMark() {
        return snapshot.mark().isPresent();
    }

    public String mark() {
        return snapshot.mark().map(m -> Display.price(m.price(), instrument())).orElse("—");
    }

    public String markSource() {
        return snapshot.mark().map(m -> m.source() + ", " + Times.utc(m.asOf())).orElse("no price known");
    }

    public String markAge() {
        return snapshot.markAge().map(Times::age).orElse("");
    }

    public boolean stale() {
        return snapshot.stale();
    }

    public String unrealized() {
        return Display.amount(snapshot.unrealizedPnl(), asset());
    }

    public String unrealizedUsd() {
        return Display.usd(snapshot.unrealizedPnlUsd());
    }

    public String realized() {
        return Display.amount(hedge().realizedPnl(), asset());
    }

    public String fundingExpected() {
        return Display.amount(snapshot.fundingExpected(), asset());
    }

    public String fundingNote() {
        return snapshot.fundingNote();
    }

    public String fundingActual() {
        return Display.amount(snapshot.fundingActual(), asset());
    }

    public String fundingDifference() {
        return Display.amount(snapshot.fundingDifference(), asset());
    }

    public String fees() {
        return Display.amount(snapshot.fees(), asset());
    }

    public String accountCash() {
        return Display.amount(snapshot.accountCash(), asset());
    }

    public boolean hasCoverage() {
        return snapshot.coverage().isPresent();
    }

    public String coverage() {
        return snapshot.coverage().map(c -> Display.percent(c.coverage())).orElse("—");
    }

    public String coverageTarget() {
        return Display.percent(hedge().targetCoverage());
    }

    public String drift() {
        return snapshot.coverage().map(c -> Display.percent(c.drift())).orElse("—");
    }

    public String coverageNote() {
        return snapshot.coverageNote();
    }

    public String resize() {
        return snapshot.coverage()
                .map(c -> c.resize().size().signum() == 0
                        ? "none (within half a step)"
                        : Display.order(c.resize().venueSide(), c.resize().size(), instrument()) + " → coverage "
                                + Display.percent(c.coverageAfterResize()))
                .orElse("—");
    }

    public String holdingsCoins() {
        return snapshot.coverage()
                .map(c -> Display.amount(
                        c.holdingsCoins(), instrument().baseAsset().symbol()))
                .orElse("—");
    }

    public String liquidationPrice() {
        return snapshot.liquidation()
                .map(d -> Display.price(d.liquidationPrice(), instrument()))
                .orElse("none");
    }

    public String liquidationDistance() {
        return snapshot.liquidation().map(d -> Display.percent(d.fraction())).orElse("—");
    }

    public String stopPrice() {
        return hedge().stopPrice().map(p -> Display.price(p, instrument())).orElse("—");
    }

    public String stopDistance() {
        return Display.percent(snapshot.stopDistance());
    }

    public String takeProfitPrice() {
        return hedge().takeProfitPrice()
                .map(p -> Display.price(p, instrument()))
                .orElse("—");
    }

    public String takeProfitDistance() {
        return Display.percent(snapshot.takeProfitDistance());
    }

    public String maxFundingCost() {
        return hedge().maxFundingCostUsd().map(Display::usd).orElse("—");
    }

    public String stopInput() {
        return Display.plain(hedge().stopPrice());
    }

    public String takeProfitInput() {
        return Display.plain(hedge().takeProfitPrice());
    }

    public String maxFundingInput() {
        return Display.plain(hedge().maxFundingCostUsd());
    }

    public List<String> alerts() {
        return snapshot.alerts().stream().map(Words::of).toList();
    }

    /** True when the coin's coverage over all open hedges of the portfolio is shown (a same-coin hedge). */
    public boolean hasCoin() {
        return snapshot.asset().isPresent();
    }

    /** The coin's exposure in words: holdings, plus coins at the venues that are not part of them. */
    public String coinExposure() {
        return snapshot.asset()
                .map(a -> {
                    String coin = a.asset();
                    String text = Display.amount(a.exposureCoins(), coin) + " = holdings "
                            + Display.amount(a.holdingsCoins(), coin);
                    BigDecimal beyond = a.venueCoins().subtract(a.bagCoinsAtVenue());
                    if (a.bagCoinsAtVenue().signum() != 0) {
                        text += " (of which " + Display.amount(a.bagCoinsAtVenue(), coin)
                                + " moved to the venue as margin)";
                    }
                    if (beyond.signum() != 0) {
                        text += (beyond.signum() > 0 ? " + " : " − ") + Display.amount(beyond.abs(), coin)
                                + " at the venue beyond them";
                    }
                    return text;
                })
                .orElse("—");
    }

    /** The coin's coverage by all its open hedges in the portfolio, and how many hedges that is. */
    public String coinCoverage() {
        return snapshot.asset()
                .map(a -> Display.percent(a.coverage()) + " by " + a.hedgeIds().size()
                        + (a.hedgeIds().size() == 1 ? " hedge" : " hedges"))
                .orElse("—");
    }

    /** The contract's coin, e.g. {@code "ADA"}. */
    public String coin() {
        return instrument().baseAsset().symbol();
    }

    public boolean proxy() {
        return snapshot.proxy();
    }

    public String status() {
        return Words.words(hedge().status());
    }

    public long version() {
        return hedge().version();
    }
}
