package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.ledger.LedgerLife;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Grades a real hedge, open or closed, from its ledger and the stored daily closes: the same path and
 * {@link BacktestMeasures} as a backtest, for what was actually done.
 *
 * <p>At the close {@code X} of each day from the opening's day to the closing's (or {@code to}), with the ledger's
 * events up to that close:
 * <ul>
 *   <li>unhedged = {@code Σ coinsᵢ × Xᵢ} over the insured holdings (their quantities now; a coin moved to the venue as
 *   margin out of the bag still counts as held, per the exposure model);</li>
 *   <li>the hedge's result, settlement asset = realized PnL − fees + funding recorded + the unrealized PnL of the size
 *   and entry after the last trade ({@link PerpetualPricer#pnl} at the hedge coin's close); margin moves are
 *   transfers, not results;</li>
 *   <li>hedged = unhedged + result × (X of the hedge coin for a coin-settled contract, 1 for USDT).</li>
 * </ul>
 * Funding and fees are counted in USD at the price the ledger recorded with them; resizes are the INCREASE and REDUCE
 * events, top-ups the MARGIN_IN events after the opening. The ledger records no liquidation: none is counted.
 */
public final class HedgeGrader {

    /** The shared instance; the grader holds no state. */
    public static final HedgeGrader DEFAULT = new HedgeGrader();

    private static final MathContext MC = MathContext.DECIMAL128;

    private HedgeGrader() {}

    /**
     * The grade of a hedge.
     *
     * @param instrument the hedge's contract
     * @param side       its side (SHORT for a hedge of long holdings)
     * @param events     its ledger, any order; at least the opening
     * @param insured    coins of each insured asset
     * @param closes     daily closes of every insured asset and of the contract's coin
     * @param to         the last day to grade when the hedge is still open (e.g. the latest stored close)
     * @throws BacktestException if the ledger is empty or fewer than two common closes fall between opening and end
     */
    public BacktestResult grade(
            Instrument instrument,
            Side side,
            List<HedgeEvent> events,
            Map<String, BigDecimal> insured,
            List<PriceSeries> closes,
            LocalDate to) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        if (events.isEmpty()) {
            throw new BacktestException("hedge", "the hedge has no ledger events to grade");
        }
        if (insured.isEmpty()) {
            throw new BacktestException("hedge", "the hedge insures no holding with coins");
        }
        // a voided event (recorded by mistake) counts nowhere, the grade included
        LedgerLife life = LedgerLife.of(events, to)
                .orElseThrow(() -> new BacktestException("hedge", "the hedge has no ledger events to grade"));
        List<HedgeEvent> ledger = life.events();
        LocalDate from = life.from();
        LocalDate end = life.end();
        BacktestMarket market = BacktestMarket.of(closes, from, end.isBefore(from) ? from : end, 0, Map.of());
        String coin = instrument.baseAsset().symbol();
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        List<DailyPoint> path = new ArrayList<>();
        List<BacktestEvent> marks = new ArrayList<>();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fundingCash = BigDecimal.ZERO;
        BigDecimal fundingUsd = BigDecimal.ZERO;
        BigDecimal feesUsd = BigDecimal.ZERO;
        BigDecimal size = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ONE;
        int next = 0;
        int resizes = 0;
        int topUps = 0;
        for (int t = 0; t < market.days(); t++) {
            LocalDate date = market.windowDates().get(t);
            Instant close = BacktestMarket.closeTime(date);
            while (next < ledger.size() && ledger.get(next).occurredAt().isBefore(close)) {
                HedgeEvent e = ledger.get(next++);
                BigDecimal fee = e.fee().orElse(BigDecimal.ZERO);
                realized = realized.add(e.realizedPnl().orElse(BigDecimal.ZERO), MC)
                        .subtract(fee, MC);
                feesUsd = feesUsd.add(fee.multiply(e.settlementUsd(), MC), MC);
                if (e.type() == HedgeEventType.FUNDING) {
                    fundingCash = fundingCash.add(e.cashChange(), MC);
                    fundingUsd = fundingUsd.add(e.cashChangeUsd(), MC);
                }
                if (e.quantity().isPresent()) {
                    size = e.sizeAfter();
                    entry = e.entryAfter().signum() > 0 ? e.entryAfter() : entry;
                }
                BacktestEvent.Kind kind = switch (e.type()) {
                    case OPEN -> BacktestEvent.Kind.OPEN;
                    case INCREASE, REDUCE, CLOSE -> BacktestEvent.Kind.REBALANCE;
                    case MARGIN_IN -> BacktestEvent.Kind.TOP_UP;
                    default -> null;
                };
                resizes += e.type() == HedgeEventType.INCREASE || e.type() == HedgeEventType.REDUCE ? 1 : 0;
                topUps += e.type() == HedgeEventType.MARGIN_IN && next > 1 ? 1 : 0;
                if (kind != null) {
                    marks.add(new BacktestEvent(
                            date,
                            coin,
                            kind,
                            e.type()
                                    + e.quantity()
                                            .map(q ->
                                                    " " + q.stripTrailingZeros().toPlainString()
                                                            + e.price()
                                                                    .map(p -> " at "
                                                                            + p.stripTrailingZeros()
                                                                                    .toPlainString())
                                                                    .orElse(""))
                                            .orElse("")));
                }
            }
            BigDecimal x = market.close(coin, t);
            BigDecimal unrealized = size.signum() > 0
                    ? pricer.pnl(new Position(instrument, side, size, entry, BigDecimal.ONE), x)
                            .value()
                    : BigDecimal.ZERO;
            BigDecimal result = realized.add(fundingCash, MC).add(unrealized, MC);
            BigDecimal unhedged = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> held : insured.entrySet()) {
                unhedged = unhedged.add(held.getValue().multiply(market.close(held.getKey(), t), MC), MC);
            }
            BigDecimal settlementUsd = instrument.settlementAsset().isDollar() ? BigDecimal.ONE : x;
            path.add(new DailyPoint(
                    date,
                    unhedged.add(result.multiply(settlementUsd, MC), MC),
                    unhedged,
                    fundingUsd,
                    feesUsd,
                    instrument.isInverse()
                            ? Map.of(
                                    coin,
                                    insured.getOrDefault(coin, BigDecimal.ZERO).add(result, MC))
                            : Map.of()));
        }
        BigDecimal capital = path.get(0).unhedgedUsd();
        return new BacktestResult(
                path,
                capital,
                insured,
                marks,
                List.of(),
                OptionalDouble.empty(),
                BacktestMeasures.of(path, capital, resizes, 0, topUps));
    }

    private static LocalDate day(Instant time) {
        return time.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
