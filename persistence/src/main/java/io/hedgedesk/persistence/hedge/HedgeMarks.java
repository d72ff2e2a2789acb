package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return marks(List.of(hedge), List.of(instrument)).get(0);
  }

  /**
   * The marks of several hedges ({@code instruments.get(i)} is the contract of {@code hedges.get(i)}), in the same
   * order, with two queries whatever their number (ticks of all contracts, latest closes of all base assets).
   */
  public List<Optional<HedgeMark>> marks(List<Hedge> hedges, List<Instrument> instruments) {
    if (hedges.size() != instruments.size()) {
      throw new IllegalArgumentException("one instrument per hedge");
    }
    if (hedges.isEmpty()) {
      return List.of();
    }
    Map<String, MarketTick> latestTicks = ticks.latest(instruments.stream().map(Instrument::id).distinct().toList());
    Map<String, PriceQuote> latestCloses = closes.latestCloses(
        instruments.stream().map(i -> i.baseAsset().symbol()).distinct().toList());
    List<Optional<HedgeMark>> marks = new ArrayList<>(hedges.size());
    for (int i = 0; i < hedges.size(); i++) {
      Instrument instrument = instruments.get(i);
      marks.add(mark(hedges.get(i), Optional.ofNullable(latestTicks.get(instrument.id())),
          Optional.ofNullable(latestCloses.get(instrument.baseAsset().symbol()))));
    }
    return marks;
  }

  private static Optional<HedgeMark> mark(Hedge hedge, Optional<MarketTick> tick, Optional<PriceQuote> latestClose) {
    if (tick.isPresent()) {
      MarketTick t = tick.get();
      return Optional.of(new HedgeMark(t.markPrice(), HedgeMark.Kind.TICK, t.source(), t.fetchedAt()));
    }
    Optional<HedgeMark> close = latestClose
        .map((PriceQuote q) -> new HedgeMark(q.priceUsd(), HedgeMark.Kind.DAILY_CLOSE, q.source(), q.asOf()));
    Optional<HedgeMark> manual = hedge.manualMark()
        .map(m -> new HedgeMark(m.price(), HedgeMark.Kind.MANUAL, "entered on the tracking page", m.enteredAt()));
    if (close.isPresent() && manual.isPresent()) {
      return manual.get().asOf().isAfter(close.get().asOf()) ? manual : close;
    }
    return close.isPresent() ? close : manual;
  }
}
