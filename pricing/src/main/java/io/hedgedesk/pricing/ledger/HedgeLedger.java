package io.hedgedesk.pricing.ledger;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hedge ledger as a state machine: an opening, then actions (increase, reduce, close, funding, fee, margin in
 * and out, notes and corrections), each turning the position into the next one and producing the entries to append.
 * Trades are priced by {@link LedgerTrades}; signs and units are those of the package ({@code package-info}).
 *
 * <p>Rules common to every action:
 * <ul>
 *   <li>a closed hedge accepts only notes (a correction is a note naming the event it corrects), field {@code type};
 *   <li>an action's time (empty = now) is neither after now nor before the opening, field {@code occurredAt};
 *   <li>the entry's USD price of the settlement asset is the action's {@code usdPrice} if given, else 1 for a dollar
 *   settlement asset, else the trade price for a trade, else the current mark; with none of these the action is
 *   refused, field {@code usdPrice}.
 * </ul>
 */
public final class HedgeLedger {

    /** The ledger; it holds no state. */
    public static final HedgeLedger DEFAULT = new HedgeLedger();

    private HedgeLedger() {}

    /**
     * Records a position opened on the venue.
     *
     * <p>Rules: the position must be one the venue accepts (positive size and entry, leverage at most the contract's
     * and its tier's maximum: field {@code leverage}); the opening time (empty = {@code now}) must not be after
     * {@code now} (field {@code openedAt}).
     *
     * <p>Entries, both at the opening time and valued at {@code u} = the entry price (inverse: USD per coin at the fill)
     * or 1 (dollar-settled):
     * <ol>
     *   <li>OPEN: quantity = size, price = entry, fee = the opening fee {@code f}; cash change {@code −f};
     *   <li>MARGIN_IN of {@code M + f} when {@code f > 0}, else {@code M} (recorded only when positive): what was sent
     *   to the venue pays the opening fee and backs the position with the margin {@code M}.
     * </ol>
     * The account balance right after the opening is therefore {@code M + max(f, 0) − f}: exactly the margin (plus a
     * rebate, if {@code f < 0}). The position holds size, entry, leverage and margin {@code M}, realized PnL 0, OPEN.
     *
     * @param instrument the contract of {@code command.contractId()}
     * @param now        the current time, against which the opening time is checked
     */
    public LedgerStep open(Instrument instrument, OpenHedge command, Instant now) {
        Position position = LedgerTrades.priced(() ->
                new Position(instrument, command.side(), command.size(), command.entryPrice(), command.leverage()));
        Instant at = command.openedAt().orElse(now);
        if (at.isAfter(now)) {
            throw InvalidHedgeException.of("openedAt", "The opening time must not be in the future.");
        }
        LedgerPosition after = new LedgerPosition(
                command.side(),
                position.size(),
                position.entryPrice(),
                position.leverage(),
                command.margin(),
                BigDecimal.ZERO,
                HedgeStatus.OPEN,
                at,
                Optional.empty());
        BigDecimal usd = tradeUsd(instrument, command.entryPrice());
        BigDecimal fee = command.fee();
        List<LedgerEntry> entries = new ArrayList<>();
        entries.add(new Entry(HedgeEventType.OPEN, at, usd, fee.negate(), after)
                .trade(command.size(), command.entryPrice(), Optional.of(fee))
                .build());
        BigDecimal sent = fee.signum() > 0 ? command.margin().add(fee) : command.margin();
        if (sent.signum() > 0) {
            entries.add(new Entry(HedgeEventType.MARGIN_IN, at, usd, sent, after).build());
        }
        return new LedgerStep(after, entries);
    }

