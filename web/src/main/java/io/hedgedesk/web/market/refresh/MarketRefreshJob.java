package io.hedgedesk.web.market.refresh;

import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.web.market.venue.MarketSourceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Schedules the refresh every {@code hedgedesk.market.refresh.every} when the source is live; with the offline source
 * nothing is scheduled. An execution still running when the next is due makes the next one skip.
 */
@ApplicationScoped
public class MarketRefreshJob {

  static final String JOB = "market-refresh";

  private static final Logger LOG = Logger.getLogger(MarketRefreshJob.class);

  private final Scheduler scheduler;
  private final MarketDataSource source;
  private final MarketRefresher refresher;
  private final MarketSourceConfig config;

  public MarketRefreshJob(Scheduler scheduler, MarketDataSource source, MarketRefresher refresher,
      MarketSourceConfig config) {
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
    scheduler.newJob(JOB)
        .setInterval(config.refresh().every())
        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
        .setTask(execution -> refresher.refresh(source))
        .schedule();
    LOG.infof("market refresh from %s every %s", source.name(), config.refresh().every());
  }

  /** Whether the refresh job is scheduled. */
  public boolean scheduled() {
    return scheduler.getScheduledJob(JOB) != null;
  }
}
