package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.marketdata.statement.UnknownStatementException;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.statement.StatementImport;
import io.hedgedesk.persistence.statement.StatementImportRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Importing an exchange's export file into a portfolio's hedges: {@link #preview} reads the file and works out what
 * the import would do ({@link ImportPlanner}), keeping the file when it can be imported (nothing else is stored);
 * {@link #confirm} claims it once and runs it on a single worker thread, all rows in one transaction, the plan
 * worked out again at that moment and its rows written as they are planned ({@link PlanWriter}); {@link #status}
 * reports its progress. Either way the file's rows stream through: memory does not grow with its length but for the
 * file's text. Editors only.
 */
@ApplicationScoped
public class StatementImportService {

    private static final Logger LOG = Logger.getLogger(StatementImportService.class);

    /** The largest file accepted. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** A file that cannot be imported at all; the message says why, for the top of the page. */
    public static final class UnusableStatementException extends RuntimeException {
        UnusableStatementException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the preview page shows.
     *
     * @param importId   the staged import to confirm, empty when the plan has errors or nothing new
     * @param chosen     the hedge chosen for the rows, empty = automatic
     * @param openHedges the portfolio's open hedges, to choose from
     */
    public record Preview(
            long portfolioId,
            String fileName,
            Optional<UUID> importId,
            ImportPlan plan,
            Optional<Hedge> chosen,
            List<Hedge> openHedges) {}

    private final PortfolioService portfolios;
    private final HedgeBookService book;
    private final ImportPlanner planner;
    private final PlanWriter writer;
    private final StatementImportRepository imports;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> thread(r, "statement-import"));
    /** Works out the running import's plan while the worker writes it. */
    private final ExecutorService planning = Executors.newSingleThreadExecutor(r -> thread(r, "statement-plan"));

    public StatementImportService(
            PortfolioService portfolios,
            HedgeBookService book,
            ImportPlanner planner,
            PlanWriter writer,
            StatementImportRepository imports) {
        this.portfolios = portfolios;
        this.book = book;
        this.planner = planner;
        this.writer = writer;
        this.imports = imports;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        planning.shutdownNow();
    }

    private static Thread thread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Reads {@code text} and plans its import; keeps it for confirmation when it can be imported.
     *
     * @throws UnusableStatementException for a header none of the known formats has, or a chosen hedge that is not an
     *                                    open hedge of the portfolio
     */
    public Preview preview(long userId, long portfolioId, String fileName, String text, Optional<Long> hedgeId) {
        portfolios.writable(userId, portfolioId, "import exchange statements");
        List<Hedge> open = openHedges(userId, portfolioId);
        Optional<Hedge> chosen = chosen(open, hedgeId);
        ImportPlan plan = plan(portfolioId, text, open, chosen);
        Optional<UUID> id = Optional.empty();
        if (plan.canImport()) {
            id = Optional.of(UUID.randomUUID());
            imports.stage(
                    id.get(),
                    portfolioId,
                    userId,
                    plan.format().exchange(),
                    plan.format().title(),
                    fileName,
                    text,
                    hedgeId,
                    plan.totalRows());
        }
        return new Preview(portfolioId, fileName, id, plan, chosen, open);
    }

    /** The preview of a kept file again, its rows attached to {@code hedgeId} (empty = automatic). */
    public Optional<Preview> previewAgain(long userId, UUID importId, Optional<Long> hedgeId) {
        Optional<StatementImport> job = imports.find(importId, userId);
        Optional<String> text = imports.previewedContent(importId, userId);
        if (job.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        long portfolioId = job.get().portfolioId();
        portfolios.writable(userId, portfolioId, "import exchange statements");
        List<Hedge> open = openHedges(userId, portfolioId);
        Optional<Hedge> chosen = chosen(open, hedgeId);
        ImportPlan plan = plan(portfolioId, text.get(), open, chosen);
        return Optional.of(new Preview(
                portfolioId,
                job.get().fileName(),
                plan.canImport() ? Optional.of(importId) : Optional.empty(),
                plan,
                chosen,
                open));
    }

    /**
     * Starts a previewed import in the background, its rows attached to {@code hedgeId} (empty = automatic). Only the
     * first confirmation of an import starts it.
     *
     * @return the running task, or empty when the import is unknown, someone else's or already confirmed
     */
    public Optional<Future<?>> confirm(long userId, UUID importId, Optional<Long> hedgeId) {
        Optional<StatementImport> job = imports.find(importId, userId);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        portfolios.writable(userId, job.get().portfolioId(), "import exchange statements");
        Optional<String> text = imports.claim(importId, userId, hedgeId);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StatementImport claimed = imports.find(importId, userId).orElseThrow();
        return Optional.of(worker.submit(() -> run(claimed, text.get())));
    }

    /** The import {@code id} of {@code userId}, if it exists. */
    public Optional<StatementImport> status(long userId, UUID importId) {
        return imports.find(importId, userId);
    }

    private void run(StatementImport job, String text) {
        try {
            int stored;
            try {
                stored = store(job, text, false);
            } catch (PlanRun.OutOfOrder e) {
                stored = store(job, text, true);
            }
            LOG.infof("statement import %s: %d rows stored into portfolio %d", job.id(), stored, job.portfolioId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "statement import %s failed; nothing was stored", job.id());
            imports.fail(job.id(), reason(e));
        }
    }

    /**
     * Plans the import on the planning thread (in a read-only transaction of its own, where a file out of time order
     * is sorted) and writes its rows as they come, all in one transaction.
     */
    private int store(StatementImport job, String text, boolean staged) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            PortfolioAccess access = portfolios.writable(job.userId(), job.portfolioId(), "import exchange statements");
            List<Hedge> open = openHedges(job.userId(), job.portfolioId());
            Optional<Hedge> chosen = chosen(open, job.hedgeId());
            PlanPipe pipe = new PlanPipe(PlanWriter.CHUNK);
            Future<ImportPlan> planned = planning.submit(() -> {
                boolean completed = false;
                try {
                    ImportPlan plan = QuarkusTransaction.requiringNew()
                            .timeout(3600)
                            .call(() -> plan(job.portfolioId(), text, open, chosen, staged, pipe));
                    completed = true;
                    return plan;
                } finally {
                    pipe.close(completed);
                }
            });
            PlanWriter.Batch batch = writer.batch(job.id(), job.userId(), access);
            ImportPlan plan;
            try {
                for (PlanPipe.Chunk chunk = pipe.take(); chunk != null; chunk = pipe.take()) {
                    batch.write(chunk);
                }
                plan = planned.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                planned.cancel(true);
            }
            if (!plan.errors().isEmpty()) {
                throw new UnusableStatementException("the file no longer imports as previewed: "
                        + String.join(
                                "; ",
                                plan.errors()
                                        .subList(0, Math.min(3, plan.errors().size()))));
            }
            int written = batch.finish(job.fileName(), plan);
            imports.finish(job.id(), written, (int) plan.hedgesCreated(), plan.account());
            return written;
        });
    }

    private List<Hedge> openHedges(long userId, long portfolioId) {
        return book.hedges(userId, portfolioId).stream()
                .filter(h -> h.isOpen() && !h.isVoided())
                .toList();
    }

    private static Optional<Hedge> chosen(List<Hedge> open, Optional<Long> hedgeId) {
        if (hedgeId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(open.stream()
                .filter(h -> h.id() == hedgeId.get())
                .findFirst()
                .orElseThrow(() -> new UnusableStatementException(
                        "Hedge #" + hedgeId.get() + " is not an open hedge of this portfolio: "
                                + "choose one of its open hedges, or let the rows find theirs.")));
    }

    /** The preview's plan: rows in file order when they are in time order, else sorted in a transaction. */
    private ImportPlan plan(long portfolioId, String text, List<Hedge> open, Optional<Hedge> chosen) {
        try {
            return plan(portfolioId, text, open, chosen, false, ImportPlan.Sink.NONE);
        } catch (PlanRun.OutOfOrder e) {
            return QuarkusTransaction.requiringNew()
                    .timeout(3600)
                    .call(() -> plan(portfolioId, text, open, chosen, true, ImportPlan.Sink.NONE));
        }
    }

    private ImportPlan plan(
            long portfolioId,
            String text,
            List<Hedge> open,
            Optional<Hedge> chosen,
            boolean staged,
            ImportPlan.Sink sink) {
        try {
            return planner.plan(portfolioId, new StringReader(text), open, chosen, staged, sink);
        } catch (UnknownStatementException e) {
            throw new UnusableStatementException(e.getMessage());
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof InvalidHedgeException invalid) {
            return String.join("; ", invalid.errors().values());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }
}