    /**
     * Applies an action to a position: the rules of the class, then those of the action's type.
     *
     * <ul>
     *   <li>INCREASE, REDUCE, CLOSE: see {@link LedgerTrades#increase} and {@link LedgerTrades#reduce}.
     *   <li>FUNDING: cash change {@code +amount} (positive = received, negative = paid), the rate kept if given.
     *   <li>FEE: cash change {@code −amount} (a negative amount is a rebate).
     *   <li>MARGIN_IN: cash change {@code +amount}; the position's margin grows by it.
     *   <li>MARGIN_OUT: at most the position's margin (field {@code amount}); cash change {@code −amount}, the margin
     *   shrinks by it.
     *   <li>NOTE: cash change 0; with {@code correctsEventId} it corrects that event (whether the event belongs to the
     *   hedge is the caller's check, it needs the stored ledger).
     * </ul>
     *
     * @param instrument the hedge's contract
     * @param now        the current time
     * @param markPrice  the current mark of the contract (USD per coin for an inverse contract), asked for only when a
     *                   cash entry of a coin-settled hedge has no {@code usdPrice}
     */
    public LedgerStep apply(
            LedgerPosition position,
            Instrument instrument,
            HedgeAction action,
            Instant now,
            Supplier<Optional<BigDecimal>> markPrice) {
        if (!position.isOpen() && action.type() != HedgeEventType.NOTE) {
            throw InvalidHedgeException.of("type", "This hedge is closed; only notes and corrections can be added.");
        }
        Instant at = action.occurredAt().orElse(now);
        if (at.isAfter(now)) {
            throw InvalidHedgeException.of("occurredAt", "The time must not be in the future.");
        }
        if (at.isBefore(position.openedAt())) {
            throw InvalidHedgeException.of("occurredAt", "The time must not be before the hedge was opened.");
        }
        Entry entry = switch (action.type()) {
            case INCREASE ->
                LedgerTrades.increase(
                        position, instrument, action, at, usd(action, instrument, action.price(), markPrice));
            case REDUCE, CLOSE ->
                LedgerTrades.reduce(
                        position, instrument, action, at, usd(action, instrument, action.price(), markPrice));
            default -> cash(position, instrument, action, at, usd(action, instrument, Optional.empty(), markPrice));
        };
        return new LedgerStep(entry.after, List.of(entry.annotated(action).build()));
    }

    /**
     * Voids one event recorded by mistake: a VOID entry referencing it, at {@code now}, cash change 0, the position
     * unchanged; from then on the voided event counts nowhere (its cash change leaves every sum).
     *
     * <p>Rules: the hedge is open (a closed hedge's account was settled by its close, field {@code type}); the event is
     * a FUNDING, FEE or NOTE (a trade or a margin move shaped the position and its account: void the whole hedge and
     * record it again, field {@code eventId}); it is not voided yet (field {@code eventId}).
     *
     * @param target        the event to void: its id, type and USD price of the settlement asset
     * @param alreadyVoided whether a VOID already references it
     * @param reason        why, free text (kept as the VOID entry's note)
     */
    public LedgerStep voidEvent(
            LedgerPosition position,
            long targetId,
            HedgeEventType target,
            BigDecimal targetUsd,
            boolean alreadyVoided,
            Instant now,
            String reason) {
        if (!position.isOpen()) {
            throw InvalidHedgeException.of("type", "This hedge is closed; its events can no longer be voided.");
        }
        if (alreadyVoided) {
            throw InvalidHedgeException.of("eventId", "This event is already voided.");
        }
        if (target != HedgeEventType.FUNDING && target != HedgeEventType.FEE && target != HedgeEventType.NOTE) {
            throw InvalidHedgeException.of(
                    "eventId",
                    "A " + target.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " shaped the position and cannot be voided alone: void the whole hedge and record it again.");
        }
        return new LedgerStep(position, List.of(voidEntry(position, now, targetUsd, Optional.of(targetId), reason)));
    }

    /**
     * Voids a whole hedge recorded by mistake: a VOID entry without a reference, at {@code now}, cash change 0; the
     * position is left CLOSED at {@code now} with its size and margin as they were, so that nothing counts it as open.
     * Every event of a voided hedge counts nowhere. Rule: only an open hedge can be voided (field {@code type}).
     */
    public LedgerStep voidHedge(LedgerPosition position, BigDecimal usd, Instant now, String reason) {
        if (!position.isOpen()) {
            throw InvalidHedgeException.of("type", "Only an open hedge can be voided.");
        }
        LedgerPosition after = new LedgerPosition(
                position.side(),
                position.size(),
                position.entryPrice(),
                position.leverage(),
                position.margin(),
                position.realizedPnl(),
                HedgeStatus.CLOSED,
                position.openedAt(),
                Optional.of(now));
        return new LedgerStep(after, List.of(voidEntry(position, now, usd, Optional.empty(), reason)));
    }

