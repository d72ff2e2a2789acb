package io.hedgedesk.marketdata.refresh;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.MarketDataSource;
import io.hedgedesk.persistence.hedge.OpenHedgeContracts;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketDataStoreException;
import io.hedgedesk.persistence.market.MarketTickRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fetches the latest tick and the recent funding settlements of every contract an open hedge is held in, and stores
 * them with the idempotent upserts. One contract failing (venue error, time-out) never stops the others.
 */
@ApplicationScoped
public class MarketRefresher {

    /** How far back each refresh re-reads funding settlements: covers a missed day of refreshes at any interval. */
    static final Duration RECENT_FUNDING = Duration.ofDays(2);

    private static final Logger LOG = Logger.getLogger(MarketRefresher.class);

    private final OpenHedgeContracts openHedges;
    private final ContractCatalog catalog;
    private final MarketTickRepository ticks;
    private final FundingHistoryRepository funding;
    private final Clock clock;
    private volatile RefreshReport last;

    public MarketRefresher(
            OpenHedgeContracts openHedges,
            ContractCatalog catalog,
            MarketTickRepository ticks,
            FundingHistoryRepository funding,
            Clock clock) {
        this.openHedges = openHedges;
        this.catalog = catalog;
        this.ticks = ticks;
        this.funding = funding;
        this.clock = clock;
    }

    /**
     * Refreshes the open hedges' contracts from {@code source}. The scheduled refresh calls this on a thread of its own,
     * where no request context is active: this method then has one (the reads outside a transaction need it).
     */
    @ActivateRequestContext
    public RefreshReport refresh(MarketDataSource source) {
        Instant now = clock.instant();
        List<String> refreshed = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String contractId : openHedges.contractIds()) {
            Optional<Instrument> contract = catalog.find(contractId);
            if (contract.isEmpty()) {
                failed.put(contractId, "not in the contract catalog");
            } else if (!source.supports(contract.get())) {
                failed.put(contractId, source.name() + " does not serve it");
            } else {
                refresh(source, contract.get(), now, refreshed, failed);
            }
        }
        RefreshReport report = new RefreshReport(now, source.name(), refreshed, failed);
        if (!failed.isEmpty()) {
            LOG.warnf("market refresh from %s: %d refreshed, failed: %s", source.name(), refreshed.size(), failed);
        }
        last = report;
        return report;
    }

    /** The last refresh's report, if one ran since start. */
    public Optional<RefreshReport> last() {
        return Optional.ofNullable(last);
    }

    private void refresh(
            MarketDataSource source,
            Instrument contract,
            Instant now,
            List<String> refreshed,
            Map<String, String> failed) {
        try {
            ticks.upsert(source.ticker(contract));
            refreshed.add(contract.id());
            source.fundingHistory(
                    contract,
                    now.minus(RECENT_FUNDING),
                    now,
                    (page, text) -> funding.upsert(new FundingRateSeries(contract.id(), text, page)));
        } catch (MarketDataException | MarketDataStoreException e) {
            failed.put(contract.id(), e.getMessage());
        }
    }
}
