package io.hedgedesk.pricing.timeline;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.ledger.LedgerLife;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hedge day by day, from its ledger and the stored daily closes and funding rates: PnL, funding expected and
 * recorded, and coverage of the insured coins.
 *
 * <p>At the close {@code X(t)} of the hedge coin on each day {@code t} from the opening's day to the closing's (or
 * {@code to}), with the ledger's events of that day and before (voided ones and VOID rows left out):
 * <ul>
 *   <li><b>PnL</b>, settlement asset = realized PnL so far + the unrealized PnL of the size and entry after the last
 *   trade at {@code X(t)} ({@link PerpetualPricer#pnl}) − fees so far; in USD × {@code X(t)} for a coin-settled
 *   contract, × 1 for USDT. Funding is not in it: it has its own line.</li>
 *   <li><b>funding recorded</b> = Σ cash of the FUNDING events so far (positive = received);</li>
 *   <li><b>funding expected</b> = Σ over the stored settlements from the opening to the end of the day of
 *   {@code side(rate) × position value}, the value of the size held at that settlement at the previous day's close
 *   (the same day's when missing), as on the hedge page ({@link FundingProjector#accrueCash}); empty from the first
 *   day the stored rates no longer reach;</li>
 *   <li><b>coverage</b> = {@code D(t) / E(t)}: the hedge's delta in coins ({@link HedgeSizer#deltaCoins}, at
 *   {@code X(t)} for spot and mark) over {@code E(t) = insured coins + coins at the venue beyond them} — for an
 *   inverse contract the account's cash so far ({@code Σ cash}) less, with margin out of the bag, the net margin moved
 *   in; for a linear one its coin collateral unless it came from the holdings. This hedge alone, with the insured
 *   holdings' quantities now; empty for a proxy hedge (no insured coins of its coin given).</li>
 * </ul>
 */
public final class HedgeTimeline {

    /** The shared instance; it holds no state. */
    public static final HedgeTimeline DEFAULT = new HedgeTimeline();

    private static final MathContext MC = MathContext.DECIMAL128;

    private HedgeTimeline() {}

    /**
     * What the coverage line needs beyond the ledger.
     *
     * @param insuredCoins       coins of the insured holdings of the hedge's coin, now; 0 for a proxy hedge (no line)
     * @param marginFromHoldings whether the margin (inverse) or coin collateral (linear) came out of the holdings
     * @param collateralCoins    a linear hedge's coin collateral (0 for inverse contracts)
     */
    public record Insured(BigDecimal insuredCoins, boolean marginFromHoldings, BigDecimal collateralCoins) {

        public Insured {
            Objects.requireNonNull(insuredCoins, "insuredCoins");
            Objects.requireNonNull(collateralCoins, "collateralCoins");
        }
    }

    /**
     * One day, unrounded.
     *
     * @param close           the hedge coin's close
     * @param pnl             realized + unrealized − fees, settlement asset
     * @param pnlUsd          the same in USD at the close
     * @param fundingRecorded Σ recorded funding, settlement asset
     * @param fundingExpected Σ expected funding from stored rates, settlement asset, if the rates reach this day
     * @param coverage        {@code D / E}, if computable
     */
    public record Day(
            LocalDate date,
            BigDecimal close,
            BigDecimal pnl,
            BigDecimal pnlUsd,
            BigDecimal fundingRecorded,
            Optional<BigDecimal> fundingExpected,
            Optional<BigDecimal> coverage) {}

    /**
     * The hedge's days.
     *
     * @param events  its ledger, any order
     * @param closes  the stored daily closes of its coin
     * @param funding the stored funding rates of its contract, if any
     * @param to      the last day for a hedge still open (e.g. the newest stored close)
     */
    public List<Day> days(
            Instrument instrument,
            Side side,
            BigDecimal leverage,
            List<HedgeEvent> events,
            PriceSeries closes,
            Optional<FundingRateSeries> funding,
            Insured insured,
            LocalDate to) {
        Optional<LedgerLife> life = LedgerLife.of(events, to);
        if (life.isEmpty()) {
            return List.of();
        }
        List<HedgeEvent> ledger = life.get().events();
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        LocalDate from = life.get().from();
        LocalDate end = life.get().end();
        boolean coinSettled = !instrument.settlementAsset().isDollar();
        List<Day> days = new ArrayList<>();
        Optional<BigDecimal> expected = funding.filter(f -> f.size() >= 2).map(f -> BigDecimal.ZERO);
        Instant accruedTo = ledger.get(0).occurredAt();
        for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
            Instant dayEnd = d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Optional<BigDecimal> close = closes.closeOn(d);
            if (expected.isPresent()) {
                expected = accrue(expected.get(), instrument, side, ledger, closes, funding.get(), accruedTo, dayEnd);
                accruedTo = dayEnd;
            }
            if (close.isEmpty()) {
                continue;
            }
            BigDecimal x = close.get();
            BigDecimal realized = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal recorded = BigDecimal.ZERO;
            BigDecimal cash = BigDecimal.ZERO;
            BigDecimal marginMoved = BigDecimal.ZERO;
            BigDecimal size = BigDecimal.ZERO;
            BigDecimal entry = BigDecimal.ZERO;
            for (HedgeEvent e : ledger) {
                if (!e.occurredAt().isBefore(dayEnd)) {
                    break;
                }
                realized = realized.add(e.realizedPnl().orElse(BigDecimal.ZERO));
                fees = fees.add(e.fee().orElse(BigDecimal.ZERO));
                cash = cash.add(e.cashChange());
                if (e.type() == HedgeEventType.FUNDING) {
                    recorded = recorded.add(e.cashChange());
                }
                if (e.type() == HedgeEventType.MARGIN_IN || e.type() == HedgeEventType.MARGIN_OUT) {
                    marginMoved = marginMoved.add(e.cashChange());
                }
                if (e.type().isTrade()) {
                    size = e.sizeAfter();
                    entry = e.entryAfter();
                }
            }
            BigDecimal unrealized = size.signum() > 0
                    ? pricer.pnl(new Position(instrument, side, size, entry, leverage), x)
                            .value()
                    : BigDecimal.ZERO;
            BigDecimal pnl = realized.add(unrealized).subtract(fees);
            Optional<BigDecimal> coverage = Optional.empty();
            if (insured.insuredCoins().signum() > 0 && size.signum() > 0) {
                BigDecimal beyond = instrument.isInverse()
                        ? cash.subtract(insured.marginFromHoldings() ? marginMoved : BigDecimal.ZERO)
                        : insured.marginFromHoldings() ? BigDecimal.ZERO : insured.collateralCoins();
                BigDecimal exposure = insured.insuredCoins().add(beyond);
                if (exposure.signum() > 0) {
                    BigDecimal delta = HedgeSizer.deltaCoins(instrument, size, entry, x, x);
                    coverage = Optional.of((side == Side.SHORT ? delta : delta.negate()).divide(exposure, MC));
                }
            }
            days.add(new Day(d, x, pnl, coinSettled ? pnl.multiply(x, MC) : pnl, recorded, expected, coverage));
        }
        return days;
    }

    /**
     * {@code sum} plus the funding expected over {@code [from, to)}, for each stretch between trades the size held then;
     * empty when the stored rates do not reach {@code to}.
     */
    private static Optional<BigDecimal> accrue(
            BigDecimal sum,
            Instrument instrument,
            Side side,
            List<HedgeEvent> ledger,
            PriceSeries closes,
            FundingRateSeries series,
            Instant from,
            Instant to) {
        Instant knownFrom = series.first().time();
        Instant knownTo = series.last()
                .time()
                .plus(series.intervalEndingAt(series.size() - 1).orElse(Duration.ZERO));
        if (to.isAfter(knownTo)) {
            return Optional.empty();
        }
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        Side holder = side;
        List<HedgeEvent> trades =
                ledger.stream().filter(e -> e.type().isTrade()).toList();
        BigDecimal total = sum;
        for (int i = 0; i < trades.size(); i++) {
            HedgeEvent trade = trades.get(i);
            Instant start = latest(latest(trade.occurredAt(), from), knownFrom);
            Instant stop =
                    i + 1 < trades.size() && trades.get(i + 1).occurredAt().isBefore(to)
                            ? trades.get(i + 1).occurredAt()
                            : to;
            if (!start.isBefore(stop) || trade.sizeAfter().signum() == 0) {
                continue;
            }
            BigDecimal size = trade.sizeAfter();
            total = total.add(FundingProjector.DEFAULT.accrueCash(series, start, stop, holder, t -> {
                LocalDate day = day(t);
                BigDecimal price = closes.closeOn(day.minusDays(1))
                        .or(() -> closes.closeOn(day))
                        .or(() -> closes.latestOnOrBefore(day).map(p -> p.close()))
                        .orElse(trade.entryAfter());
                return pricer.positionValue(instrument, size, price).value();
            }));
        }
        return Optional.of(total);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate day(Instant t) {
        return LedgerLife.day(t);
    }
}
