package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.persistence.alerts.AlertThresholdStore;
import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.pricing.alerts.AlertEvaluator;
import io.hedgedesk.pricing.alerts.AlertGate;
import io.hedgedesk.pricing.alerts.AlertKind;
import io.hedgedesk.pricing.alerts.HedgeThresholds;
import io.hedgedesk.web.hedge.AlertWords;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Evaluates the alerts of every open hedge of the installation: values them as the tracker does, measures each against
 * its thresholds ({@link AlertEvaluator}), passes each measure through its stored gate and, for a gate that fires,
 * stores the alert and its messages in the outbox, in one transaction with the gate's move (a compare-and-set: with two
 * instances evaluating at once, one raises it). Nothing is sent here: the {@link AlertWorker} sends.
 */
@ApplicationScoped
public class AlertEngine {

  private static final Logger LOG = Logger.getLogger(AlertEngine.class);

  /** What one cycle did. */
  public record Cycle(int hedges, int raised, int rearmed) {
  }

  /** A hedge of one cycle: valued, with its thresholds. */
  public record Evaluated(HedgeSnapshot snapshot, HedgeThresholds thresholds, List<AlertEvaluator.Check> checks) {
  }

  private final HedgeTracker tracker;
  private final AlertOutbox outbox;
  private final AlertThresholdStore thresholds;
  private final MarketTickRepository ticks;
  private final AlertDefaults defaults;
  private final Clock clock;

  AlertEngine(HedgeTracker tracker, AlertOutbox outbox, AlertThresholdStore thresholds, MarketTickRepository ticks,
              AlertDefaults defaults, Clock clock) {
    this.tracker = tracker;
    this.outbox = outbox;
    this.thresholds = thresholds;
    this.ticks = ticks;
    this.defaults = defaults;
    this.clock = clock;
  }

  /** Evaluates every open hedge once. */
  public Cycle evaluateAll() {
    Instant now = clock.instant();
    Map<Long, HedgeSnapshot> open = new LinkedHashMap<>();
    for (long userId : new java.util.LinkedHashSet<>(outbox.evaluators())) {
      try {
        for (HedgeSnapshot s : tracker.openBook(userId, Map.of()).hedges()) {
          open.putIfAbsent(s.access().hedge().id(), s);
        }
      } catch (RuntimeException e) { // one team's data must not keep the others' alerts back
        LOG.warnf("Alerts: the hedges seen by user %d could not be valued: %s", userId, e.getMessage());
      }
    }
    List<Evaluated> evaluated = evaluate(open.values());
    Map<Long, Map<String, AlertOutbox.Gate>> gates = outbox.gates(open.keySet());
    int raised = 0;
    int rearmed = 0;
    for (Evaluated e : evaluated) {
      long hedgeId = e.snapshot().access().hedge().id();
      Map<AlertKind, AlertGate.State> states = new EnumMap<>(AlertKind.class);
      gates.getOrDefault(hedgeId, Map.of()).forEach((kind, g) -> states.put(AlertKind.valueOf(kind),
          new AlertGate.State(g.fired(), g.lastSent())));
      for (AlertEvaluator.Decision d : AlertEvaluator.decide(e.checks(), states, now)) {
        AlertGate.Decision what = d.outcome().decision();
        if (what == AlertGate.Decision.SEND) {
          raised += raise(e.snapshot(), d, states, now) ? 1 : 0;
        } else if (what == AlertGate.Decision.REARMED) {
          rearmed += rearm(hedgeId, d, states) ? 1 : 0;
        }
      }
    }
    long ms = Duration.between(now, clock.instant()).toMillis();
    if (raised > 0 || rearmed > 0) {
      LOG.infof("Alerts: %d hedges evaluated in %d ms, %d raised, %d re-armed", open.size(), ms, raised, rearmed);
    } else {
      LOG.debugf("Alerts: %d hedges evaluated in %d ms", open.size(), ms);
    }
    return new Cycle(open.size(), raised, rearmed);
  }

  /** The hedges with their thresholds in force and their checks (pure after two queries for all of them). */
  public List<Evaluated> evaluate(java.util.Collection<HedgeSnapshot> snapshots) {
    Set<Long> portfolioIds = new HashSet<>();
    Set<Long> hedgeIds = new HashSet<>();
    Set<String> contracts = new HashSet<>();
    for (HedgeSnapshot s : snapshots) {
      portfolioIds.add(s.access().hedge().portfolioId());
      hedgeIds.add(s.access().hedge().id());
      contracts.add(s.access().instrument().id());
    }
    Map<Long, StoredThresholds> byPortfolio = thresholds.forPortfolios(portfolioIds);
    Map<Long, StoredThresholds> byHedge = thresholds.forHedges(hedgeIds);
    Map<String, MarketTick> latest = ticks.latest(contracts);
    List<Evaluated> out = new ArrayList<>(snapshots.size());
    for (HedgeSnapshot s : snapshots) {
      HedgeThresholds t = defaults.resolve(
          byPortfolio.getOrDefault(s.access().hedge().portfolioId(), StoredThresholds.NONE),
          byHedge.getOrDefault(s.access().hedge().id(), StoredThresholds.NONE));
      out.add(new Evaluated(s, t, AlertEvaluator.checks(HedgeReadings.of(s, latest), t, defaults.minInterval())));
    }
    return out;
  }

  private boolean raise(HedgeSnapshot s, AlertEvaluator.Decision d, Map<AlertKind, AlertGate.State> states,
                        Instant now) {
    long hedgeId = s.access().hedge().id();
    long portfolioId = s.access().hedge().portfolioId();
    String kind = d.check().kind().name();
    String label = "Hedge #" + hedgeId + " " + s.access().instrument().id() + " (" + s.access().portfolio().portfolio()
        .name() + ")";
    String subject = "hedgedesk: " + AlertWords.title(d.check().kind()) + " — " + label;
    String body = label + ": " + AlertWords.of(d.check()) + ".";
    return QuarkusTransaction.requiringNew().call(() -> {
      if (!outbox.moveGate(hedgeId, kind, gate(states.get(d.check().kind())), gate(d.outcome().state()),
          d.check().value())) {
        return false; // another instance moved it first
      }
      outbox.raise(hedgeId, portfolioId, kind, subject, body, d.check().value(),
          outbox.recipients(portfolioId, hedgeId, kind, now), now);
      return true;
    });
  }

  private boolean rearm(long hedgeId, AlertEvaluator.Decision d, Map<AlertKind, AlertGate.State> states) {
    String kind = d.check().kind().name();
    return QuarkusTransaction.requiringNew().call(() -> {
      boolean moved = outbox.moveGate(hedgeId, kind, gate(states.get(d.check().kind())), gate(d.outcome().state()),
          d.check().value());
      if (moved) {
        outbox.clearAcknowledgements(hedgeId, kind);
      }
      return moved;
    });
  }

  private static AlertOutbox.Gate gate(AlertGate.State state) {
    return state == null ? AlertOutbox.Gate.ARMED : new AlertOutbox.Gate(state.fired(), state.lastSent());
  }
}
