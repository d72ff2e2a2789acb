package io.hedgedesk.domain.hedge;

import io.hedgedesk.domain.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An action on an open hedge, as submitted by a confirmed form. Every action appends ledger event(s); spot
 * holdings are never changed by it.
 *
 * <ul>
 *   <li>{@code INCREASE}, {@code REDUCE}: {@code quantity} (contracts or quantity units) and {@code price} required;
 *   {@code fee} optional (settlement asset, negative = rebate).</li>
 *   <li>{@code CLOSE}: {@code price} required; {@code quantity} must be empty or the whole size.</li>
 *   <li>{@code FUNDING}: {@code amount} required, signed: positive = received, negative = paid (settlement asset);
 *   {@code fundingRate} optional (positive = longs pay shorts).</li>
 *   <li>{@code FEE}: {@code amount} paid (settlement asset), not zero; negative = rebate.</li>
 *   <li>{@code MARGIN_IN}, {@code MARGIN_OUT}: {@code amount} moved, positive.</li>
 *   <li>{@code NOTE}: {@code note} required; {@code correctsEventId} names the event it corrects, if any.</li>
 * </ul>
 *
 * @param usdPrice   USD price of one unit of the settlement asset at the time; empty = the trade price (inverse
 *                   trades), 1 (USDT), or the current mark
 * @param occurredAt when it happened; empty = now; never in the future (checked by the service against its clock)
 */
public record HedgeAction(
        HedgeEventType type,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> price,
        Optional<BigDecimal> amount,
        Optional<BigDecimal> fee,
        Optional<BigDecimal> fundingRate,
        Optional<BigDecimal> usdPrice,
        Optional<Instant> occurredAt,
        String note,
        Optional<Long> correctsEventId) {

    public static final int NOTE_MAX = 500;

    public HedgeAction {
        Objects.requireNonNull(type, "type");
        if (type == HedgeEventType.OPEN) {
            throw InvalidHedgeException.of("type", "A hedge is opened with the open form, not as an action.");
        }
        if (type == HedgeEventType.VOID) {
            throw InvalidHedgeException.of(
                    "type", "A hedge or an event is voided with its \"recorded by mistake\" button.");
        }
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(fundingRate, "fundingRate");
        Objects.requireNonNull(usdPrice, "usdPrice");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correctsEventId, "correctsEventId");
        note = note == null ? "" : note.strip();
        if (note.length() > NOTE_MAX) {
            throw InvalidHedgeException.of("note", "At most " + NOTE_MAX + " characters.");
        }
        if (Text.hasControlCharacters(note, true)) {
            throw InvalidHedgeException.of("note", "No control characters other than tabs and line breaks, please.");
        }
        switch (type) {
            case INCREASE, REDUCE -> {
                positive(quantity, "quantity");
                positive(price, "price");
            }
            case CLOSE -> {
                positive(price, "price");
                quantity.ifPresent(q -> positive(quantity, "quantity"));
            }
            case FUNDING -> {
                if (amount.isEmpty()) {
                    throw InvalidHedgeException.of(
                            "amount", "Enter the funding received (positive) or paid (negative).");
                }
                fundingRate.ifPresent(r -> {
                    if (r.abs().compareTo(BigDecimal.ONE) >= 0) {
                        throw InvalidHedgeException.of(
                                "fundingRate",
                                "A funding rate is a fraction between -1 and 1, was " + r.toPlainString() + ".");
                    }
                });
            }
            case FEE -> {
                if (amount.isEmpty() || amount.get().signum() == 0) {
                    throw InvalidHedgeException.of("amount", "Enter the fee paid (negative for a rebate), not zero.");
                }
            }
            case MARGIN_IN, MARGIN_OUT -> positive(amount, "amount");
            case NOTE -> {
                if (note.isEmpty()) {
                    throw InvalidHedgeException.of("note", "Write the note or the correction.");
                }
            }
            default -> throw new IllegalStateException("unexpected " + type);
        }
        usdPrice.ifPresent(p -> positive(usdPrice, "usdPrice"));
    }

    private static void positive(Optional<BigDecimal> value, String field) {
        if (value.isEmpty() || value.get().signum() <= 0) {
            throw InvalidHedgeException.of(
                    field,
                    "Must be greater than zero, was "
                            + value.map(BigDecimal::toPlainString).orElse("empty") + ".");
        }
    }

    /** A trade action with its quantity (empty for a full close), price and fee. */
    public static HedgeAction trade(HedgeEventType type, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        return new HedgeAction(
                type,
                Optional.ofNullable(quantity),
                Optional.of(price),
                Optional.empty(),
                Optional.ofNullable(fee),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                Optional.empty());
    }

    /** A cash action (FUNDING, FEE, MARGIN_IN, MARGIN_OUT) of {@code amount} at {@code occurredAt}. */
    public static HedgeAction cash(HedgeEventType type, BigDecimal amount, BigDecimal usdPrice, Instant occurredAt) {
        return new HedgeAction(
                type,
                Optional.empty(),
                Optional.empty(),
                Optional.of(amount),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(usdPrice),
                Optional.ofNullable(occurredAt),
                "",
                Optional.empty());
    }

    /** The same action with a funding rate. */
    public HedgeAction withFundingRate(BigDecimal rate) {
        return new HedgeAction(
                type,
                quantity,
                price,
                amount,
                fee,
                Optional.ofNullable(rate),
                usdPrice,
                occurredAt,
                note,
                correctsEventId);
    }
}
