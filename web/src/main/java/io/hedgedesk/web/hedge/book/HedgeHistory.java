package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.persistence.hedge.HedgeEventRow;
import io.hedgedesk.persistence.hedge.HedgeEvents;
import io.hedgedesk.persistence.hedge.HedgeHistoryFilter;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger events of the hedges in the user's teams, filtered ({@link HedgeEvents} reads them with a cursor), each
 * completed with its contract from the catalog: venue, quantity unit, face value and a trade's USD notional as the
 * contract's pricer computes it. Voided records are left out.
 */
@ApplicationScoped
public class HedgeHistory {

    private final HedgeEvents events;
    private final ContractCatalog catalog;

    public HedgeHistory(HedgeEvents events, ContractCatalog catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    /** At most {@code limit} rows, newest first (the history page). */
    public List<LedgerRow> list(long userId, HedgeHistoryFilter filter, int limit) {
        List<LedgerRow> rows = new ArrayList<>();
        events.stream(userId, filter, catalog.all(), limit, true, r -> rows.add(row(r)));
        return rows;
    }

    /**
     * Hands every matching row to {@code sink}, oldest first, without holding them. A portfolio filter outside the
     * user's teams is a {@link io.hedgedesk.persistence.NotFoundException}.
     *
     * @return the number of rows
     */
    public long stream(long userId, HedgeHistoryFilter filter, long limit, Consumer<LedgerRow> sink) {
        return events.stream(userId, filter, catalog.all(), limit, false, r -> sink.accept(row(r)));
    }

    /**
     * Writes the matching rows in the native export format (the columns of {@code LedgerCsv.NATIVE_HEADER}, without
     * the header) straight from PostgreSQL's {@code COPY}: see {@link HedgeEvents#copyNative}.
     *
     * @return the number of rows written
     */
    public long copyNative(long userId, HedgeHistoryFilter filter, OutputStream out) {
        return events.copyNative(userId, filter, catalog.all(), out);
    }

    /**
     * The stored event with its contract. A trade's USD notional is the pricer's
     * {@link PerpetualPricer#usdNotional}: {@code quantity × face value} (inverse) or
     * {@code quantity × coins per unit × price} (linear), unrounded.
     */
    private LedgerRow row(HedgeEventRow r) {
        Instrument instrument = catalog.get(r.contractId());
        Optional<BigDecimal> notional = r.quantity().isPresent() && r.price().isPresent()
                ? Optional.of(PerpetualPricer.of(instrument)
                        .usdNotional(instrument, r.quantity().get(), r.price().get())
                        .value())
                : Optional.empty();
        String unit = instrument.type() == ContractType.INVERSE
                ? "CONTRACTS"
                : instrument.baseAsset().symbol();
        return new LedgerRow(
                r.eventId(),
                r.occurredAt(),
                r.portfolioId(),
                r.portfolio(),
                r.member(),
                instrument.venue(),
                r.eventType(),
                r.hedgeId(),
                r.contractId(),
                instrument.baseAsset().symbol(),
                r.contractType(),
                r.side(),
                r.hedgeStatus(),
                r.quantity(),
                unit,
                instrument.contractSize(),
                r.price(),
                notional,
                r.fee(),
                r.fundingRate(),
                "FUNDING".equals(r.eventType()) ? Optional.of(r.cashChange()) : Optional.empty(),
                r.realizedPnl(),
                r.cashAsset(),
                r.settlementUsd(),
                r.cashChange(),
                r.cashChangeUsd(),
                r.correctsEventId(),
                r.note());
    }
}
