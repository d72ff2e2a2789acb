package io.hedgedesk.web.alerts;

import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * When alerts are evaluated and sent: right after a mark is stored on this instance ({@link #markStored}, off the
 * request's thread), whenever the data counters show a write by any instance or tool
 * ({@code hedgedesk.alerts.watch-every}, 5 s), at least every {@code hedgedesk.alerts.evaluate-every} (1 min, for
 * data growing old), and the outbox every {@code hedgedesk.alerts.deliver-every} (5 s). {@code hedgedesk.alerts.
 * scheduled=false} turns the timers off (tests drive the engine and the worker themselves).
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
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicReference<String> lastStamp = new AtomicReference<>("");

  AlertSchedule(AlertEngine engine, AlertWorker worker, AlertOutbox outbox, HedgedeskConfig config) {
    this.engine = engine;
    this.worker = worker;
    this.outbox = outbox;
    this.scheduled = config.alerts().scheduled();
  }

  /** A mark was stored and committed: {@link #markStored()}. */
  void onMark(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
              io.hedgedesk.web.support.MarkStored stored) {
    markStored();
  }

  /** A mark was stored: evaluate and send soon, on a thread of its own (the page does not wait). */
  public void markStored() {
    if (scheduled && pending.compareAndSet(false, true)) {
      background.submit(() -> {
        pending.set(false);
        cycle();
      });
    }
  }

  /** Messages were queued (a test): send them soon, off the request's thread. */
  public void deliverSoon() {
    if (!scheduled) {
      return;
    }
    background.submit(() -> {
      try {
        worker.deliverDue();
      } catch (RuntimeException e) {
        LOG.warnf("Alert delivery failed: %s", e.getMessage());
      }
    });
  }

  @Scheduled(identity = "alert-watch", every = "${hedgedesk.alerts.watch-every:5s}", delayed = "10s",
      concurrentExecution = ConcurrentExecution.SKIP)
  void watch() {
    if (scheduled) {
      String stamp = outbox.dataStamp();
      if (!stamp.equals(lastStamp.getAndSet(stamp))) {
        cycle();
      }
    }
  }

  @Scheduled(identity = "alert-evaluation", every = "${hedgedesk.alerts.evaluate-every:60s}", delayed = "15s",
      concurrentExecution = ConcurrentExecution.SKIP)
  void evaluate() {
    if (scheduled) {
      cycle();
    }
  }

  @Scheduled(identity = "alert-delivery", every = "${hedgedesk.alerts.deliver-every:5s}", delayed = "10s",
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

  private synchronized void cycle() {
    try {
      engine.evaluateAll();
      worker.deliverDue();
    } catch (RuntimeException e) {
      LOG.warnf("Alert evaluation failed: %s", e.getMessage());
    }
  }
}
