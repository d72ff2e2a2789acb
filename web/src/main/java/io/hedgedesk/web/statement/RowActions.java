package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.web.statement.ImportPlan.Track;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ledger action a statement row is, as the same row typed in would be; one per plan (it caches daily closes). */
final class RowActions {

    private final PriceHistoryRepository prices;
    private final Map<String, Optional<PriceSeries>> closes = new HashMap<>();

    RowActions(PriceHistoryRepository prices) {
        this.prices = prices;
    }

    /** The ledger action {@code row} is on {@code track}, or empty for a row kept for reconciliation only. */
    Optional<HedgeAction> action(Track track, StatementRow row) {
        Optional<BigDecimal> usd = usd(track, row.time());
        Optional<Instant> at = Optional.of(row.time());
        String note = "statement line " + row.line();
        return switch (row.kind()) {
            case TRADE, LIQUIDATION -> {
                if (row.quantity().isEmpty() || row.price().isEmpty()) {
                    throw InvalidHedgeException.of("quantity", "a fill needs its quantity and price");
                }
                BigDecimal quantity = row.quantity().get();
                boolean adds = row.side().isPresent()
                        && row.kind() == RowKind.TRADE
                        && "SELL".equals(row.side().get()) == (track.position.side() == Side.SHORT);
                HedgeEventType type = adds
                        ? HedgeEventType.INCREASE
                        : quantity.compareTo(track.position.size()) == 0 ? HedgeEventType.CLOSE : HedgeEventType.REDUCE;
                yield Optional.of(new HedgeAction(
                        type,
                        Optional.of(quantity),
                        row.price(),
                        Optional.empty(),
                        Optional.of(row.fee()),
                        Optional.empty(),
                        Optional.empty(),
                        at,
                        note,
                        Optional.empty()));
            }
            case FUNDING ->
                Optional.of(new HedgeAction(
                        HedgeEventType.FUNDING,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(row.funding()),
                        Optional.empty(),
                        Optional.empty(),
                        usd,
                        at,
                        note,
                        Optional.empty()));
            case FEE ->
                row.fee().signum() == 0
                        ? Optional.empty()
                        : Optional.of(new HedgeAction(
                                HedgeEventType.FEE,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(row.fee()),
                                Optional.empty(),
                                Optional.empty(),
                                usd,
                                at,
                                note,
                                Optional.empty()));
            case TRANSFER_IN, TRANSFER_OUT ->
                Optional.of(new HedgeAction(
                        row.kind() == RowKind.TRANSFER_IN ? HedgeEventType.MARGIN_IN : HedgeEventType.MARGIN_OUT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(row.cashChange().abs()),
                        Optional.empty(),
                        Optional.empty(),
                        usd,
                        at,
                        note,
                        Optional.empty()));
            default -> Optional.empty();
        };
    }

    /**
     * The leverage of a hedge created from a fill: position value (settlement asset, at the fill price) / margin,
     * 3 significant digits rounded down, at least 1 and at most the contract's maximum; 1 without margin.
     */
    static BigDecimal leverage(Instrument instrument, BigDecimal size, BigDecimal price, BigDecimal margin) {
        if (margin.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal value = PerpetualPricer.of(instrument)
                .positionValue(instrument, size, price)
                .value();
        BigDecimal leverage = value.divide(margin, new MathContext(3, RoundingMode.DOWN));
        return leverage.max(BigDecimal.ONE).min(instrument.maxLeverage());
    }

    /** USD per coin for a cash entry of a coin-settled hedge: the stored close of the day, or of the day before. */
    private Optional<BigDecimal> usd(Track track, Instant at) {
        if (track.instrument.settlementAsset().isDollar()) {
            return Optional.empty();
        }
        String coin = track.instrument.baseAsset().symbol();
        Optional<PriceSeries> series = closes.computeIfAbsent(coin, prices::series);
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return series.flatMap(s -> s.closeOn(day).or(() -> s.closeOn(day.minusDays(1))))
                .or(() -> Optional.of(track.position.entryPrice()));
    }
}
