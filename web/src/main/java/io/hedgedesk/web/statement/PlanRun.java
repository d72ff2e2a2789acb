package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.marketdata.statement.ReadProblem;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.marketdata.statement.StatementRowText;
import io.hedgedesk.persistence.statement.RowStage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One planning of a file, its rows streamed from the reader a chunk at a time: keys looked up, account and contract
 * checked, then through the ledger in time order ({@link ImportSimulation}). A file in time order goes straight
 * through; any other is staged in PostgreSQL and read back sorted ({@link RowStage}, in the caller's transaction).
 * Either way the rows held at once are a chunk, the first rows shown and a digest of each key (repeats in the file).
 */
final class PlanRun {

    /** Rows whose keys are looked up in one query, or staged in one {@code COPY}. */
    static final int CHUNK = 5000;

    /** A failure of the planning (not of the file's reading) inside the reader's call-back, carried out of it. */
    static final class Failed extends RuntimeException {
        Failed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The file is not in time order: plan it again staged. */
    static final class OutOfOrder extends RuntimeException {
        OutOfOrder() {
            super("the rows are not in time order", null, false, false);
        }
    }

    private final ImportPlanner planner;
    private final long portfolioId;
    private final List<Hedge> openHedges;
    private final Optional<Hedge> chosen;
    private final boolean staged;
    private final ImportPlan.Sink sink;
    private final ImportProblems problems = new ImportProblems();
    private final Map<Integer, StatementRow> sampled = new LinkedHashMap<>();
    // what happens to each row, kept for the sampled rows only
    private final Map<Integer, String> fates = new HashMap<>() {
        @Override
        public String put(Integer line, String fate) {
            return sampled.containsKey(line) ? super.put(line, fate) : null;
        }
    };
    private final List<StatementRow> chunk = new ArrayList<>(CHUNK);
    private final List<RowStage.Staged> toStage = new ArrayList<>();
    private final Set<UUID> inFile = new HashSet<>();
    private String exchange;
    private Optional<String> portfolioAccount;
    private boolean anyStored;
    private String fileAccount;
    private ImportSimulation simulation;
    private Instant last = Instant.MIN;
    private int total;
    private int duplicates;
    private int ignored;

    PlanRun(
            ImportPlanner planner,
            long portfolioId,
            List<Hedge> openHedges,
            Optional<Hedge> chosen,
            boolean staged,
            ImportPlan.Sink sink) {
        this.planner = planner;
        this.portfolioId = portfolioId;
        this.openHedges = openHedges;
        this.chosen = chosen;
        this.staged = staged;
        this.sink = sink;
    }

    void recognised(StatementFormat format) {
        exchange = format.exchange();
        portfolioAccount = planner.stored.firstAccount(portfolioId, exchange);
        anyStored = planner.stored.any(portfolioId, exchange);
        simulation = planner.simulation(portfolioId, exchange, openHedges, chosen, problems, fates, sink);
    }

    void row(StatementRow row) {
        total++;
        if (sampled.size() < ImportPlanner.SAMPLE_ROWS) {
            sampled.put(row.line(), row);
        }
        chunk.add(compact(row));
        if (chunk.size() == CHUNK) {
            try {
                check();
            } catch (OutOfOrder | Failed e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Failed(e);
            }
        }
    }

    void problem(ReadProblem problem) {
        problems.unread(problem.line(), problem.message());
    }

    /** The plan, once the reader has handed every row. */
    ImportPlan plan(StatementFormat format) {
        check();
        if (staged) {
            stage();
            planner.stage.readInOrder(text -> simulation.add(StatementRowText.read(text)));
        }
        simulation.finish();
        List<ImportPlan.Sample> samples = sampled.values().stream()
                .map(r -> ImportPlanner.sample(r, fates.getOrDefault(r.line(), "")))
                .toList();
        return new ImportPlan(
                format,
                total,
                simulation.attached,
                duplicates,
                simulation.unmatched,
                ignored,
                problems.shown(),
                problems.count(),
                samples,
                List.copyOf(simulation.tracks),
                Optional.ofNullable(portfolioAccount.orElse(fileAccount)));
    }

    /** The chunk's keys looked up; its new rows of known contracts go on, in file order. */
    private void check() {
        if (chunk.isEmpty()) {
            return;
        }
        // no look-up into a portfolio without rows from the exchange (the rows this import writes meanwhile repeat a
        // key of the file: inFile finds those)
        Set<String> known = anyStored
                ? planner.stored.existingKeys(
                        portfolioId,
                        exchange,
                        chunk.stream().map(StatementRow::key).toList())
                : Set.of();
        for (StatementRow row : chunk) {
            if (row.account().isPresent()) {
                String expected = portfolioAccount.orElse(fileAccount);
                if (expected == null) {
                    fileAccount = row.account().get();
                } else if (!expected.equals(row.account().get())) {
                    problems.refused(
                            row.line(),
                            "account " + row.account().get() + " is not this portfolio's " + exchange
                                    + " account " + expected
                                    + (portfolioAccount.isPresent()
                                            ? " (the first one imported)"
                                            : " (the file's first row)")
                                    + ": import each account's file into its own portfolio");
                }
            }
            if (row.kind() == RowKind.OTHER) {
                ignored++;
                simulation.handled++;
                fates.put(row.line(), "not imported: not a futures trade, funding, fee or transfer row");
            } else if (known.contains(row.key())
                    || !inFile.add(UUID.nameUUIDFromBytes(row.key().getBytes(StandardCharsets.UTF_8)))) {
                duplicates++;
                simulation.handled++;
                fates.put(
                        row.line(),
                        known.contains(row.key()) ? "already imported" : "repeats an earlier row of the file");
            } else {
                Optional<String> contract = row.symbol().map(s -> exchange + ":" + s.toUpperCase(Locale.ROOT));
                if (contract.isPresent() && planner.catalog.find(contract.get()).isEmpty()) {
                    simulation.handled++;
                    problems.refused(
                            row.line(),
                            "contract " + row.symbol().get() + " is not one hedgedesk knows on " + exchange
                                    + " (its catalog: " + planner.known(exchange) + ")");
                } else {
                    fresh(row);
                }
            }
        }
        chunk.clear();
    }

    private void fresh(StatementRow row) {
        if (staged) {
            toStage.add(new RowStage.Staged(row.time(), row.line(), StatementRowText.write(row)));
            if (toStage.size() == CHUNK) {
                stage();
            }
            return;
        }
        if (row.time().isBefore(last)) {
            throw new OutOfOrder();
        }
        last = row.time();
        simulation.add(row);
    }

    private void stage() {
        planner.stage.add(toStage);
        toStage.clear();
    }

    /** The row without its how-read text (kept only for the sampled rows). */
    private static StatementRow compact(StatementRow r) {
        return new StatementRow(
                r.line(),
                r.key(),
                r.time(),
                r.kind(),
                r.account(),
                r.symbol(),
                r.asset(),
                r.side(),
                r.opening(),
                r.quantity(),
                r.price(),
                r.fee(),
                r.funding(),
                r.realizedPnl(),
                r.cashChange(),
                "");
    }
}
