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
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a planned import in the caller's transaction: hedges created from the file through
 * {@link HedgeBookService#openImported} (the same entries and audit as a hedge typed in), the other ledger entries
 * appended in chunks ({@link HedgeEventBatch}), each hedge's new position stored once against the version it was
 * planned from, the statement rows stored with the event each became, the margin returned to the bag at a close,
 * and an audit event per hedge and one for the import.
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

  PlanWriter(HedgeBookService book, HedgeEventBatch events, StatementRows rows, StatementImportRepository imports,
             AuditLog audit) {
    this.book = book;
    this.events = events;
    this.rows = rows;
    this.imports = imports;
    this.audit = audit;
  }

  /** Writes the plan; the import's progress is committed on the side after each chunk. */
  @Transactional(Transactional.TxType.MANDATORY)
  int write(UUID importId, long userId, PortfolioAccess access, String fileName, ImportPlan plan) {
    String exchange = plan.format().exchange();
    long portfolioId = access.portfolio().id();
    int[] processed = {plan.duplicates() + plan.noHedge() + plan.ignored()};
    int stored = 0;
    for (Track track : plan.tracks()) {
      long hedgeId = track.existing.isPresent() ? track.existing.get().id()
          : book.openImported(userId, track.opening.orElseThrow());
      long version = track.existing.map(h -> h.version()).orElse(0L);
      List<LedgerEntry> entries = new ArrayList<>();
      int[] firstEntry = new int[track.rows.size()];
      for (int i = 0; i < track.rows.size(); i++) {
        PlannedRow row = track.rows.get(i);
        firstEntry[i] = row.step().isPresent() ? entries.size() : -1;
        row.step().ifPresent(s -> entries.addAll(s.entries()));
      }
      long[] ids = new long[entries.size()];
      for (int from = 0; from < entries.size(); from += CHUNK) {
        int to = Math.min(entries.size(), from + CHUNK);
        System.arraycopy(events.append(userId, hedgeId, entries.subList(from, to)), 0, ids, from, to - from);
        processed[0] += to - from;
        imports.progress(importId, processed[0]);
      }
      HedgeBookService.HedgeAccess before = track.marginReturn.isPresent() ? book.hedge(userId, hedgeId) : null;
      if (!entries.isEmpty()) {
        events.storePosition(hedgeId, version, track.position);
      }
      List<ImportedRow> batch = new ArrayList<>();
      for (int i = 0; i < track.rows.size(); i++) {
        var r = track.rows.get(i).row();
        batch.add(new ImportedRow(r.key(), hedgeId, firstEntry[i] < 0 ? Optional.empty()
            : Optional.of(ids[firstEntry[i]]), r.line(), r.kind().name(), r.time(), r.account(), r.symbol(),
            r.asset(), r.side(), r.quantity(), r.price(), r.fee(), r.funding(), r.realizedPnl(), r.cashChange()));
        if (batch.size() == CHUNK) {
          stored += rows.insert(portfolioId, exchange, importId, batch);
          batch.clear();
        }
      }
      stored += rows.insert(portfolioId, exchange, importId, batch);
      if (before != null) {
        BigDecimal[] returned = track.marginReturn.get();
        book.marginReturnedAtImportedClose(userId, before, returned[0], returned[1]);
      }
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("file", fileName);
      after.put("format", plan.format().title());
      after.put("rows", track.rows.size());
      after.put("ledgerEvents", entries.size());
      after.put("size", track.position.size().stripTrailingZeros().toPlainString());
      after.put("margin", track.position.margin().stripTrailingZeros().toPlainString());
      after.put("status", track.position.status().name());
      audit.record(access.portfolio().teamId(), portfolioId, userId, "HEDGE", hedgeId, "IMPORT_STATEMENT", null,
          after);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("file", fileName);
    summary.put("format", plan.format().title());
    summary.put("rowsStored", stored);
    summary.put("duplicates", plan.duplicates());
    summary.put("matchingNoHedge", plan.noHedge());
    summary.put("hedgesCreated", plan.hedgesCreated());
    audit.record(access.portfolio().teamId(), portfolioId, userId, "PORTFOLIO", portfolioId, "IMPORT_STATEMENT",
        null, summary);
    return stored;
  }
}
