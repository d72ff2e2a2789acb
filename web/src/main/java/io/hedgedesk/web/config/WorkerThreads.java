package io.hedgedesk.web.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The default size of the worker pool that runs every page and API call: one thread per CPU the JVM may use (at least
 * two), instead of Quarkus's max(200, 8 × CPUs).
 *
 * <p>Why: every request here is CPU work on the same few cores (the page, the session cookie's decryption, and
 * PostgreSQL's side of its queries when the database is local). With 32 requests in flight and a thread for each, the
 * kernel shares the cores among all of them and every request waits for the others' time slices; with as many threads
 * as cores the rest wait in the pool's queue, first come first served. Same throughput, a far shorter tail: on 2 cores
 * the dashboard's p99 went from 29–52 ms (200 threads) and 19–38 ms (4) to 17–25 ms (2) (bench/README.md).
 *
 * <p>A database far away (each query waiting on the network) wants more threads: {@code QUARKUS_THREAD_POOL_MAX_THREADS}
 * in the environment (or the system property) overrides this default, which has the lowest ordinal of any source the
 * application reads its configuration from apart from the compiled defaults.
 */
public class WorkerThreads implements ConfigSource {

    static final String MAX_THREADS = "quarkus.thread-pool.max-threads";

    /** Below application.properties (250), the environment (300) and system properties (400). */
    static final int ORDINAL = 200;

    /** Threads for a machine on which the JVM may use {@code cpus} processors. */
    static int forCpus(int cpus) {
        return Math.max(2, cpus);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(MAX_THREADS, Integer.toString(forCpus(Runtime.getRuntime().availableProcessors())));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(MAX_THREADS);
    }

    @Override
    public String getValue(String propertyName) {
        return MAX_THREADS.equals(propertyName) ? getProperties().get(MAX_THREADS) : null;
    }

    @Override
    public String getName() {
        return "hedgedesk worker threads (one per CPU)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
