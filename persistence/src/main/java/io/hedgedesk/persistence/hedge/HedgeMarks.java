package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The mark a hedge is valued at: the latest fetched tick of its contract if any; otherwise the more recent of the
 * latest stored daily close of its base asset and the mark typed in on the tracking page; empty if none exists.
 */
@ApplicationScoped
public class HedgeMarks {

  private final MarketTickRepository ticks;
  private final PriceHistoryRepository closes;

  public HedgeMarks(MarketTickRepository ticks, PriceHistoryRepository closes) {
    this.ticks = ticks;
    this.closes = closes;
  }

  public Optional<HedgeMark> mark(Hedge hedge, Instrument instrument) {
    Optional<MarketTick> tick = ticks.latest(instrument.id());
    if (tick.isPresent()) {
      MarketTick t = tick.get();
      return Optional.of(new HedgeMark(t.markPrice(), HedgeMark.Kind.TICK, t.source(), t.fetchedAt()));
    }
    String base = instrument.baseAsset().symbol();
    Optional<HedgeMark> close = Optional.ofNullable(closes.latestCloses(List.of(base)).get(base))
        .map((PriceQuote q) -> new HedgeMark(q.priceUsd(), HedgeMark.Kind.DAILY_CLOSE, q.source(), q.asOf()));
    Optional<HedgeMark> manual = hedge.manualMark()
        .map(m -> new HedgeMark(m.price(), HedgeMark.Kind.MANUAL, "entered on the tracking page", m.enteredAt()));
    if (close.isPresent() && manual.isPresent()) {
      return manual.get().asOf().isAfter(close.get().asOf()) ? manual : close;
    }
    return close.isPresent() ? close : manual;
  }
}