    private static LedgerEntry voidEntry(
            LedgerPosition position, Instant now, BigDecimal usd, Optional<Long> target, String reason) {
        return new LedgerEntry(
                HedgeEventType.VOID,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                usd,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Optional.empty(),
                Optional.empty(),
                position.size(),
                position.entryPrice(),
                target,
                reason == null || reason.isBlank() ? "recorded by mistake" : reason.strip());
    }

    /**
     * The margin's return at a close: what is left on the hedge's account goes back to the holder, as a MARGIN_OUT
     * appended after the CLOSE entry of {@code close}.
     *
     * <p>Balance left {@code b = B + c} (settlement asset), where {@code B} is the sum of every earlier cash change of
     * the hedge (opening fee, margin in and out, funding, fees, realized PnL) and {@code c} the close's own
     * ({@code R − fee}). When {@code b > 0} the step gains MARGIN_OUT with cash change {@code −b}, at the close's time
     * and USD price, so the account ends at 0; otherwise (the position lost its whole margin) nothing is returned and
     * the step is unchanged. Example: margin 450 AVAX sent, funding +2.3, close PnL −5 with fee 0 → B = 452.3,
     * c = −5, b = 447.3 returned.
     *
     * @param close         a step whose main entry is a CLOSE
     * @param balanceBefore {@code B}, settlement asset
     */
    public LedgerStep withMarginReturn(LedgerStep close, BigDecimal balanceBefore) {
        LedgerEntry c = close.entry();
        if (c.type() != HedgeEventType.CLOSE) {
            throw new IllegalArgumentException("the margin returns at a CLOSE, not at " + c.type());
        }
        BigDecimal left = balanceBefore.add(c.cashChange());
        if (left.signum() <= 0) {
            return close;
        }
        List<LedgerEntry> entries = new ArrayList<>(close.entries());
        entries.add(new LedgerEntry(
                HedgeEventType.MARGIN_OUT,
                c.occurredAt(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                c.settlementUsd(),
                left.negate(),
                left.negate().multiply(c.settlementUsd()),
                Optional.empty(),
                Optional.empty(),
                c.sizeAfter(),
                c.entryAfter(),
                Optional.empty(),
                "margin returned at the close"));
        return new LedgerStep(close.after(), entries);
    }

    /**
     * How much a holding changes when the margin of a hedge taken out of it comes back: {@code returned − taken},
     * coins, where {@code taken} = Σ MARGIN_IN − Σ MARGIN_OUT before the return (the coins that left the bag, opening
     * fee included). Negative when the hedge cost coins (fees, losses, funding paid), positive when it earned some.
     * Example: 450 AVAX taken, 447.3 returned → the holding changes by −2.7 AVAX.
     *
     * @param returned the balance returned at the close, coins, at least 0
     * @param taken    the net coins taken from the bag, coins
     */
    public static BigDecimal bagChange(BigDecimal returned, BigDecimal taken) {
        return returned.subtract(taken);
    }

    private static Entry cash(
            LedgerPosition position, Instrument instrument, HedgeAction action, Instant at, BigDecimal usd) {
        BigDecimal amount = action.amount().orElse(BigDecimal.ZERO);
        return switch (action.type()) {
            case FUNDING ->
                new Entry(HedgeEventType.FUNDING, at, usd, amount, position).fundingRate(action.fundingRate());
            case FEE -> new Entry(HedgeEventType.FEE, at, usd, amount.negate(), position).fee(Optional.of(amount));
            case MARGIN_IN ->
                new Entry(
                        HedgeEventType.MARGIN_IN,
                        at,
                        usd,
                        amount,
                        withMargin(position, position.margin().add(amount)));
            case MARGIN_OUT -> {
                if (amount.compareTo(position.margin()) > 0) {
                    throw InvalidHedgeException.of(
                            "amount",
                            "At most the margin on the position, "
                                    + position.margin().stripTrailingZeros().toPlainString() + " "
                                    + instrument.settlementAsset().symbol()
                                    + ".");
                }
                yield new Entry(
                        HedgeEventType.MARGIN_OUT,
                        at,
                        usd,
                        amount.negate(),
                        withMargin(position, position.margin().subtract(amount)));
            }
            case NOTE -> new Entry(HedgeEventType.NOTE, at, usd, BigDecimal.ZERO, position);
            default -> throw new IllegalStateException("unexpected " + action.type());
        };
    }

    private static LedgerPosition withMargin(LedgerPosition p, BigDecimal margin) {
        return new LedgerPosition(
                p.side(),
                p.size(),
                p.entryPrice(),
                p.leverage(),
                margin,
                p.realizedPnl(),
                p.status(),
                p.openedAt(),
                p.closedAt());
    }

    /** USD per unit of settlement asset for a trade at {@code price}: the price itself (coin), 1 (dollar). */
    static BigDecimal tradeUsd(Instrument instrument, BigDecimal price) {
        return instrument.settlementAsset().isDollar() ? BigDecimal.ONE : price;
    }

    private static BigDecimal usd(
            HedgeAction action,
            Instrument instrument,
            Optional<BigDecimal> tradePrice,
            Supplier<Optional<BigDecimal>> markPrice) {
        if (action.usdPrice().isPresent()) {
            return action.usdPrice().get();
        }
        if (tradePrice.isPresent()) {
            return tradeUsd(instrument, tradePrice.get());
        }
        if (instrument.settlementAsset().isDollar()) {
            return BigDecimal.ONE;
        }
        return markPrice
                .get()
                .orElseThrow(() -> InvalidHedgeException.of(
                        "usdPrice",
                        "No mark is known for " + instrument.baseAsset().symbol() + ": enter its USD price."));
    }

    /** An entry being put together, with the position it leaves. */
    static final class Entry {
        private final HedgeEventType type;
        private final Instant at;
        private final BigDecimal usd;
        private final BigDecimal cash;
        final LedgerPosition after;
        private Optional<BigDecimal> quantity = Optional.empty();
        private Optional<BigDecimal> price = Optional.empty();
        private Optional<BigDecimal> fee = Optional.empty();
        private Optional<BigDecimal> fundingRate = Optional.empty();
        private Optional<BigDecimal> realizedPnl = Optional.empty();
        private Optional<BigDecimal> realizedPnlUsd = Optional.empty();
        private Optional<Long> correctsEventId = Optional.empty();
        private String note = "";

        Entry(HedgeEventType type, Instant at, BigDecimal usd, BigDecimal cash, LedgerPosition after) {
            this.type = type;
            this.at = at;
            this.usd = usd;
            this.cash = cash;
            this.after = after;
        }

        Entry trade(BigDecimal quantity, BigDecimal price, Optional<BigDecimal> fee) {
            this.quantity = Optional.of(quantity);
            this.price = Optional.of(price);
            this.fee = fee;
            return this;
        }

        Entry fee(Optional<BigDecimal> fee) {
            this.fee = fee;
            return this;
        }

        Entry fundingRate(Optional<BigDecimal> rate) {
            this.fundingRate = rate;
            return this;
        }

        Entry realized(BigDecimal pnl, BigDecimal pnlUsd) {
            this.realizedPnl = Optional.of(pnl);
            this.realizedPnlUsd = Optional.of(pnlUsd);
            return this;
        }

        Entry annotated(HedgeAction action) {
            this.note = action.note();
            this.correctsEventId = action.correctsEventId();
            return this;
        }

        /** The entry; its USD cash change is {@code cash × usd}. */
        LedgerEntry build() {
            return new LedgerEntry(
                    type,
                    at,
                    quantity,
                    price,
                    fee,
                    fundingRate,
                    usd,
                    cash,
                    cash.multiply(usd),
                    realizedPnl,
                    realizedPnlUsd,
                    after.size(),
                    after.entryPrice(),
                    correctsEventId,
                    note);
        }
    }
}
