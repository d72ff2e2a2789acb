package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.persistence.alerts.AlertBatch;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.persistence.alerts.AlertThresholdStore;
import io.hedgedesk.persistence.alerts.ConnectionAlertStore;
import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.pricing.alerts.AlertEvaluator;
import io.hedgedesk.pricing.alerts.AlertGate;
import io.hedgedesk.pricing.alerts.AlertKind;
import io.hedgedesk.pricing.alerts.HedgeThresholds;
import io.hedgedesk.web.hedge.AlertWords;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import io.hedgedesk.web.hedge.book.InstallationHedges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Evaluates the alerts of every open hedge of the installation: values them as the dashboard does, on inputs read for
 * all of them at once ({@link InstallationHedges}), measures each against its thresholds ({@link AlertEvaluator}),
 * passes each measure through its stored gate and, for a gate that fires, stores the alert and its messages in the
 * outbox in the same transaction as the gate's move ({@link AlertBatch}: a compare-and-set, so with two instances
 * evaluating at once one raises it), up to {@value #BATCH} gates a transaction. A full evaluation also measures the
 * teams' exchange connections ({@link ConnectionAlerts}), whose alerts go out the same way. Nothing is sent here: the
 * {@link AlertWorker} sends.
 */
@ApplicationScoped
public class AlertEngine {

    private static final Logger LOG = Logger.getLogger(AlertEngine.class);

    /** What one cycle did. */
    public record Cycle(int hedges, int raised, int rearmed) {}

    /** A hedge of one cycle: valued, with its thresholds. */
    public record Evaluated(HedgeSnapshot snapshot, HedgeThresholds thresholds, List<AlertEvaluator.Check> checks) {}

    /** Gates moved per transaction: a failure rolls back at most this many, and locks are held briefly. */
    private static final int BATCH = 500;

    private final InstallationHedges hedges;
    private final AlertOutbox outbox;
    private final AlertBatch batch;
    private final AlertThresholdStore thresholds;
    private final MarketTickRepository ticks;
    private final AlertDefaults defaults;
    private final ConnectionAlerts connections;
    private final ConnectionAlertStore connectionStore;
    private final Clock clock;

    AlertEngine(
            InstallationHedges hedges,
            AlertOutbox outbox,
            AlertBatch batch,
            AlertThresholdStore thresholds,
            MarketTickRepository ticks,
            AlertDefaults defaults,
            ConnectionAlerts connections,
            ConnectionAlertStore connectionStore,
            Clock clock) {
        this.connections = connections;
        this.connectionStore = connectionStore;
        this.hedges = hedges;
        this.outbox = outbox;
        this.batch = batch;
        this.thresholds = thresholds;
        this.ticks = ticks;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** Evaluates every open hedge once. */
    public Cycle evaluateAll() {
        return cycle(Optional.empty());
    }

    /**
     * Evaluates the open hedges of the portfolios with an open hedge on one of {@code contracts} (catalog ids): after a
     * contract's mark moved, nothing else changed.
     */
    public Cycle evaluateContracts(Collection<String> contracts) {
        return cycle(Optional.of(contracts));
    }

    private Cycle cycle(Optional<Collection<String>> contracts) {
        Instant now = clock.instant();
        List<HedgeSnapshot> open = hedges.open(contracts);
        List<Evaluated> evaluated = evaluate(open);
        Map<Long, Map<String, AlertOutbox.Gate>> gates =
                outbox.gates(open.stream().map(s -> s.access().hedge().id()).toList());
        List<AlertBatch.Move> moves = new ArrayList<>();
        for (Evaluated e : evaluated) {
            long hedgeId = e.snapshot().access().hedge().id();
            Map<AlertKind, AlertGate.State> states = new EnumMap<>(AlertKind.class);
            gates.getOrDefault(hedgeId, Map.of())
                    .forEach((kind, g) ->
                            states.put(AlertKind.valueOf(kind), new AlertGate.State(g.fired(), g.lastSent())));
            for (AlertEvaluator.Decision d : AlertEvaluator.decide(e.checks(), states, now)) {
                AlertGate.Decision what = d.outcome().decision();
                if (what == AlertGate.Decision.SEND || what == AlertGate.Decision.REARMED) {
                    moves.add(new AlertBatch.Move(
                            AlertBatch.Subject.HEDGE,
                            hedgeId,
                            e.snapshot().access().portfolio().portfolio().teamId(),
                            Optional.of(e.snapshot().access().hedge().portfolioId()),
                            d.check().kind().name(),
                            gate(states.get(d.check().kind())),
                            gate(d.outcome().state()),
                            d.check().value(),
                            what == AlertGate.Decision.SEND
                                    ? Optional.of(message(e.snapshot(), d))
                                    : Optional.empty()));
                }
            }
        }
        if (contracts.isEmpty()) { // a mark moves no connection
            moves.addAll(connectionMoves(now));
        }
        int raised = 0;
        int rearmed = 0;
        for (int from = 0; from < moves.size(); from += BATCH) {
            List<AlertBatch.Move> chunk = moves.subList(from, Math.min(moves.size(), from + BATCH));
            for (AlertBatch.Move m : QuarkusTransaction.requiringNew().call(() -> batch.apply(chunk, now))) {
                raised += m.message().isPresent() ? 1 : 0;
                rearmed += m.message().isPresent() ? 0 : 1;
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

    /** The gates of the exchange connections' alerts that move now. */
    private List<AlertBatch.Move> connectionMoves(Instant now) {
        List<ConnectionAlerts.Evaluated> evaluated = connections.evaluate(Optional.empty());
        Map<Long, Map<String, AlertOutbox.Gate>> gates = connectionStore.gates(
                evaluated.stream().map(e -> e.connection().id()).toList());
        List<AlertBatch.Move> moves = new ArrayList<>();
        for (ConnectionAlerts.Evaluated e : evaluated) {
            Map<AlertKind, AlertGate.State> states = new EnumMap<>(AlertKind.class);
            gates.getOrDefault(e.connection().id(), Map.of())
                    .forEach((kind, g) ->
                            states.put(AlertKind.valueOf(kind), new AlertGate.State(g.fired(), g.lastSent())));
            for (AlertEvaluator.Decision d : AlertEvaluator.decide(e.checks(), states, now)) {
                AlertGate.Decision what = d.outcome().decision();
                if (what == AlertGate.Decision.SEND || what == AlertGate.Decision.REARMED) {
                    moves.add(new AlertBatch.Move(
                            AlertBatch.Subject.CONNECTION,
                            e.connection().id(),
                            e.connection().teamId(),
                            Optional.empty(),
                            d.check().kind().name(),
                            gate(states.get(d.check().kind())),
                            gate(d.outcome().state()),
                            d.check().value(),
                            what == AlertGate.Decision.SEND ? Optional.of(e.message(d.check())) : Optional.empty()));
                }
            }
        }
        return moves;
    }

    private static AlertBatch.Message message(HedgeSnapshot s, AlertEvaluator.Decision d) {
        String label = "Hedge #" + s.access().hedge().id() + " "
                + s.access().instrument().id() + " ("
                + s.access().portfolio().portfolio().name() + ")";
        return new AlertBatch.Message(
                "hedgedesk: " + AlertWords.title(d.check().kind()) + " — " + label,
                label + ": " + AlertWords.of(d.check()) + ".");
    }

    private static AlertOutbox.Gate gate(AlertGate.State state) {
        return state == null ? AlertOutbox.Gate.ARMED : new AlertOutbox.Gate(state.fired(), state.lastSent());
    }
}
