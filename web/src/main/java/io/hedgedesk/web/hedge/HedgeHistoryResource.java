package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.hedge.HedgeHistoryFilter;
import io.hedgedesk.persistence.hedge.HedgeYears;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.hedge.book.HedgeHistory;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The hedge history of every portfolio of the user's teams, filtered by portfolio, asset, date range and status,
 * and its CSV export (native ledger format and tax-tool presets, see {@link LedgerCsv}), streamed from the database.
 * Viewers may read and export.
 */
@Path("/hedges")
public class HedgeHistoryResource {

    private static final Logger LOG = Logger.getLogger(HedgeHistoryResource.class);

    /** Rows shown on the page; the export has no limit. */
    static final int PAGE_LIMIT = 500;

    static final String BUSY_MESSAGE = "Other exports are being written right now; try again in a few seconds.";
    private static final String BUSY_RETRY_SECONDS = "5";

    /** The page: filters as typed, portfolios to choose from, rows (newest first), years, the export query string. */
    public record Page(
            List<PortfolioAccess> portfolios,
            String portfolio,
            String asset,
            String from,
            String to,
            String status,
            List<HistoryRows.Row> rows,
            boolean truncated,
            String query,
            List<HistoryRows.YearRow> years) {

        public boolean isSelected(long portfolioId) {
            return portfolio.equals(Long.toString(portfolioId));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(Viewer viewer, Page page, Map<String, String> errors, String flash);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final HedgeHistory history;
    private final Clock clock;
    private final ExportSlots exportSlots;
    private final RoutingContext request;
    private final HedgeYears years;

    public HedgeHistoryResource(
            CurrentUser currentUser,
            PortfolioService portfolios,
            HedgeHistory history,
            Clock clock,
            ExportSlots exportSlots,
            RoutingContext request,
            HedgeYears years) {
        this.years = years;
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.history = history;
        this.clock = clock;
        this.exportSlots = exportSlots;
        this.request = request;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(
            @RestQuery String portfolio,
            @RestQuery String asset,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String status,
            @RestQuery String flash) {
        HedgeHistoryFilter filter;
        try {
            filter = filter(portfolio, asset, from, to, status);
        } catch (InvalidHedgeException e) {
            return invalid(e, portfolio, asset, from, to, status);
        }
        Page page = page(filter, portfolio, asset, from, to, status);
        return Response.ok(Templates.history(currentUser.viewer(), page, Map.of(), Flash.message(flash)))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The page of a valid filter: the first {@link #PAGE_LIMIT} rows. */
    private Page page(
            HedgeHistoryFilter filter, String portfolio, String asset, String from, String to, String status) {
        long userId = currentUser.id();
        List<HistoryRows.Row> rows = history.list(userId, filter, PAGE_LIMIT + 1).stream()
                .map(HistoryRows.Row::new)
                .toList();
        boolean truncated = rows.size() > PAGE_LIMIT;
        return new Page(
                portfolios.listAll(userId),
                text(portfolio),
                text(asset),
                text(from),
                text(to),
                text(status),
                truncated ? rows.subList(0, PAGE_LIMIT) : rows,
                truncated,
                query(portfolio, asset, from, to, status),
                years.of(userId, filter).stream().map(HistoryRows.YearRow::new).toList());
    }

    /** The page with the filters as typed and the reasons they were refused (400). */
    private Response invalid(
            InvalidHedgeException e, String portfolio, String asset, String from, String to, String status) {
        Page page = new Page(
                portfolios.listAll(currentUser.id()),
                text(portfolio),
                text(asset),
                text(from),
                text(to),
                text(status),
                List.of(),
                false,
                query(portfolio, asset, from, to, status),
                List.of());
        return Response.status(400)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.history(currentUser.viewer(), page, e.errors(), ""))
                .build();
    }

    /** The page again, saying that every export slot is taken (503, try again shortly). */
    private Response busy(
            HedgeHistoryFilter filter, String portfolio, String asset, String from, String to, String status) {
        LOG.infof("Hedge ledger export refused: all %d export slots busy", exportSlots.size());
        Page page = page(filter, portfolio, asset, from, to, status);
        return Response.status(503)
                .type(MediaType.TEXT_HTML_TYPE)
                .header("Retry-After", BUSY_RETRY_SECONDS)
                .header("Cache-Control", "no-store")
                .entity(Templates.history(currentUser.viewer(), page, Map.of("export", BUSY_MESSAGE), ""))
                .build();
    }

    @GET
    @Path("export.csv")
    public Response export(
            @RestQuery String format,
            @RestQuery String portfolio,
            @RestQuery String asset,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String status) {
        long userId = currentUser.id();
        LedgerCsv.Format csvFormat;
        HedgeHistoryFilter filter;
        try {
            csvFormat = LedgerCsv.Format.of(format)
                    .orElseThrow(
                            () -> InvalidHedgeException.of("format", "Choose native, koinly, cointracker or rotki."));
            filter = filter(portfolio, asset, from, to, status);
        } catch (InvalidHedgeException e) {
            return invalid(e, portfolio, asset, from, to, status);
        }
        String name = filter.portfolioId()
                .map(id -> slug(portfolios.access(userId, id).portfolio().name()))
                .orElse("all-portfolios");
        String fileName = "hedges-" + name + "-" + LocalDate.now(clock) + "-" + csvFormat.key() + ".csv";
        Optional<ExportSlots.Slot> taken = exportSlots.tryTake();
        if (taken.isEmpty()) {
            return busy(filter, portfolio, asset, from, to, status);
        }
        ExportSlots.Slot slot = taken.get();
        // Freed when the response has ended, written or not (a client gone mid-way, a failure before the first row).
        request.addEndHandler(ended -> slot.close());
        LOG.infof("Hedge ledger export (%s) by user %d", csvFormat.key(), userId);
        StreamingOutput body = csvFormat == LedgerCsv.Format.NATIVE
                ? out -> {
                    try (slot) {
                        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                        buffered.write(
                                (String.join(",", LedgerCsv.NATIVE_HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
                        history.copyNative(userId, filter, buffered);
                        buffered.flush();
                    }
                }
                : out -> {
                    try (slot) {
                        BufferedWriter writer =
                                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                        LedgerCsv csv = new LedgerCsv(csvFormat, writer);
                        history.stream(userId, filter, Long.MAX_VALUE, csv::write);
                        csv.flush();
                        writer.flush();
                    }
                };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static HedgeHistoryFilter filter(String portfolio, String asset, String from, String to, String status) {
        Parse p = new Parse();
        Optional<Long> portfolioId = p.id(portfolio, "portfolio");
        Optional<LocalDate> fromDay = p.date(from, "from");
        Optional<LocalDate> toDay = p.date(to, "to");
        Optional<HedgeStatus> hedgeStatus = status == null || status.isBlank()
                ? Optional.empty()
                : Optional.ofNullable(p.choice(HedgeStatus.class, status, "status"));
        p.check();
        return new HedgeHistoryFilter(portfolioId, Optional.ofNullable(asset), fromDay, toDay, hedgeStatus);
    }

    /** A file-name-safe form of a portfolio name: letters and digits, other runs as one dash. */
    static String slug(String name) {
        String slug = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "portfolio" : slug.length() > 40 ? slug.substring(0, 40) : slug;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String query(String portfolio, String asset, String from, String to, String status) {
        return "portfolio=" + enc(portfolio) + "&asset=" + enc(asset) + "&from=" + enc(from) + "&to=" + enc(to)
                + "&status=" + enc(status);
    }

    private static String enc(String value) {
        return URLEncoder.encode(text(value), StandardCharsets.UTF_8);
    }
}
