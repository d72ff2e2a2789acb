package io.hedgedesk.web.hedge;

import io.hedgedesk.web.hedge.book.LedgerRow;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the tax-tool presets ({@code koinly}, {@code cointracker}, {@code rotki}; described at
 * {@link LedgerCsv}): one row per cash movement of a ledger row, each tool's columns and type labels.
 */
final class LedgerPresets {

    private static final DateTimeFormatter KOINLY_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter COINTRACKER_DATE =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LedgerPresets() {}

    /** The preset's records of one ledger row, in the order of {@link #movements}. */
    static List<List<Object>> records(LedgerCsv.Format format, LedgerRow r) {
        return movements(r).stream().map(m -> preset(format, r, m)).toList();
    }

    /** What a preset row is: its kind decides each tool's type label. */
    enum Kind {
        PNL_GAIN,
        PNL_LOSS,
        FUNDING_RECEIVED,
        FUNDING_PAID,
        FEE,
        REBATE,
        TRANSFER_IN,
        TRANSFER_OUT
    }

    /** A cash movement a tax tool understands: signed amount (settlement asset) and its kind. */
    record Movement(BigDecimal amount, Kind kind) {}

    /**
     * The movements of a ledger row, one preset row each: a close's realized PnL and its trading fee are two rows
     * (Koinly takes no fee on a deposit), funding received and paid are told apart, margin moved in or out is a
     * transfer between the holder's own accounts.
     */
    static List<Movement> movements(LedgerRow r) {
        List<Movement> out = new ArrayList<>();
        switch (r.eventType()) {
            case "REDUCE", "CLOSE" -> {
                BigDecimal pnl = r.realizedPnl().orElse(BigDecimal.ZERO);
                if (pnl.signum() != 0) {
                    out.add(new Movement(pnl, pnl.signum() > 0 ? Kind.PNL_GAIN : Kind.PNL_LOSS));
                }
            }
            case "FUNDING" -> {
                if (r.cashChange().signum() != 0) {
                    out.add(new Movement(
                            r.cashChange(), r.cashChange().signum() > 0 ? Kind.FUNDING_RECEIVED : Kind.FUNDING_PAID));
                }
            }
            case "MARGIN_IN", "MARGIN_OUT" ->
                out.add(new Movement(
                        r.cashChange(), r.cashChange().signum() >= 0 ? Kind.TRANSFER_IN : Kind.TRANSFER_OUT));
            default -> {}
        }
        r.fee()
                .filter(f -> f.signum() != 0)
                .ifPresent(f -> out.add(new Movement(f.negate(), f.signum() > 0 ? Kind.FEE : Kind.REBATE)));
        return out;
    }

    /** A coin amount for the presets: at most 8 decimals, no trailing zeros, never exponent form. */
    static BigDecimal coin(BigDecimal amount) {
        return Display.coinsTrimmed(amount);
    }

    /** A USD amount: 2 decimals. */
    static BigDecimal usd(BigDecimal amount) {
        return Display.cents(amount);
    }

    private static List<Object> preset(LedgerCsv.Format format, LedgerRow r, Movement m) {
        String asset = r.cashAsset();
        BigDecimal amount = coin(m.amount().abs());
        boolean in = m.amount().signum() >= 0;
        String description = words(m.kind()) + ": " + r.eventType() + " " + r.instrument() + " hedge #" + r.hedgeId()
                + " (" + r.portfolio() + ")";
        List<Object> c = new ArrayList<>();
        switch (format) {
            case KOINLY -> {
                c.add(KOINLY_DATE.format(r.occurredAt()));
                c.add(in ? null : amount);
                c.add(in ? null : asset);
                c.add(in ? amount : null);
                c.add(in ? asset : null);
                c.add(null);
                c.add(null);
                c.add(usd(m.amount().abs().multiply(r.settlementUsd())));
                c.add("USD");
                c.add(
                        switch (m.kind()) {
                            case PNL_GAIN, PNL_LOSS -> "realized gain";
                            case FUNDING_RECEIVED, FUNDING_PAID -> "funding fee";
                            case FEE, REBATE -> "futures fee";
                            case TRANSFER_IN, TRANSFER_OUT -> null;
                        });
                c.add(description);
                // a transfer leg without a hash, so that Koinly can match it with the other wallet's leg
                c.add(
                        m.kind() == Kind.TRANSFER_IN || m.kind() == Kind.TRANSFER_OUT
                                ? null
                                : "hedgedesk-" + r.eventId()
                                        + (m.kind() == Kind.FEE || m.kind() == Kind.REBATE ? "-fee" : ""));
            }
            case COINTRACKER -> {
                c.add(COINTRACKER_DATE.format(r.occurredAt()));
                c.add(in ? amount : null);
                c.add(in ? asset : null);
                c.add(in ? null : amount);
                c.add(in ? null : asset);
                c.add(null);
                c.add(null);
                c.add(
                        switch (m.kind()) {
                            case PNL_GAIN -> "margin gain";
                            case PNL_LOSS -> "margin loss";
                            case FUNDING_PAID, FEE -> "margin fee";
                            case FUNDING_RECEIVED, REBATE -> "margin rebate";
                            case TRANSFER_IN, TRANSFER_OUT -> null;
                        });
            }
            case ROTKI -> {
                c.add(
                        switch (m.kind()) {
                            case PNL_GAIN, FUNDING_RECEIVED, REBATE -> "Income";
                            case PNL_LOSS, FUNDING_PAID -> "Loss";
                            case FEE -> "Spend";
                            case TRANSFER_IN -> "Deposit";
                            case TRANSFER_OUT -> "Withdrawal";
                        });
                c.add(r.venue().toLowerCase(Locale.ROOT));
                c.add(asset);
                c.add(amount);
                c.add(BigDecimal.ZERO);
                c.add(asset);
                c.add(description);
                c.add(r.occurredAt().toEpochMilli());
            }
            default -> throw new IllegalStateException("not a preset: " + format);
        }
        return c;
    }

    /** The kind of a row in words, heading its description. */
    static String words(Kind kind) {
        return switch (kind) {
            case PNL_GAIN -> "realized profit";
            case PNL_LOSS -> "realized loss";
            case FUNDING_RECEIVED -> "funding received";
            case FUNDING_PAID -> "funding paid";
            case FEE -> "trading fee";
            case REBATE -> "fee rebate";
            case TRANSFER_IN -> "transfer between own accounts: margin to the exchange";
            case TRANSFER_OUT -> "transfer between own accounts: margin back from the exchange";
        };
    }
}
