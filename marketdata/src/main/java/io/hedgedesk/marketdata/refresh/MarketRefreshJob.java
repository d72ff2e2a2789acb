package io.hedgedesk.marketdata.refresh;

import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.marketdata.venue.MarketSourceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Schedules the refresh every {@code hedgedesk.market.refresh.every} when the source is live; with the offline source
 * nothing is scheduled. An execution still running when the next is due makes the next one skip.
 *
 * <p>It runs on a thread of its own, not on the worker pool that serves the pages: that pool has one thread per CPU
 * (the web application sizes it), and a refresh mostly waits on the exchange (up to three attempts
 * with a 10 s read time-out each), which would leave the pages one thread short for as long.
 */
@ApplicationScoped
public class MarketRefreshJob {

    public static final String JOB = "market-refresh";
    public static final String THREAD = "market-refresh";

    private static final Logger LOG = Logger.getLogger(MarketRefreshJob.class);

    private final Scheduler scheduler;
    private final MarketDataSource source;
    private final MarketRefresher refresher;
    private final MarketSourceConfig config;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread refresh = new Thread(task, THREAD);
        refresh.setDaemon(true);
        return refresh;
    });

    public MarketRefreshJob(
            Scheduler scheduler, MarketDataSource source, MarketRefresher refresher, MarketSourceConfig config) {
        this.scheduler = scheduler;
        this.source = source;
        this.refresher = refresher;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!source.live()) {
            LOG.info("market data source is offline: no refresh is scheduled");
            return;
        }
        scheduler
                .newJob(JOB)
                .setInterval(config.refresh().every())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> Uni.createFrom()
                        .item(() -> refresher.refresh(source))
                        .runSubscriptionOn(thread)
                        .replaceWithVoid())
                .schedule();
        LOG.infof(
                "market refresh from %s every %s",
                source.name(), config.refresh().every());
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /** Whether the refresh job is scheduled. */
    public boolean scheduled() {
        return scheduler.getScheduledJob(JOB) != null;
    }
}
