package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.pricing.funding.InsufficientFundingHistoryException;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The funding a hedge should have received or paid over its life, from the stored rates and closes. */
@ApplicationScoped
class ExpectedFunding {

    /** The expected funding (settlement asset, positive = income) or why there is none, and how it was computed. */
    record FundingOrNote(Optional<BigDecimal> amount, String note) {}

    private final FundingHistoryRepository funding;
    private final PriceHistoryRepository prices;

    ExpectedFunding(FundingHistoryRepository funding, PriceHistoryRepository prices) {
        this.funding = funding;
        this.prices = prices;
    }

    /**
     * Expected funding from stored rates: for each stretch between trades, every settlement pays its rate (to the
     * holder) on the position value of that stretch's size at that settlement's price ({@link
     * FundingProjector#accrueCash}), over the part of the hedge's life the stored series covers. The price at a
     * settlement is the stored daily close of the base asset of the day before (USDT-quoted), or the current mark
     * where no close is stored for that time.
     */
    FundingOrNote of(Hedge hedge, Instrument instrument, List<HedgeEvent> events, BigDecimal markPrice, Instant now) {
        Optional<FundingRateSeries> stored = funding.series(instrument.id());
        if (stored.isEmpty() || stored.get().size() < 2) {
            return new FundingOrNote(Optional.empty(), "no stored rates for " + instrument.id());
        }
        FundingRateSeries series = stored.get();
        Instant knownFrom = series.first().time();
        Instant knownTo = series.last()
                .time()
                .plus(series.intervalEndingAt(series.size() - 1).orElse(Duration.ZERO));
        Instant end = hedge.closedAt().orElse(now);
        Side side = hedge.side();
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        Optional<PriceSeries> closes = prices.series(instrument.baseAsset().symbol());
        // The last close known at a settlement is the previous UTC day's (a day's close comes at its end); the same
        // day's close stands in when the previous one is missing; without either, the current mark.
        Function<Instant, BigDecimal> priceAt = t -> {
            java.time.LocalDate day = t.atZone(ZoneOffset.UTC).toLocalDate();
            return closes.flatMap(c -> c.closeOn(day.minusDays(1)).or(() -> c.closeOn(day)))
                    .orElse(markPrice);
        };
        BigDecimal total = BigDecimal.ZERO;
        List<HedgeEvent> trades =
                events.stream().filter(e -> e.type().isTrade()).toList();
        for (int i = 0; i < trades.size(); i++) {
            HedgeEvent trade = trades.get(i);
            Instant from = max(trade.occurredAt(), knownFrom);
            Instant to = min(i + 1 < trades.size() ? trades.get(i + 1).occurredAt() : end, knownTo);
            if (!from.isBefore(to) || trade.sizeAfter().signum() == 0) {
                continue;
            }
            try {
                BigDecimal size = trade.sizeAfter();
                total = total.add(FundingProjector.DEFAULT.accrueCash(
                        series,
                        from,
                        to,
                        side,
                        t -> pricer.positionValue(instrument, size, priceAt.apply(t))
                                .value()));
            } catch (InsufficientFundingHistoryException e) {
                return new FundingOrNote(Optional.empty(), "stored rates do not cover the hedge: " + e.getMessage());
            }
        }
        String note = "stored rates " + series.source() + " until " + knownTo + ", position value at each settlement's"
                + (closes.isPresent() ? " daily close" : " price (no stored closes: the current mark)");
        if (end.isAfter(knownTo)) {
            note += "; the hedge's life after " + knownTo + " has no stored rates";
        }
        return new FundingOrNote(Optional.of(total), note);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
