package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.pricing.alerts.HedgeReading;
import io.hedgedesk.pricing.hedge.CoverageCheck;
import io.hedgedesk.pricing.perpetual.LiquidationDistance;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import java.util.Map;
import java.util.Optional;

/** What the alert evaluation measures of a valued hedge: the snapshot's distances and coverage, the tick's funding. */
final class HedgeReadings {

    private HedgeReadings() {}

    /** The reading of {@code s}, with its contract's latest tick (by upper-case contract id) for the funding rate. */
    static HedgeReading of(HedgeSnapshot s, Map<String, MarketTick> ticks) {
        Instrument instrument = s.access().instrument();
        Optional<MarketTick> tick =
                Optional.ofNullable(ticks.get(instrument.id().toUpperCase(java.util.Locale.ROOT)));
        int interval = tick.flatMap(MarketTick::fundingIntervalHours)
                .orElse((int) Math.max(1, instrument.fundingInterval().toHours()));
        return new HedgeReading(
                s.access().hedge().id(),
                s.access().hedge().side(),
                s.liquidation().map(LiquidationDistance::fraction),
                s.stopDistance(),
                s.takeProfitDistance(),
                s.coverage().map(CoverageCheck::drift),
                tick.flatMap(MarketTick::fundingRate),
                interval,
                s.markAge());
    }
}
