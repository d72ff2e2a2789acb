package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.web.hedge.book.HedgeSnapshot;
import io.hedgedesk.web.hedge.book.InstallationHedges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the alert cycle over the bench data set (bench/alerts.sh prepares the database and runs this with
 * {@code -Dbench.alerts=run}; {@code migrate} only starts the application, which migrates and loads the shipped
 * history). Prints the time of whole cycles ({@link AlertEngine#evaluateAll}) and of their parts.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@EnabledIfSystemProperty(named = "bench.alerts", matches = "migrate|run")
class AlertCycleBench {

    @Inject
    AlertEngine engine;

    @Inject
    InstallationHedges hedges;

    @Inject
    AlertOutbox outbox;

    @Inject
    io.hedgedesk.persistence.hedge.OpenHedgeBook book;

    @Test
    void cycle() {
        if (!"run".equals(System.getProperty("bench.alerts"))) {
            return;
        }
        int rounds = Integer.getInteger("bench.alerts.rounds", 5);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            AlertEngine.Cycle c = engine.evaluateAll();
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            System.out.printf(
                    "BENCH alert cycle %d: %d open hedges, %d raised, %d re-armed in %d ms (this thread's CPU"
                            + " %d ms)%n",
                    i, c.hedges(), c.raised(), c.rearmed(), (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000);
        }
        long l0 = System.nanoTime();
        Map<Long, HedgeSnapshot> open = new LinkedHashMap<>();
        hedges.open(Optional.empty()).forEach(s -> open.put(s.access().hedge().id(), s));
        long l1 = System.nanoTime();
        long b0 = System.nanoTime();
        io.hedgedesk.persistence.hedge.OpenHedgeBook.Loaded loaded = book.load(Optional.empty());
        long b1 = System.nanoTime();
        System.out.printf(
                "BENCH parts: load %d hedges, %d ledger sums, %d portfolios' holdings %d ms%n",
                loaded.hedges().size(), loaded.sums().size(), loaded.holdings().size(), (b1 - b0) / 1_000_000);
        List<AlertEngine.Evaluated> e = engine.evaluate(new ArrayList<>(open.values()));
        long l2 = System.nanoTime();
        outbox.gates(open.keySet());
        long l3 = System.nanoTime();
        System.out.printf(
                "BENCH parts: value %d hedges %d ms, thresholds + checks %d ms (%d checks), gates %d ms%n",
                open.size(),
                (l1 - l0) / 1_000_000,
                (l2 - l1) / 1_000_000,
                e.stream().mapToInt(x -> x.checks().size()).sum(),
                (l3 - l2) / 1_000_000);
    }
}
