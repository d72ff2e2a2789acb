package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.support.MarkStored;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * When alerts are evaluated and sent: right after a mark or price is stored on this instance ({@link #onMark}: the
 * portfolios with a hedge on the contract whose mark moved, or every hedge after a team's price; on a thread of its
 * own, the page does not wait), whenever the data counters show a write by any instance or tool, an exchange
 * connection's failed sync included (V44) ({@code hedgedesk.alerts.watch-every}, 5 s), at least every
 * {@code hedgedesk.alerts.evaluate-every} (1 min, for data growing old), and the outbox every
 * {@code hedgedesk.alerts.deliver-every} (5 s) and after each evaluation, on a thread of its own: a slow mail server or
 * webhook never holds back the next evaluation. {@code hedgedesk.alerts.scheduled=false} turns all of it off (tests
 * drive the engine and the worker themselves).
 */
@ApplicationScoped
public class AlertSchedule {

    private static final Logger LOG = Logger.getLogger(AlertSchedule.class);

    private final AlertEngine engine;
    private final AlertWorker worker;
    private final AlertOutbox outbox;
    private final boolean scheduled;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-evaluation");
        t.setDaemon(true);
        return t;
    });
    /** The contracts whose marks moved since the last evaluation after a mark began; null: evaluate every hedge. */
    private Set<String> moved = new HashSet<>();

    private boolean pending;
    private final AtomicReference<String> lastStamp = new AtomicReference<>("");
    private final Object evaluating = new Object();
    /** Sends the outbox after an evaluation or a test message, one run at a time, runs asked meanwhile joined. */
    private final ExecutorService delivering = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-delivery");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean deliveryPending = new AtomicBoolean();

    AlertSchedule(AlertEngine engine, AlertWorker worker, AlertOutbox outbox, HedgedeskConfig config) {
        this.engine = engine;
        this.worker = worker;
        this.outbox = outbox;
        this.scheduled = config.alerts().scheduled();
    }

    /** A mark or price was stored and committed (called at once when it was stored outside a transaction). */
    void onMark(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarkStored stored) {
        markStored(stored.contract());
    }

    /**
     * A mark of {@code contract} (empty: a price that may move any hedge) was stored: evaluate soon, off the caller's
     * thread. Marks stored while an evaluation waits to start join it.
     */
    public void markStored(Optional<String> contract) {
        if (!scheduled) {
            return;
        }
        synchronized (this) {
            if (moved != null) {
                contract.ifPresentOrElse(moved::add, () -> moved = null);
            }
            if (pending) {
                return;
            }
            pending = true;
        }
        background.submit(this::afterMark);
    }

    private void afterMark() {
        Set<String> contracts;
        synchronized (this) {
            contracts = moved;
            moved = new HashSet<>();
            pending = false;
        }
        cycle(Optional.ofNullable(contracts));
    }

    /** Messages were queued (a test, an evaluation): send them soon, off the caller's thread. */
    public void deliverSoon() {
        if (scheduled && deliveryPending.compareAndSet(false, true)) {
            delivering.submit(() -> {
                deliveryPending.set(false);
                deliver();
            });
        }
    }

    @Scheduled(
            identity = "alert-watch",
            every = "${hedgedesk.alerts.watch-every:5s}",
            delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void watch() {
        if (scheduled) {
            String stamp = outbox.dataStamp();
            if (!stamp.equals(lastStamp.getAndSet(stamp))) {
                cycle(Optional.empty());
            }
        }
    }

    @Scheduled(
            identity = "alert-evaluation",
            every = "${hedgedesk.alerts.evaluate-every:60s}",
            delayed = "15s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void evaluate() {
        if (scheduled) {
            cycle(Optional.empty());
        }
    }

    @Scheduled(
            identity = "alert-delivery",
            every = "${hedgedesk.alerts.deliver-every:5s}",
            delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void deliver() {
        if (scheduled) {
            try {
                worker.deliverDue();
            } catch (RuntimeException e) {
                LOG.warnf("Alert delivery failed: %s", e.getMessage());
            }
        }
    }

    /**
     * One evaluation (of the portfolios with a hedge on {@code contracts}, or of all), one at a time on this instance
     * whoever asks; the messages it queued are sent on the delivery thread, so that a slow mail server or webhook never
     * holds back the next evaluation.
     */
    private void cycle(Optional<Set<String>> contracts) {
        synchronized (evaluating) {
            try {
                if (contracts.isPresent()) {
                    engine.evaluateContracts(contracts.get());
                } else {
                    engine.evaluateAll();
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Alert evaluation failed: %s", e.getMessage());
                return;
            }
        }
        deliverSoon();
    }
}
