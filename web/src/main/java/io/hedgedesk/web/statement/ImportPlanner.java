package io.hedgedesk.web.statement;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementReader;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.statement.StatementRows;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.web.statement.ImportPlan.Sample;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what importing a file into a portfolio does ({@link ImportPlan}), without writing.
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

  private final ContractCatalog catalog;

  /** Rows of the file shown with how they were read. */
  static final int SAMPLE_ROWS = 100;
  /** Problems listed on the page (all are counted). */
  static final int SHOWN_ERRORS = 50;
  private static final int KEY_CHUNK = 5000;

  private final HedgeRepository hedges;
  private final StatementRows stored;
  private final PriceHistoryRepository prices;
  private final Clock clock;

  ImportPlanner(HedgeRepository hedges, StatementRows stored, PriceHistoryRepository prices, Clock clock,
      ContractCatalog catalog) {
    this.catalog = catalog;
    this.hedges = hedges;
    this.stored = stored;
    this.prices = prices;
    this.clock = clock;
  }

  /**
   * Reads {@code file} and plans its import into the portfolio's hedges.
   *
   * @param openHedges the portfolio's hedges (as loaded through the user's access)
   * @param chosen     the hedge every row of its contract attaches to, empty = automatic
   */
  ImportPlan plan(long portfolioId, Reader file, List<Hedge> openHedges, Optional<Hedge> chosen) {
    List<String> errors = new ArrayList<>();
    int[] errorCount = {0};
    List<StatementRow> rows = new ArrayList<>();
    Map<Integer, StatementRow> sampled = new LinkedHashMap<>();
    StatementFormat format;
    try {
      format = StatementReader.DEFAULT.read(file, row -> {
        if (sampled.size() < SAMPLE_ROWS) {
          sampled.put(row.line(), row);
        }
        rows.add(compact(row));
      }, problem -> error(errors, errorCount, problem.line(), problem.message()));
    } catch (io.hedgedesk.marketdata.statement.UnknownStatementException e) {
      throw e;
    } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // commons-csv: a quote left open, a header line longer than the reader looks ahead, duplicate column names
      throw new StatementImportService.UnusableStatementException("This file could not be read as CSV: "
          + unreadable(e) + ".");
    }
    return plan(portfolioId, format, rows, sampled, errors, errorCount, openHedges, chosen);
  }

  /**
   * Plans the import of rows read from a venue's API (no file): the same matching, keys and ledger steps as a file's.
   * {@code rows} is emptied.
   */
  ImportPlan plan(long portfolioId, StatementFormat format, List<StatementRow> rows, List<Hedge> openHedges) {
    Map<Integer, StatementRow> sampled = new LinkedHashMap<>();
    rows.stream().limit(SAMPLE_ROWS).forEach(r -> sampled.put(r.line(), r));
    return plan(portfolioId, format, rows, sampled, new ArrayList<>(), new int[] {0}, openHedges, Optional.empty());
  }

  private ImportPlan plan(long portfolioId, StatementFormat format, List<StatementRow> rows,
      Map<Integer, StatementRow> sampled, List<String> errors, int[] errorCount, List<Hedge> openHedges,
      Optional<Hedge> chosen) {
    String[] account = {null};
    String exchange = format.exchange();
    Optional<String> portfolioAccount = stored.firstAccount(portfolioId, exchange);
    // what happens to each row, kept for the sampled rows only (memory stays flat whatever the file's length)
    Map<Integer, String> fates = new HashMap<>() {
      @Override
      public String put(Integer line, String fate) {
        return sampled.containsKey(line) ? super.put(line, fate) : null;
      }
    };
    int duplicates = 0;
    int ignored = 0;
    List<StatementRow> fresh = new ArrayList<>();
    Set<String> inFile = new HashSet<>();
    for (int from = 0; from < rows.size(); from += KEY_CHUNK) {
      List<StatementRow> chunk = rows.subList(from, Math.min(rows.size(), from + KEY_CHUNK));
      Set<String> known = stored.existingKeys(portfolioId, exchange, chunk.stream().map(StatementRow::key).toList());
      for (StatementRow row : chunk) {
        if (row.account().isPresent()) {
          String expected = portfolioAccount.orElse(account[0]);
          if (expected == null) {
            account[0] = row.account().get();
          } else if (!expected.equals(row.account().get())) {
            error(errors, errorCount, row.line(), "account " + row.account().get() + " is not this portfolio's "
                + exchange + " account " + expected + (portfolioAccount.isPresent() ? " (the first one imported)"
                : " (the file's first row)") + ": import each account's file into its own portfolio");
          }
        }
        if (row.kind() == RowKind.OTHER) {
          ignored++;
          fates.put(row.line(), "not imported: not a futures trade, funding, fee or transfer row");
        } else if (known.contains(row.key()) || !inFile.add(row.key())) {
          duplicates++;
          fates.put(row.line(), known.contains(row.key()) ? "already imported" : "repeats an earlier row of the file");
        } else {
          Optional<String> contract = row.symbol().map(s -> exchange + ":" + s.toUpperCase(java.util.Locale.ROOT));
          if (contract.isPresent() && catalog.find(contract.get()).isEmpty()) {
            error(errors, errorCount, row.line(), "contract " + row.symbol().get() + " is not one hedgedesk knows on "
                + exchange + " (its catalog: " + known(exchange) + ")");
          } else {
            fresh.add(row);
          }
        }
      }
    }
    int total = rows.size();
    rows.clear();
    fresh.sort(Comparator.comparing(StatementRow::time).thenComparingInt(StatementRow::line));
    ImportSimulation simulation = new ImportSimulation(hedges, prices, catalog, clock, portfolioId, exchange,
        openHedges, chosen, errors, errorCount, fates);
    for (StatementRow row : fresh) {
      simulation.add(row);
    }
    simulation.finish();
    List<Sample> samples = sampled.values().stream()
        .map(r -> sample(r, fates.getOrDefault(r.line(), ""))).toList();
    return new ImportPlan(format, total,
        simulation.attached, duplicates, simulation.unmatched, ignored, List.copyOf(errors), errorCount[0], samples,
        List.copyOf(simulation.tracks), Optional.ofNullable(portfolioAccount.orElse(account[0])));
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
    message = message.replaceAll("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+(Exception|Error)(: )?", "").strip();
    message = message.length() > 200 ? message.substring(0, 200) + "…" : message;
    return message.isEmpty() ? "a quoted cell is never closed or the header is malformed" : message;
  }

  /** The row without its how-read text (kept only for the sampled rows). */
  private static StatementRow compact(StatementRow r) {
    return new StatementRow(r.line(), r.key(), r.time(), r.kind(), r.account(), r.symbol(), r.asset(), r.side(),
        r.opening(), r.quantity(), r.price(), r.fee(), r.funding(), r.realizedPnl(), r.cashChange(), "");
  }

  static void error(List<String> errors, int[] count, int line, String message) {
    count[0]++;
    if (errors.size() < SHOWN_ERRORS) {
      errors.add("line " + line + ": " + message);
    }
  }

  private String known(String exchange) {
    return String.join(", ", catalog.all().stream().filter(i -> i.venue().equals(exchange))
        .map(Instrument::symbol).toList());
  }

  private static Sample sample(StatementRow r, String fate) {
    String amount = switch (r.kind()) {
      case FUNDING -> r.funding().toPlainString() + " " + r.asset() + " funding (+ received)";
      case FEE -> r.fee().toPlainString() + " " + r.asset() + " fee (+ paid)";
      case REALIZED_PNL, CLOSED_POSITION -> r.realizedPnl().toPlainString() + " " + r.asset() + " realized";
      default -> r.cashChange().toPlainString() + " " + r.asset();
    };
    String fill = r.quantity().map(q -> r.side().orElse("") + " " + q.toPlainString()
        + r.price().map(p -> " @ " + p.toPlainString()).orElse("")
        + (r.fee().signum() != 0 ? ", fee " + r.fee().toPlainString() : "")).orElse("");
    return new Sample(r.line(), Times.utc(r.time()), r.kind().name(), r.symbol().orElse("—"), amount, fill.strip(),
        r.howRead(), fate);
  }

}
