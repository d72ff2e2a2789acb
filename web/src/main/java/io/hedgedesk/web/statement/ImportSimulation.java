package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.pricing.ledger.LedgerStep;
import io.hedgedesk.web.statement.ImportPlan.PlannedRow;
import io.hedgedesk.web.statement.ImportPlan.Track;
import io.hedgedesk.web.view.Times;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows in time order through the ledger, hedge by hedge, each handed to the {@link ImportPlan.Sink} as it is
 * planned.
 */
final class ImportSimulation {
    final long portfolioId;
    final String exchange;
    final Optional<Hedge> chosen;
    final ImportProblems problems;
    final Map<Integer, String> fates;
    final List<Track> tracks = new ArrayList<>();
    final Map<String, Track> openByContract = new HashMap<>();
    final List<StatementRow> pendingTransfers = new ArrayList<>();
    final Instant now;
    int attached;
    int unmatched;
    /** Rows of the file dealt with so far: the planner counts those it skips, this those it is given. */
    int handled;

    private final RowActions actions;
    private final ContractCatalog catalog;
    private final ImportPlan.Sink sink;

    ImportSimulation(
            HedgeRepository hedges,
            PriceHistoryRepository prices,
            ContractCatalog catalog,
            Clock clock,
            long portfolioId,
            String exchange,
            List<Hedge> portfolioHedges,
            Optional<Hedge> chosen,
            ImportProblems problems,
            Map<Integer, String> fates,
            ImportPlan.Sink sink) {
        this.actions = new RowActions(prices);
        this.catalog = catalog;
        this.sink = sink;
        this.now = clock.instant();
        this.portfolioId = portfolioId;
        this.exchange = exchange;
        this.chosen = chosen;
        this.problems = problems;
        this.fates = fates;
        List<Hedge> candidates = chosen.map(List::of)
                .orElse(portfolioHedges.stream()
                        .filter(h -> h.isOpen() && !h.isVoided())
                        .sorted(Comparator.comparing(Hedge::openedAt))
                        .toList());
        Map<Long, HedgeRepository.LedgerSums> sums =
                hedges.ledgerSums(candidates.stream().map(Hedge::id).toList());
        for (Hedge h : candidates) {
            HedgeRepository.LedgerSums s = sums.get(h.id());
            Track track = new Track(
                    Optional.of(h),
                    Optional.empty(),
                    catalog.find(h.contractId()).orElseThrow(),
                    LedgerPosition.of(h),
                    s == null ? BigDecimal.ZERO : s.cash(),
                    s == null ? BigDecimal.ZERO : s.margin());
            openByContract.putIfAbsent(h.contractId(), track);
        }
    }

    void add(StatementRow row) {
        handled++;
        Optional<String> contract = row.symbol().map(s -> exchange + ":" + s.toUpperCase(java.util.Locale.ROOT));
        Track track = contract.isPresent() ? openByContract.get(contract.get()) : bySettlement(row.asset());
        if (track == null && contract.isPresent() && chosen.isEmpty() && isOpeningFill(row)) {
            if (open(row, catalog.find(contract.get()).orElseThrow()) != null) {
                attached++;
            }
            return;
        }
        add(row, track, contract);
    }

    private void add(StatementRow row, Track track, Optional<String> contract) {
        if (track == null) {
            if (contract.isEmpty() && row.kind() == RowKind.TRANSFER_IN && chosen.isEmpty()) {
                pendingTransfers.add(row);
                return;
            }
            noHedge(
                    row,
                    contract.map(c -> "no open hedge on " + c
                                    + (chosen.isPresent()
                                            ? " (the chosen hedge is on "
                                                    + chosen.get().contractId() + ")"
                                            : "")
                                    + " in this portfolio")
                            .orElse("no single open hedge on " + exchange + " settling in " + row.asset()));
            return;
        }
        if (row.time().isBefore(track.position.openedAt())) {
            noHedge(row, "before " + track.name() + " was opened (" + Times.utc(track.position.openedAt()) + ")");
            return;
        }
        if (!track.position.isOpen()) {
            noHedge(row, track.name() + " is closed by then");
            return;
        }
        Optional<HedgeAction> action;
        try {
            action = actions.action(track, row);
            Optional<LedgerStep> step = action.map(a -> step(track, a));
            emit(track, new PlannedRow(row, step));
            attached++;
            fates.put(
                    row.line(),
                    "new → " + track.name()
                            + step.map(s -> " as "
                                            + s.entries().stream()
                                                    .map(e -> e.type().name())
                                                    .reduce((a, b) -> a + " + " + b)
                                                    .orElse(""))
                                    .orElse(" (for reconciliation)"));
            if (!tracks.contains(track)) {
                tracks.add(track);
            }
            if (!track.position.isOpen()) {
                openByContract.values().remove(track);
            }
        } catch (InvalidHedgeException e) {
            problems.ledger(
                    row.line(),
                    track.name() + " refuses it: "
                            + String.join("; ", e.errors().values()));
        }
    }

