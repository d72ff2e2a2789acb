package io.hedgedesk.web.statement;

import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.marketdata.statement.StatementReader;
import io.hedgedesk.marketdata.statement.StatementRow;
import io.hedgedesk.persistence.hedge.HedgeRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.persistence.statement.StatementRows;
import io.hedgedesk.pricing.ledger.HedgeLedger;
import io.hedgedesk.pricing.ledger.LedgerStep;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.statement.ImportPlan.PlannedRow;
import io.hedgedesk.web.statement.ImportPlan.Sample;
import io.hedgedesk.web.statement.ImportPlan.Track;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    String[] account = {null};
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
    Simulation simulation = new Simulation(portfolioId, exchange, openHedges, chosen, errors, errorCount, fates);
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

  private static void error(List<String> errors, int[] count, int line, String message) {
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

  /** The rows in time order through the ledger, hedge by hedge. */
  private final class Simulation {
    final long portfolioId;
    final String exchange;
    final Optional<Hedge> chosen;
    final List<String> errors;
    final int[] errorCount;
    final Map<Integer, String> fates;
    final List<Track> tracks = new ArrayList<>();
    final Map<String, Track> openByContract = new HashMap<>();
    final List<StatementRow> pendingTransfers = new ArrayList<>();
    final Map<String, Optional<PriceSeries>> closes = new HashMap<>();
    final Instant now = clock.instant();
    int attached;
    int unmatched;

    Simulation(long portfolioId, String exchange, List<Hedge> portfolioHedges, Optional<Hedge> chosen,
               List<String> errors, int[] errorCount, Map<Integer, String> fates) {
      this.portfolioId = portfolioId;
      this.exchange = exchange;
      this.chosen = chosen;
      this.errors = errors;
      this.errorCount = errorCount;
      this.fates = fates;
      List<Hedge> candidates = chosen.map(List::of).orElse(portfolioHedges.stream()
          .filter(h -> h.isOpen() && !h.isVoided()).sorted(Comparator.comparing(Hedge::openedAt)).toList());
      Map<Long, HedgeRepository.LedgerSums> sums = hedges.ledgerSums(candidates.stream().map(Hedge::id).toList());
      for (Hedge h : candidates) {
        HedgeRepository.LedgerSums s = sums.get(h.id());
        Track track = new Track(Optional.of(h), Optional.empty(), catalog.find(h.contractId())
            .orElseThrow(), LedgerPosition.of(h), s == null ? BigDecimal.ZERO : s.cash(),
            s == null ? BigDecimal.ZERO : s.margin());
        openByContract.putIfAbsent(h.contractId(), track);
      }
    }

    void add(StatementRow row) {
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
        noHedge(row, contract.map(c -> "no open hedge on " + c + (chosen.isPresent() ? " (the chosen hedge is on "
            + chosen.get().contractId() + ")" : "") + " in this portfolio")
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
        action = action(track, row);
        Optional<LedgerStep> step = action.map(a -> step(track, a));
        track.rows.add(new PlannedRow(row, step));
        attached++;
        fates.put(row.line(), "new → " + track.name() + step.map(s -> " as " + s.entries().stream()
            .map(e -> e.type().name()).reduce((a, b) -> a + " + " + b).orElse("")).orElse(" (for reconciliation)"));
        if (!tracks.contains(track)) {
          tracks.add(track);
        }
        if (!track.position.isOpen()) {
          openByContract.values().remove(track);
        }
      } catch (InvalidHedgeException e) {
        error(errors, errorCount, row.line(), track.name() + " refuses it: "
            + String.join("; ", e.errors().values()));
      }
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
          .filter(t -> t.instrument.venue().equals(exchange) && t.instrument.settlementAsset().symbol().equals(asset))
          .distinct().toList();
      if (chosen.isPresent() && matching.isEmpty()) {
        return null;
      }
      return matching.size() == 1 ? matching.get(0) : null;
    }

    private static boolean isOpeningFill(StatementRow row) {
      return row.kind() == RowKind.TRADE && row.side().isPresent() && row.quantity().isPresent()
          && row.price().isPresent() && row.opening().orElse(true);
    }

    /** A hedge created from an opening fill, with the earlier transfers in its settlement asset as its margin. */
    private Track open(StatementRow fill, Instrument instrument) {
      String asset = instrument.settlementAsset().symbol();
      List<StatementRow> folded = pendingTransfers.stream().filter(t -> t.asset().equals(asset)).toList();
      pendingTransfers.removeAll(folded);
      BigDecimal deposited = folded.stream().map(t -> t.cashChange().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal fee = fill.fee();
      BigDecimal margin = fee.signum() > 0 ? deposited.subtract(fee).max(BigDecimal.ZERO) : deposited;
      Side side = "SELL".equals(fill.side().get()) ? Side.SHORT : Side.LONG;
      BigDecimal size = fill.quantity().get();
      BigDecimal price = fill.price().get();
      try {
        OpenHedge command = new OpenHedge(portfolioId, instrument.id(), side, size, price, leverage(instrument, size, price,
            margin), margin, instrument.isInverse() ? "EXTRA_COIN" : "STABLECOIN", List.of(), BigDecimal.ONE, "", fee,
            Optional.of(fill.time()));
        LedgerStep opened = HedgeLedger.DEFAULT.open(instrument, command, now);
        Track track = new Track(Optional.empty(), Optional.of(command), instrument, opened.after(),
            opened.entries().stream().map(LedgerEntry::cashChange).reduce(BigDecimal.ZERO, BigDecimal::add),
            opened.entries().stream().filter(e -> e.type() == HedgeEventType.MARGIN_IN).map(LedgerEntry::cashChange)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        track.rows.add(new PlannedRow(fill, Optional.empty()));
        fates.put(fill.line(), "new → opens " + track.name() + " (" + side + " " + size.toPlainString() + " @ "
            + price.toPlainString() + ")");
        for (StatementRow t : folded) {
          track.rows.add(new PlannedRow(t, Optional.empty()));
          attached++;
          fates.put(t.line(), "new → margin of " + track.name() + " at its opening");
        }
        tracks.add(track);
        openByContract.put(instrument.id(), track);
        return track;
      } catch (InvalidHedgeException e) {
        error(errors, errorCount, fill.line(), "cannot open a hedge on " + instrument.id() + ": "
            + String.join("; ", e.errors().values()));
        return null;
      }
    }

    /**
     * The leverage of a hedge created from a fill: position value (settlement asset, at the fill price) / margin,
     * 3 significant digits rounded down, at least 1 and at most the contract's maximum; 1 without margin.
     */
    private static BigDecimal leverage(Instrument instrument, BigDecimal size, BigDecimal price, BigDecimal margin) {
      if (margin.signum() <= 0) {
        return BigDecimal.ONE;
      }
      BigDecimal value = PerpetualPricer.of(instrument).positionValue(instrument, size, price).value();
      BigDecimal leverage = value.divide(margin, new MathContext(3, RoundingMode.DOWN));
      return leverage.max(BigDecimal.ONE).min(instrument.maxLeverage());
    }

    /** The ledger action a row is, or empty for a row kept for reconciliation only. */
    private Optional<HedgeAction> action(Track track, StatementRow row) {
      Optional<BigDecimal> usd = usd(track, row.time());
      Optional<Instant> at = Optional.of(row.time());
      String note = "statement line " + row.line();
      return switch (row.kind()) {
        case TRADE, LIQUIDATION -> {
          if (row.quantity().isEmpty() || row.price().isEmpty()) {
            throw InvalidHedgeException.of("quantity", "a fill needs its quantity and price");
          }
          BigDecimal quantity = row.quantity().get();
          boolean adds = row.side().isPresent() && row.kind() == RowKind.TRADE
              && "SELL".equals(row.side().get()) == (track.position.side() == Side.SHORT);
          HedgeEventType type = adds ? HedgeEventType.INCREASE
              : quantity.compareTo(track.position.size()) == 0 ? HedgeEventType.CLOSE : HedgeEventType.REDUCE;
          yield Optional.of(new HedgeAction(type, Optional.of(quantity), row.price(), Optional.empty(),
              Optional.of(row.fee()), Optional.empty(), Optional.empty(), at, note, Optional.empty()));
        }
        case FUNDING -> Optional.of(new HedgeAction(HedgeEventType.FUNDING, Optional.empty(), Optional.empty(),
            Optional.of(row.funding()), Optional.empty(), Optional.empty(), usd, at, note, Optional.empty()));
        case FEE -> row.fee().signum() == 0 ? Optional.empty() : Optional.of(new HedgeAction(HedgeEventType.FEE,
            Optional.empty(), Optional.empty(), Optional.of(row.fee()), Optional.empty(), Optional.empty(), usd, at,
            note, Optional.empty()));
        case TRANSFER_IN, TRANSFER_OUT -> Optional.of(new HedgeAction(row.kind() == RowKind.TRANSFER_IN
            ? HedgeEventType.MARGIN_IN : HedgeEventType.MARGIN_OUT, Optional.empty(), Optional.empty(),
            Optional.of(row.cashChange().abs()), Optional.empty(), Optional.empty(), usd, at, note, Optional.empty()));
        default -> Optional.empty();
      };
    }

    private LedgerStep step(Track track, HedgeAction action) {
      LedgerStep step = HedgeLedger.DEFAULT.apply(track.position, track.instrument, action, now,
          () -> Optional.of(track.position.entryPrice()));
      if (step.entry().type() == HedgeEventType.CLOSE) {
        step = HedgeLedger.DEFAULT.withMarginReturn(step, track.cash);
        if (step.entries().size() > 1) {
          track.marginReturn = Optional.of(new BigDecimal[] {step.entries().get(1).cashChange().negate(),
              track.marginMoved});
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

    /** USD per coin for a cash entry of a coin-settled hedge: the stored close of the day, or of the day before. */
    private Optional<BigDecimal> usd(Track track, Instant at) {
      if (track.instrument.settlementAsset().isDollar()) {
        return Optional.empty();
      }
      String coin = track.instrument.baseAsset().symbol();
      Optional<PriceSeries> series = closes.computeIfAbsent(coin, prices::series);
      java.time.LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
      return series.flatMap(s -> s.closeOn(day).or(() -> s.closeOn(day.minusDays(1))))
          .or(() -> Optional.of(track.position.entryPrice()));
    }
  }
}
