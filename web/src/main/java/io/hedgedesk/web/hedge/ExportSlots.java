package io.hedgedesk.web.hedge;

import io.hedgedesk.web.config.HedgedeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many CSV exports may be written at once. An export streams on a worker thread until its last row (a million
 * ledger rows take seconds); the pool has one thread per CPU ({@link io.hedgedesk.web.config.WorkerThreads}), so
 * without a limit a few large exports would hold every thread and stall every page. By default an export never takes
 * the last worker: {@code workers − 1} at once, at least one. {@code hedgedesk.export.max-concurrent} sets it.
 */
@ApplicationScoped
public class ExportSlots {

    private final Semaphore slots;
    private final int size;

    ExportSlots(@ConfigProperty(name = "quarkus.thread-pool.max-threads") OptionalInt workers, HedgedeskConfig config) {
        this.size = config.export().maxConcurrent().orElseGet(() -> Math.max(1, workers.orElse(2) - 1));
        if (size < 1) {
            throw new IllegalArgumentException("hedgedesk.export.max-concurrent must be at least 1, not " + size);
        }
        this.slots = new Semaphore(size);
    }

    /** How many exports may run at once. */
    public int size() {
        return size;
    }

    /** A slot for one export, or empty when all are taken (nobody waits: the user is told to try again). */
    public Optional<Slot> tryTake() {
        return slots.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    /** A taken slot; releasing it twice releases it once. */
    public final class Slot implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot() {}

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
