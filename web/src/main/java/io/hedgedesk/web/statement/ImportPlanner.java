package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementReader;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.statement.RowStage;
import io.hedgedesk.persistence.statement.StatementRows;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.web.statement.ImportPlan.Sample;
import io.hedgedesk.web.view.Times;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Reader;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what importing a file into a portfolio does ({@link ImportPlan}), handing each row to a sink as it is
 * planned (the import writes them; the preview only counts), reading the file as a stream ({@link PlanRun}).
 *
 * <p><b>Which hedge a row attaches to.</b> With a hedge chosen in the preview: every row of its contract, and every
 * row without a contract (transfers, account-statement rows) in its settlement asset. Otherwise, in time order: a row
 * naming a contract attaches to the open hedge of that contract in the portfolio (the oldest, if several); when there
 * is none, an opening fill creates one (side from the fill: SELL → short; margin: the transfers into the account
 * in the settlement asset before it, less the opening fee; leverage: position value / margin, between 1 and the
 * contract's maximum, 1 without margin; margin source {@code EXTRA_COIN} for a coin-margined contract, {@code
 * STABLECOIN} for a linear one, since the exchange's balance is not known to come out of the holdings). A row without
 * a contract attaches to the one open hedge of the exchange settling in its asset. A row before the opening of its
 * hedge, or with no hedge, is not stored (a later import attaches it).
 *
 * <p><b>What a row becomes.</b> A fill: INCREASE when it adds to the hedge's side, else REDUCE, or CLOSE when it
 * closes the whole size (fee = the row's fee); funding: FUNDING of the amount received (negative = paid); a fee row:
 * FEE; a transfer in or out: MARGIN_IN or MARGIN_OUT of its amount. Realized-PnL rows and Closed P&amp;L summaries are
 * stored for reconciliation only (the ledger computes realized PnL from the fills). Every step goes through
 * {@link HedgeLedger} as a typed-in action would; a step it refuses stops the import, naming the line. A close returns
 * the margin left as {@link HedgeLedger#withMarginReturn} says. Cash entries of a coin-settled hedge are valued at the
 * coin's stored daily close of that day (else the day before, else the position's entry).
 *
 * <p><b>Account.</b> The first account (Bybit UID, Binance user id) imported into a portfolio for an exchange is the
 * portfolio's account there; a row naming another (or, on a first import, a row naming another account than the
 * file's first) stops the import. Files without an account column cannot be checked.
 */
@ApplicationScoped
class ImportPlanner {

    final ContractCatalog catalog;

    /** Rows of the file shown with how they were read. */
    static final int SAMPLE_ROWS = 100;
    /** Problems listed on the page (all are counted). */
    static final int SHOWN_ERRORS = 50;

    final StatementRows stored;
    final RowStage stage;
    private final HedgeRepository hedges;
    private final PriceHistoryRepository prices;
    private final Clock clock;

    ImportPlanner(
            HedgeRepository hedges,
            StatementRows stored,
            RowStage stage,
            PriceHistoryRepository prices,
            Clock clock,
            ContractCatalog catalog) {
        this.catalog = catalog;
        this.hedges = hedges;
        this.stored = stored;
        this.stage = stage;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * Reads {@code file} and plans its import into the portfolio's hedges, handing each row to {@code sink} as it is
     * planned.
     *
     * @param openHedges the portfolio's hedges (as loaded through the user's access)
     * @param chosen     the hedge every row of its contract attaches to, empty = automatic
     * @param staged     false: the rows are taken in file order ({@link PlanRun.OutOfOrder} when they are not in time
     *                   order); true: sorted by PostgreSQL, inside the caller's transaction
     */
    ImportPlan plan(
            long portfolioId,
            Reader file,
            List<Hedge> openHedges,
            Optional<Hedge> chosen,
            boolean staged,
            ImportPlan.Sink sink) {
        PlanRun run = new PlanRun(this, portfolioId, openHedges, chosen, staged, sink);
        StatementFormat format;
        try {
            format = StatementReader.DEFAULT.read(file, run::recognised, run::row, run::problem);
        } catch (io.hedgedesk.marketdata.statement.UnknownStatementException e) {
            throw e;
        } catch (PlanRun.Failed e) {
            throw (RuntimeException) e.getCause();
        } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv: a quote left open, a header line longer than the reader looks ahead, duplicate column names
            throw new StatementImportService.UnusableStatementException(
                    "This file could not be read as CSV: " + unreadable(e) + ".");
        }
        return run.plan(format);
    }

    /**
     * Plans the import of rows read from a venue's API (no file), handing each to {@code sink}: the same matching, keys
     * and ledger steps as a file's. A sync window's rows are few; they are put in time order here.
     */
    ImportPlan plan(
            long portfolioId,
            StatementFormat format,
            List<StatementRow> rows,
            List<Hedge> openHedges,
            ImportPlan.Sink sink) {
        PlanRun run = new PlanRun(this, portfolioId, openHedges, Optional.empty(), false, sink);
        run.recognised(format);
        rows.stream()
                .sorted(Comparator.comparing(StatementRow::time).thenComparingInt(StatementRow::line))
                .forEach(run::row);
        return run.plan(format);
    }

    ImportSimulation simulation(
            long portfolioId,
            String exchange,
            List<Hedge> openHedges,
            Optional<Hedge> chosen,
            ImportProblems problems,
            Map<Integer, String> fates,
            ImportPlan.Sink sink) {
        return new ImportSimulation(
                hedges, prices, catalog, clock, portfolioId, exchange, openHedges, chosen, problems, fates, sink);
    }

    /** Why commons-csv could not read a file, in words (its own message, never an exception's name). */
    private static String unreadable(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        if (message.contains("Mark invalid")) {
            return "its first line is longer than 64 KB";
        }
        message = message.replaceAll("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+(Exception|Error)(: )?", "")
                .strip();
        message = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        return message.isEmpty() ? "a quoted cell is never closed or the header is malformed" : message;
    }

    String known(String exchange) {
        return String.join(
                ", ",
                catalog.all().stream()
                        .filter(i -> i.venue().equals(exchange))
                        .map(Instrument::symbol)
                        .toList());
    }

    static Sample sample(StatementRow r, String fate) {
        String amount = switch (r.kind()) {
            case FUNDING -> r.funding().toPlainString() + " " + r.asset() + " funding (+ received)";
            case FEE -> r.fee().toPlainString() + " " + r.asset() + " fee (+ paid)";
            case REALIZED_PNL, CLOSED_POSITION -> r.realizedPnl().toPlainString() + " " + r.asset() + " realized";
            default -> r.cashChange().toPlainString() + " " + r.asset();
        };
        String fill = r.quantity()
                .map(q -> r.side().orElse("") + " " + q.toPlainString()
                        + r.price().map(p -> " @ " + p.toPlainString()).orElse("")
                        + (r.fee().signum() != 0 ? ", fee " + r.fee().toPlainString() : ""))
                .orElse("");
        return new Sample(
                r.line(),
                Times.utc(r.time()),
                r.kind().name(),
                r.symbol().orElse("—"),
                amount,
                fill.strip(),
                r.howRead(),
                fate);
    }
}
