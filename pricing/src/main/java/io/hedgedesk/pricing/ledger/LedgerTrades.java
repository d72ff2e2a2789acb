package io.hedgedesk.pricing.ledger;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.PerpetualPricingException;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.perpetual.PositionClose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The trade rules of the {@link HedgeLedger}: increase, reduce and close, priced by the perpetual pricers. */
public final class LedgerTrades {

    private LedgerTrades() {}

    /**
     * INCREASE: adds {@code quantity} at {@code price} on the same side. Size {@code Q + q}; average entry by
     * {@link PerpetualPricer#averageEntry} (harmonic for inverse, size-weighted for linear); leverage and margin
     * unchanged (margin posted for the addition is recorded as MARGIN_IN). Cash change {@code −fee}.
     *
     * @throws InvalidHedgeException field {@code leverage} when the larger position's tier allows less leverage
     */
    static HedgeLedger.Entry increase(
            LedgerPosition position, Instrument instrument, HedgeAction action, Instant at, BigDecimal usd) {
        BigDecimal quantity = action.quantity().orElseThrow();
        BigDecimal price = action.price().orElseThrow();
        BigDecimal fee = action.fee().orElse(BigDecimal.ZERO);
        Position after =
                priced(() -> PerpetualPricer.of(instrument).increase(current(position, instrument), quantity, price));
        LedgerPosition next = new LedgerPosition(
                position.side(),
                after.size(),
                after.entryPrice(),
                position.leverage(),
                position.margin(),
                position.realizedPnl(),
                HedgeStatus.OPEN,
                position.openedAt(),
                Optional.empty());
        return new HedgeLedger.Entry(HedgeEventType.INCREASE, at, usd, fee.negate(), next)
                .trade(quantity, price, nonZero(fee));
    }

    /**
     * REDUCE and CLOSE: closes {@code q} (empty = the whole size {@code Q}) at the exit price {@code X}.
     *
     * <ul>
     *   <li>Rules: {@code q ≤ Q} (field {@code quantity}, "at most the position's size"); a CLOSE closes the whole
     *   size (field {@code quantity}); a REDUCE of the whole size is recorded as the CLOSE it is.
     *   <li>Realized PnL {@code R} = {@link PerpetualPricer#close}: inverse long {@code q·FV·(1/E − 1/X)}, short
     *   {@code q·FV·(1/X − 1/E)} coins; linear long {@code q·cs·(X − E)}, short {@code q·cs·(E − X)} USDT; in USD
     *   {@link PerpetualPricer#pnlUsd} at {@code X}. Fees excluded; positive = profit.
     *   <li>Cash change {@code R − fee}. Size {@code Q − q}, entry unchanged, realized PnL accumulated.
     *   <li>Margin {@link #marginAfterReduce released in proportion}; a close leaves margin 0, status CLOSED, closed at
     *   the action's time.
     * </ul>
     */
    static HedgeLedger.Entry reduce(
            LedgerPosition position, Instrument instrument, HedgeAction action, Instant at, BigDecimal usd) {
        BigDecimal price = action.price().orElseThrow();
        BigDecimal quantity = action.quantity().orElse(position.size());
        BigDecimal fee = action.fee().orElse(BigDecimal.ZERO);
        int cmp = quantity.compareTo(position.size());
        if (cmp > 0) {
            throw InvalidHedgeException.of(
                    "quantity",
                    "At most the position's size "
                            + position.size().stripTrailingZeros().toPlainString() + ".");
        }
        if (action.type() == HedgeEventType.CLOSE && cmp != 0) {
            throw InvalidHedgeException.of("quantity", "A close closes the whole size; use reduce for a part.");
        }
        PerpetualPricer pricer = PerpetualPricer.of(instrument);
        Position held = current(position, instrument);
        PositionClose closed = priced(() -> pricer.close(held, quantity, price));
        BigDecimal pnl = closed.realizedPnl().value();
        BigDecimal pnlUsd = pricer.pnlUsd(held.withSize(quantity), price).value();
        boolean whole = cmp == 0;
        BigDecimal sizeAfter = closed.remaining().map(Position::size).orElse(BigDecimal.ZERO);
        LedgerPosition next = new LedgerPosition(
                position.side(),
                sizeAfter,
                position.entryPrice(),
                position.leverage(),
                marginAfterReduce(position.margin(), position.size(), sizeAfter),
                position.realizedPnl().add(pnl),
                whole ? HedgeStatus.CLOSED : HedgeStatus.OPEN,
                position.openedAt(),
                whole ? Optional.of(at) : Optional.empty());
        return new HedgeLedger.Entry(
                        whole ? HedgeEventType.CLOSE : HedgeEventType.REDUCE, at, usd, pnl.subtract(fee), next)
                .trade(quantity, price, nonZero(fee))
                .realized(pnl, pnlUsd);
    }

    /**
     * The isolated margin left on a position reduced from {@code sizeBefore} to {@code sizeAfter}:
     * {@code M' = M × Q'/Q} (settlement asset; 0 when the whole size is closed). The released part {@code M − M'} goes
     * to the available balance: it stays in the account (no cash change) but no longer backs the position.
     *
     * <p>The venue's rule: the initial margin of an isolated position is its value at entry / leverage, so it falls in
     * proportion to the size closed at an unchanged entry; margin added on top of it "will be reduced proportionally"
     * on a partial close, and the liquidation price stays where it was (Bybit Help Center, "Adjust Margin on position
     * (USDT Contract)", scenario 3,
     * https://help.bybit.com/hc/en-us/articles/900000294083-Adjust-Margin-on-position-USDT-Contract-). Both parts
     * scale by {@code Q'/Q}, hence their sum.
     *
     * @param margin     {@code M}, the margin on the position before, settlement asset, at least 0
     * @param sizeBefore {@code Q}, positive
     * @param sizeAfter  {@code Q'}, between 0 and {@code Q}
     */
    public static BigDecimal marginAfterReduce(BigDecimal margin, BigDecimal sizeBefore, BigDecimal sizeAfter) {
        if (sizeBefore.signum() <= 0 || sizeAfter.signum() < 0 || sizeAfter.compareTo(sizeBefore) > 0) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= after <= before, before > 0; were "
                    + sizeBefore.toPlainString() + " and " + sizeAfter.toPlainString());
        }
        if (sizeAfter.compareTo(sizeBefore) == 0) {
            return margin;
        }
        return margin.multiply(sizeAfter).divide(sizeBefore, PerpetualPricer.MATH);
    }

    private static Position current(LedgerPosition p, Instrument instrument) {
        return priced(() -> new Position(instrument, p.side(), p.size(), p.entryPrice(), p.leverage()));
    }

    private static Optional<BigDecimal> nonZero(BigDecimal fee) {
        return fee.signum() == 0 ? Optional.empty() : Optional.of(fee);
    }

    /** Runs a pricer, turning its refusal into an {@link InvalidHedgeException} of the field it concerns. */
    static <T> T priced(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (PerpetualPricingException e) {
            String message = e.getMessage();
            String field =
                    message.startsWith("leverage") ? "leverage" : message.contains("size") ? "quantity" : "price";
            throw InvalidHedgeException.of(field, message);
        }
    }
}