    private void emit(Track track, PlannedRow row) {
        track.rows++;
        sink.accept(track, row, handled, problems.count() > 0);
    }

    private void noHedge(StatementRow row, String why) {
        unmatched++;
        fates.put(row.line(), "matches no hedge: " + why + "; not imported");
    }

    void finish() {
        for (StatementRow row : pendingTransfers) {
            noHedge(row, "no open hedge on " + exchange + " settling in " + row.asset());
        }
        pendingTransfers.clear();
    }

    private Track bySettlement(String asset) {
        List<Track> matching = openByContract.values().stream()
                .filter(t -> t.instrument.venue().equals(exchange)
                        && t.instrument.settlementAsset().symbol().equals(asset))
                .distinct()
                .toList();
        if (chosen.isPresent() && matching.isEmpty()) {
            return null;
        }
        return matching.size() == 1 ? matching.get(0) : null;
    }

    private static boolean isOpeningFill(StatementRow row) {
        return row.kind() == RowKind.TRADE
                && row.side().isPresent()
                && row.quantity().isPresent()
                && row.price().isPresent()
                && row.opening().orElse(true);
    }

    /** A hedge created from an opening fill, with the earlier transfers in its settlement asset as its margin. */
    private Track open(StatementRow fill, Instrument instrument) {
        String asset = instrument.settlementAsset().symbol();
        List<StatementRow> folded =
                pendingTransfers.stream().filter(t -> t.asset().equals(asset)).toList();
        pendingTransfers.removeAll(folded);
        BigDecimal deposited = folded.stream().map(t -> t.cashChange().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fee = fill.fee();
        BigDecimal margin = fee.signum() > 0 ? deposited.subtract(fee).max(BigDecimal.ZERO) : deposited;
        Side side = "SELL".equals(fill.side().get()) ? Side.SHORT : Side.LONG;
        BigDecimal size = fill.quantity().get();
        BigDecimal price = fill.price().get();
        try {
            OpenHedge command = new OpenHedge(
                    portfolioId,
                    instrument.id(),
                    side,
                    size,
                    price,
                    RowActions.leverage(instrument, size, price, margin),
                    margin,
                    instrument.isInverse() ? "EXTRA_COIN" : "STABLECOIN",
                    List.of(),
                    BigDecimal.ONE,
                    "",
                    fee,
                    Optional.of(fill.time()));
            LedgerStep opened = HedgeLedger.DEFAULT.open(instrument, command, now);
            Track track = new Track(
                    Optional.empty(),
                    Optional.of(command),
                    instrument,
                    opened.after(),
                    opened.entries().stream().map(LedgerEntry::cashChange).reduce(BigDecimal.ZERO, BigDecimal::add),
                    opened.entries().stream()
                            .filter(e -> e.type() == HedgeEventType.MARGIN_IN)
                            .map(LedgerEntry::cashChange)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
            emit(track, new PlannedRow(fill, Optional.empty()));
            fates.put(
                    fill.line(),
                    "new → opens " + track.name() + " (" + side + " " + size.toPlainString() + " @ "
                            + price.toPlainString() + ")");
            for (StatementRow t : folded) {
                emit(track, new PlannedRow(t, Optional.empty()));
                attached++;
                fates.put(t.line(), "new → margin of " + track.name() + " at its opening");
            }
            tracks.add(track);
            openByContract.put(instrument.id(), track);
            return track;
        } catch (InvalidHedgeException e) {
            problems.ledger(
                    fill.line(),
                    "cannot open a hedge on " + instrument.id() + ": "
                            + String.join("; ", e.errors().values()));
            return null;
        }
    }

    private LedgerStep step(Track track, HedgeAction action) {
        LedgerStep step = HedgeLedger.DEFAULT.apply(
                track.position, track.instrument, action, now, () -> Optional.of(track.position.entryPrice()));
        if (step.entry().type() == HedgeEventType.CLOSE) {
            step = HedgeLedger.DEFAULT.withMarginReturn(step, track.cash);
            if (step.entries().size() > 1) {
                track.marginReturn = Optional.of(
                        new BigDecimal[] {step.entries().get(1).cashChange().negate(), track.marginMoved});
            }
        }
        for (LedgerEntry e : step.entries()) {
            track.cash = track.cash.add(e.cashChange());
            if (e.type() == HedgeEventType.MARGIN_IN || e.type() == HedgeEventType.MARGIN_OUT) {
                track.marginMoved = track.marginMoved.add(e.cashChange());
            }
        }
        track.position = step.after();
        return step;
    }
}
