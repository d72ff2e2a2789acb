package io.hedgedesk.web.statement;

import io.hedgedesk.domain.DomainException;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.statement.StatementImportRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores rows synced from a venue's API the way a confirmed file import stores its rows ({@link ImportPlanner},
 * {@link PlanWriter}): they attach to the open hedge of their contract (or an opening fill creates one), become
 * ledger events, and rows already stored under the same key (by a file import or an earlier sync) are dropped. Rows
 * of contracts hedgedesk does not know are left out (a file import refuses them; a sync cannot stop on them forever).
 */
@ApplicationScoped
public class SyncedRows {

    /** Rows stored: fills (and liquidations), and the others (funding, transfers, fee rows). */
    public record Stored(int fills, int cash) {
        public static final Stored NONE = new Stored(0, 0);
    }

    /** Rows the ledger refuses (or another account's): nothing of the window is stored. */
    public static final class RefusedRowsException extends DomainException {
        RefusedRowsException(String message) {
            super("portfolio", message);
        }
    }

    private final PortfolioService portfolios;
    private final HedgeBookService book;
    private final ImportPlanner planner;
    private final PlanWriter writer;
    private final StatementImportRepository imports;
    private final ContractCatalog catalog;

    SyncedRows(
            PortfolioService portfolios,
            HedgeBookService book,
            ImportPlanner planner,
            PlanWriter writer,
            StatementImportRepository imports,
            ContractCatalog catalog) {
        this.portfolios = portfolios;
        this.book = book;
        this.planner = planner;
        this.writer = writer;
        this.imports = imports;
        this.catalog = catalog;
    }

    /**
     * Stores the new ones of {@code rows} into the portfolio as {@code userId}, in the caller's transaction.
     *
     * @param source names the sync in the import record and the audit, e.g. "connection Bybit main"
     * @return the rows stored
     * @throws RefusedRowsException when a row cannot be stored (nothing is)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(long userId, long portfolioId, StatementFormat format, String source, List<StatementRow> rows) {
        List<StatementRow> known = new ArrayList<>(rows.stream()
                .filter(r -> r.symbol()
                        .map(s -> catalog.find(format.exchange() + ":" + s.toUpperCase(Locale.ROOT))
                                .isPresent())
                        .orElse(true))
                .toList());
        if (known.isEmpty()) {
            return Stored.NONE;
        }
        PortfolioAccess access = portfolios.writable(userId, portfolioId, "sync exchange records");
        List<Hedge> open = book.hedges(userId, portfolioId).stream()
                .filter(h -> h.isOpen() && !h.isVoided())
                .toList();
        List<ImportPlan.Track> tracks = new ArrayList<>();
        List<ImportPlan.PlannedRow> planned = new ArrayList<>();
        ImportPlan plan = planner.plan(portfolioId, format, known, open, (track, row, handled, failed) -> {
            tracks.add(track);
            planned.add(row);
        });
        if (!plan.errors().isEmpty()) {
            throw new RefusedRowsException(String.join(
                            "; ",
                            plan.errors().subList(0, Math.min(3, plan.errors().size())))
                    + (plan.errorCount() > 3 ? " (and " + (plan.errorCount() - 3) + " more)" : ""));
        }
        if (plan.newRows() == 0) {
            return Stored.NONE;
        }
        int fills = (int) planned.stream()
                .map(ImportPlan.PlannedRow::row)
                .filter(r -> r.kind() == RowKind.TRADE || r.kind() == RowKind.LIQUIDATION)
                .count();
        UUID id = UUID.randomUUID();
        imports.startSync(id, portfolioId, userId, format.exchange(), format.title(), source, plan.totalRows());
        PlanWriter.Batch batch = writer.batch(id, userId, access);
        batch.write(new PlanPipe.Chunk(tracks, planned, plan.totalRows()));
        int written = batch.finish(source, plan);
        imports.finish(id, written, (int) plan.hedgesCreated(), Optional.empty());
        return new Stored(fills, written - fills);
    }
}
