package io.hedgedesk.web.statement;

import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.hedge.HedgeEventBatch;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.statement.ImportedRow;
import io.hedgedesk.persistence.statement.StatementImportRepository;
import io.hedgedesk.persistence.statement.StatementRows;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.statement.ImportPlan.PlannedRow;
import io.hedgedesk.web.statement.ImportPlan.Track;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores an import in the caller's transaction as it is planned: hedges created from the file through
 * {@link HedgeBookService#openImported} (the same entries and audit as a hedge typed in), the other ledger entries
 * appended in chunks ({@link HedgeEventBatch}) with the statement rows they came from (each linked to the event it
 * became), then each hedge's new position stored once against the version it was planned from, the margin returned
 * to the bag at a close, and an audit event per hedge and one for the import.
 */
@ApplicationScoped
class PlanWriter {

    /** Ledger entries or rows per statement. */
    static final int CHUNK = 10_000;

    private final HedgeBookService book;
    private final HedgeEventBatch events;
    private final StatementRows rows;
    private final StatementImportRepository imports;
    private final AuditLog audit;

    PlanWriter(
            HedgeBookService book,
            HedgeEventBatch events,
            StatementRows rows,
            StatementImportRepository imports,
            AuditLog audit) {
        this.book = book;
        this.events = events;
        this.rows = rows;
        this.imports = imports;
        this.audit = audit;
    }

    /**
     * A writer for one import in the caller's transaction: rows are written a chunk at a time as they are planned
     * ({@link Batch#write}, the import's progress committed on the side after each chunk), then {@link Batch#finish}
     * stores the positions, the margin returned and the audit.
     */
    Batch batch(UUID importId, long userId, PortfolioAccess access) {
        return new Batch(importId, userId, access);
    }

    final class Batch {
        private final UUID importId;
        private final long userId;
        private final PortfolioAccess access;
        private final Map<Track, Long> hedgeIds = new HashMap<>();
        private final Map<Track, Integer> entriesWritten = new HashMap<>();
        private int stored;

        private Batch(UUID importId, long userId, PortfolioAccess access) {
            this.importId = importId;
            this.userId = userId;
            this.access = access;
        }

        /** Writes a chunk of planned rows: per hedge its ledger entries, then its rows linked to them. */
        void write(PlanPipe.Chunk chunk) {
            Map<Track, List<PlannedRow>> byTrack = new LinkedHashMap<>();
            for (int i = 0; i < chunk.rows().size(); i++) {
                byTrack.computeIfAbsent(chunk.tracks().get(i), t -> new ArrayList<>())
                        .add(chunk.rows().get(i));
            }
            for (Map.Entry<Track, List<PlannedRow>> e : byTrack.entrySet()) {
                Track track = e.getKey();
                long hedgeId = hedgeIds.computeIfAbsent(
                        track,
                        t -> t.existing.isPresent()
                                ? t.existing.get().id()
                                : book.openImported(userId, t.opening.orElseThrow()));
                List<LedgerEntry> entries = new ArrayList<>();
                for (PlannedRow row : e.getValue()) {
                    row.step().ifPresent(s -> entries.addAll(s.entries()));
                }
                long[] ids = events.append(userId, hedgeId, entries);
                entriesWritten.merge(track, entries.size(), Integer::sum);
                List<ImportedRow> batch = new ArrayList<>(e.getValue().size());
                int next = 0;
                for (PlannedRow planned : e.getValue()) {
                    var r = planned.row();
                    Optional<Long> eventId = planned.step().isEmpty() ? Optional.empty() : Optional.of(ids[next]);
                    next += planned.step().map(s -> s.entries().size()).orElse(0);
                    batch.add(new ImportedRow(
                            r.key(),
                            hedgeId,
                            eventId,
                            r.line(),
                            r.kind().name(),
                            r.time(),
                            r.account(),
                            r.symbol(),
                            r.asset(),
                            r.side(),
                            r.quantity(),
                            r.price(),
                            r.fee(),
                            r.funding(),
                            r.realizedPnl(),
                            r.cashChange()));
                }
                stored += rows.insert(access.portfolio().id(), track.instrument.venue(), importId, batch);
            }
            imports.progress(importId, chunk.handled());
        }

        /** Writes each hedge's new position, the margin returned at a close and the audit. */
        int finish(String fileName, ImportPlan plan) {
            long portfolioId = access.portfolio().id();
            for (Track track : plan.tracks()) {
                long hedgeId = hedgeIds.get(track);
                int entries = entriesWritten.getOrDefault(track, 0);
                HedgeBookService.HedgeAccess before =
                        track.marginReturn.isPresent() ? book.hedge(userId, hedgeId) : null;
                if (entries > 0) {
                    events.storePosition(
                            hedgeId, track.existing.map(h -> h.version()).orElse(0L), track.position);
                }
                if (before != null) {
                    BigDecimal[] returned = track.marginReturn.get();
                    book.marginReturnedAtImportedClose(userId, before, returned[0], returned[1]);
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("file", fileName);
                after.put("format", plan.format().title());
                after.put("rows", track.rows);
                after.put("ledgerEvents", entries);
                after.put("size", track.position.size().stripTrailingZeros().toPlainString());
                after.put("margin", track.position.margin().stripTrailingZeros().toPlainString());
                after.put("status", track.position.status().name());
                audit.record(
                        access.portfolio().teamId(),
                        portfolioId,
                        userId,
                        "HEDGE",
                        hedgeId,
                        "IMPORT_STATEMENT",
                        null,
                        after);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("file", fileName);
            summary.put("format", plan.format().title());
            summary.put("rowsStored", stored);
            summary.put("duplicates", plan.duplicates());
            summary.put("matchingNoHedge", plan.noHedge());
            summary.put("hedgesCreated", plan.hedgesCreated());
            audit.record(
                    access.portfolio().teamId(),
                    portfolioId,
                    userId,
                    "PORTFOLIO",
                    portfolioId,
                    "IMPORT_STATEMENT",
                    null,
                    summary);
            return stored;
        }
    }
}
