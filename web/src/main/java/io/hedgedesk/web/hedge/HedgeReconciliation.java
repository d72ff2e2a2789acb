package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.statement.ImportedRow;
import io.hedgedesk.persistence.statement.StatementRows;
import io.hedgedesk.pricing.perpetual.Position;
import io.hedgedesk.pricing.reconcile.CloseCheck;
import io.hedgedesk.pricing.reconcile.FundingReconciler;
import io.hedgedesk.pricing.reconcile.PaidFunding;
import io.hedgedesk.pricing.reconcile.SettlementCheck;
import io.hedgedesk.pricing.reconcile.SizeChange;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The hedge page's reconciliation with the exchange's own records (the rows imported from its files): funding
 * settlement by settlement ({@link FundingReconciler}: expected = the holder's sign of rate × position value at the
 * settlement, tolerance {@link #FUNDING_TOLERANCE} relative) and the realized PnL of each close beside the exchange's
 * figure ({@link CloseCheck}, tolerance one unit of the settlement asset's last displayed decimal). Used by the
 * template {@code HedgeResource/reconciliation} as {@code inject:hedgeReconciliation}.
 */
@Named("hedgeReconciliation")
@RequestScoped
public class HedgeReconciliation {

    /** Relative difference between paid and expected funding still counted as rounding (the venue values at its mark). */
    static final BigDecimal FUNDING_TOLERANCE = new BigDecimal("0.05");
    /** How far from a close a realized-PnL row of the exchange may be booked and still belong to it. */
    static final Duration CLOSE_WINDOW = Duration.ofMinutes(1);

    /** One settlement (or unexpected payment) for the page. */
    public record Settlement(
            String time, String rate, String expected, String paid, String status, String words, boolean flagged) {}

    /** One close for the page. */
    public record Close(
            String time, String fill, String computed, String reported, String difference, boolean matches) {}

    /**
     * @param shown      false when nothing of the hedge came from an exchange's file (the section then only says so)
     * @param fundingNote why no funding is reconciled, empty when it is
     */
    public record View(
            boolean shown,
            String asset,
            List<Settlement> settlements,
            String fundingNote,
            List<Close> closes,
            int flagged) {}

    private final HedgeBookService book;
    private final StatementRows rows;
    private final FundingHistoryRepository funding;
    private final PriceHistoryRepository prices;
    private final CurrentUser currentUser;
    private final Clock clock;

    public HedgeReconciliation(
            HedgeBookService book,
            StatementRows rows,
            FundingHistoryRepository funding,
            PriceHistoryRepository prices,
            CurrentUser currentUser,
            Clock clock) {
        this.book = book;
        this.rows = rows;
        this.funding = funding;
        this.prices = prices;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The reconciliation of hedge {@code hedgeId} as the current user may see it. */
    public View of(long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(currentUser.id(), hedgeId);
        Hedge hedge = access.hedge();
        Instrument instrument = access.instrument();
        String asset = instrument.settlementAsset().symbol();
        List<ImportedRow> imported = rows.ofHedge(hedgeId);
        if (imported.isEmpty()) {
            return new View(false, asset, List.of(), "", List.of(), 0);
        }
        List<HedgeEvent> events = book.events(currentUser.id(), hedgeId).stream()
                .filter(e -> !e.voided())
                .toList();
        List<Settlement> settlements = new ArrayList<>();
        String note = "";
        Optional<FundingRateSeries> rates = funding.series(instrument.id());
        List<PaidFunding> paid = imported.stream()
                .filter(r -> r.kind().equals("FUNDING"))
                .map(r -> new PaidFunding(r.rowKey(), r.occurredAt(), r.funding()))
                .toList();
        if (rates.isEmpty()) {
            note = "No stored funding rates of " + instrument.id() + ": import them on the market page to compare.";
        } else {
            List<SizeChange> sizes = events.stream()
                    .filter(e -> e.type().isTrade())
                    .map(e -> new SizeChange(e.occurredAt(), e.sizeAfter()))
                    .toList();
            Instant to = hedge.closedAt().orElse(clock.instant());
            for (SettlementCheck check : FundingReconciler.DEFAULT.reconcile(
                    instrument,
                    hedge.side(),
                    sizes,
                    rates.get(),
                    priceAt(access, instrument),
                    paid,
                    FUNDING_TOLERANCE,
                    hedge.openedAt(),
                    to)) {
                settlements.add(settlement(check, asset));
            }
        }
        List<Close> closes = new ArrayList<>();
        for (HedgeEvent e : events) {
            if (e.type() != HedgeEventType.REDUCE && e.type() != HedgeEventType.CLOSE) {
                continue;
            }
            reported(e, imported).ifPresent(figure -> {
                BigDecimal quantity = e.quantity().orElseThrow();
                BigDecimal price = e.price().orElseThrow();
                CloseCheck check = CloseCheck.of(
                        new Position(instrument, hedge.side(), quantity, e.entryAfter(), hedge.leverage()),
                        quantity,
                        price,
                        figure[0],
                        figure[1],
                        BigDecimal.ONE.movePointLeft(Asset.of(asset).scale()));
                closes.add(new Close(
                        Times.utc(e.occurredAt()),
                        Display.plain(quantity) + " @ " + Display.price(price),
                        Display.amount(check.computed(), asset),
                        Display.amount(check.reported(), asset),
                        Display.amount(check.difference(), asset),
                        check.matches()));
            });
        }
        int flagged = (int) (settlements.stream().filter(Settlement::flagged).count()
                + closes.stream().filter(c -> !c.matches()).count());
        return new View(true, asset, settlements, note, closes, flagged);
    }

    /**
     * The exchange's realized PnL of a close and the fees it is net of: the Cash Flow of the fill the close was
     * imported from (gross), else a realized-PnL row (gross) or a Closed P&amp;L summary (net of its opening and
     * closing fees) booked within {@link #CLOSE_WINDOW} of it.
     */
    private static Optional<BigDecimal[]> reported(HedgeEvent close, List<ImportedRow> imported) {
        for (ImportedRow r : imported) {
            if (r.hedgeEventId().isPresent() && r.hedgeEventId().get() == close.id()) {
                return Optional.of(new BigDecimal[] {r.realizedPnl(), BigDecimal.ZERO});
            }
        }
        for (ImportedRow r : imported) {
            boolean near =
                    Duration.between(close.occurredAt(), r.occurredAt()).abs().compareTo(CLOSE_WINDOW) <= 0;
            if (near && r.kind().equals("REALIZED_PNL")) {
                return Optional.of(new BigDecimal[] {r.realizedPnl(), BigDecimal.ZERO});
            }
            if (near && r.kind().equals("CLOSED_POSITION")) {
                return Optional.of(new BigDecimal[] {r.realizedPnl(), r.fee()});
            }
        }
        return Optional.empty();
    }

    /**
     * The price at a settlement: the stored daily close of the base asset of the day before (a day's close comes at its
     * end), that day's when the day before is missing, else the hedge's mark, else its entry.
     */
    private Function<Instant, BigDecimal> priceAt(HedgeBookService.HedgeAccess access, Instrument instrument) {
        Optional<PriceSeries> closes = prices.series(instrument.baseAsset().symbol());
        BigDecimal fallback =
                book.mark(access).map(HedgeMark::price).orElse(access.hedge().entryPrice());
        return t -> {
            LocalDate day = t.atZone(ZoneOffset.UTC).toLocalDate();
            return closes.flatMap(c -> c.closeOn(day.minusDays(1)).or(() -> c.closeOn(day)))
                    .orElse(fallback);
        };
    }

    private static Settlement settlement(SettlementCheck check, String asset) {
        String words = switch (check.status()) {
            case MATCHED -> "matched";
            case MISSING -> "missing: the exchange booked no payment for this settlement";
            case DUPLICATE -> "duplicate: the exchange booked " + check.paid().size() + " payments for this settlement";
            case SIGN_FLIP ->
                "sign flipped: "
                        + (check.expected().signum() > 0
                                ? "paid where it should have been received"
                                : "received where it should have been paid");
            case DIFFERENT -> "different: further from the expectation than 5 %";
            case UNEXPECTED -> "unexpected: no settlement of the contract at this time";
        };
        return new Settlement(
                Times.utc(check.time()),
                Display.percent(check.rate()),
                check.rate().isPresent() ? Display.amount(check.expected(), asset) : "—",
                check.paid().isEmpty() ? "—" : Display.amount(check.paidTotal(), asset),
                check.status().name(),
                words,
                check.status() != SettlementCheck.Status.MATCHED);
    }
}
