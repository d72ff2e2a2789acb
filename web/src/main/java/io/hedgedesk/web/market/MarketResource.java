package io.hedgedesk.web.market;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.pricing.market.QuoteMath;
import io.hedgedesk.web.binding.BadNumberException;
import io.hedgedesk.web.binding.NumberBinder;
import io.hedgedesk.web.binding.NumberBinder.Field;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.InstallationAdmin;
import io.hedgedesk.web.user.Viewer;
import io.hedgedesk.web.view.Times;
import io.hedgedesk.web.view.chart.FundingChart;
import io.hedgedesk.web.view.chart.SvgChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The market page: every catalog contract's mark, index, basis and funding from the database, with where each
 * number came from and how old it is ({@link MarketBoard}); per contract its stored funding history as a chart and a
 * form to enter a manual mark.
 *
 * <p>A contract's mark belongs to the installation, not to a team: every team's hedges on the contract are valued
 * with it. So only installation administrators ({@link InstallationAdmin}) may enter one; everyone else sees the
 * data without the form, and a posted mark is refused (403) before anything is read. A mark more than 50 % away
 * from the one shown ({@link QuoteMath#needsConfirmation}) is stored only after a second step that shows both
 * values. The mark is labelled "manual" with who entered it and when, is replaced by the next venue tick, and the
 * entry is logged with the user's id.
 */
@Path("/market")
@Produces(MediaType.TEXT_HTML)
public class MarketResource {

    private static final Logger LOG = Logger.getLogger(MarketResource.class);

    /** Chart windows offered, in days back from the latest stored settlement (0 = all). */
    static final List<Integer> WINDOWS = List.of(30, 90, 365, 0);

    private static final BigDecimal MAX_MARK = new BigDecimal("1e12");

    /**
     * The contract page's model.
     *
     * @param chart    the stored funding per day over the window, if any history is stored
     * @param history  e.g. "8,525 settlements from … to …", or why there is no chart
     * @param admin    whether the viewer may enter a mark (the form is shown only then)
     * @param confirm  a typed mark far from the last one, waiting for confirmation
     */
    public record ContractPage(
            Instrument instrument,
            MarketBoard.Row row,
            Optional<SvgChart> chart,
            String history,
            int days,
            List<Integer> windows,
            String mark,
            String markError,
            String flash,
            boolean admin,
            Optional<MarkConfirmation> confirm) {}

    /**
     * A mark to confirm: {@code mark} and {@code last} as typed/stored (plain numbers, carried by the form), the same
     * for people, and how far apart they are in percent.
     */
    public record MarkConfirmation(String mark, String markShown, String last, String lastShown, String distance) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance market(
                Viewer viewer, List<MarketBoard.Row> rows, String liveStale, boolean admin);

        static native TemplateInstance contract(Viewer viewer, ContractPage page);
    }

    private final CurrentUser currentUser;
    private final InstallationAdmin admin;
    private final MarketBoard board;
    private final ContractCatalog catalog;
    private final FundingHistoryRepository funding;
    private final MarketTickRepository ticks;
    private final Clock clock;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<io.hedgedesk.web.support.MarkStored> markStored;

    public MarketResource(
            CurrentUser currentUser,
            InstallationAdmin admin,
            MarketBoard board,
            ContractCatalog catalog,
            FundingHistoryRepository funding,
            MarketTickRepository ticks,
            Clock clock) {
        this.currentUser = currentUser;
        this.admin = admin;
        this.board = board;
        this.catalog = catalog;
        this.funding = funding;
        this.ticks = ticks;
        this.clock = clock;
    }

    @GET
    public TemplateInstance market() {
        return Templates.market(
                currentUser.viewer(), board.rows(), MarketBoard.LIVE_STALE_AFTER.toMinutes() + " min", admin.isAdmin());
    }

    /** The contract; with {@code confirmMark} (an administrator's mark far from the last one) its confirmation. */
    @GET
    @Path("{contractId}")
    public TemplateInstance contract(
            @RestPath String contractId,
            @RestQuery Integer days,
            @RestQuery String flash,
            @RestQuery String confirmMark) {
        Instrument instrument = instrument(contractId);
        Optional<MarkConfirmation> confirm = Optional.empty();
        if (admin.isAdmin() && confirmMark != null) {
            confirm = positive(confirmMark).flatMap(price -> confirmation(instrument, price));
        }
        return page(
                instrument, days, confirm.map(MarkConfirmation::mark).orElse(""), "", Flash.message(flash), confirm);
    }

    /**
     * Stores a manual mark as the contract's tick (source "manual", with the user as its writer), then shows the
     * contract again. A mark more than 50 % away from the last one is first sent to its confirmation; it is stored
     * when posted again with {@code confirmedFrom} equal to the last mark it was compared with.
     */
    @POST
    @Path("{contractId}/mark")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(InstallationAdmin.ROLE)
    public Response mark(@RestPath String contractId, @RestForm String mark, @RestForm String confirmedFrom) {
        Instrument instrument = instrument(contractId);
        String typed = mark == null ? "" : mark.strip();
        BigDecimal price;
        try {
            price = NumberBinder.positive(Field.labelled("mark", "Mark price"), typed);
        } catch (BadNumberException e) {
            return invalid(instrument, typed, e.getMessage());
        }
        if (price.compareTo(MAX_MARK) >= 0) {
            return invalid(instrument, typed, "Mark price must be below 1,000,000,000,000");
        }
        Optional<MarkConfirmation> confirm = confirmation(instrument, price);
        if (confirm.isPresent() && !confirm.get().last().equals(confirmedFrom == null ? "" : confirmedFrom.strip())) {
            // nothing stored: the confirmation (a GET, so reloading it is harmless) shows both values
            return Response.seeOther(UriBuilder.fromPath("/market/{id}")
                            .queryParam("confirmMark", price.toPlainString())
                            .build(instrument.id()))
                    .build();
        }
        long userId = currentUser.id();
        ticks.upsert(
                new MarketTick(
                        instrument.id(),
                        price,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        MarketBoard.MANUAL,
                        clock.instant()),
                OptionalLong.of(userId));
        markStored.fire(
                new io.hedgedesk.web.support.MarkStored("mark of " + instrument.id(), Optional.of(instrument.id())));
        LOG.infof(
                "manual mark %s for %s entered by user %d%s",
                price.toPlainString(),
                instrument.id(),
                userId,
                confirm.map(c -> " (confirmed, " + c.distance() + " from " + c.last() + ")")
                        .orElse(""));
        return Flash.redirect("/market/" + instrument.id(), "mark-saved");
    }

    /** The confirmation {@code price} needs against the contract's last mark, if it is more than 50 % away. */
    private Optional<MarkConfirmation> confirmation(Instrument instrument, BigDecimal price) {
        return board.lastMark(instrument)
                .filter(last -> QuoteMath.needsConfirmation(last, price))
                .map(last -> new MarkConfirmation(
                        price.toPlainString(),
                        MarketBoard.price(price),
                        last.stripTrailingZeros().toPlainString(),
                        MarketBoard.price(last),
                        MarketBoard.percent(QuoteMath.relativeDistance(last, price), 1)));
    }

    private static Optional<BigDecimal> positive(String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return value.signum() > 0 && value.compareTo(MAX_MARK) < 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Response invalid(Instrument instrument, String typed, String message) {
        return Response.status(400)
                .entity(page(instrument, null, typed, message, "", Optional.empty()))
                .build();
    }

    private TemplateInstance page(
            Instrument instrument,
            Integer days,
            String mark,
            String markError,
            String flash,
            Optional<MarkConfirmation> confirm) {
        int window = days != null && WINDOWS.contains(days) ? days : 90;
        Optional<FundingRateSeries> series = funding.series(instrument.id());
        Optional<SvgChart> chart = Optional.empty();
        String history = "No funding history of " + instrument.id() + " is stored; import one on the import page.";
        if (series.isPresent()) {
            FundingRateSeries s = series.get();
            LocalDate to = s.last().time().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate from =
                    window == 0 ? s.first().time().atZone(ZoneOffset.UTC).toLocalDate() : to.minusDays(window - 1L);
            chart = Optional.of(FundingChart.of(s, from, to));
            history = String.format(
                    Locale.ROOT,
                    "%,d settlements stored from %s to %s (%s); the chart sums each UTC day's "
                            + "settlements from %s to %s.",
                    s.size(),
                    Times.utc(s.first().time()),
                    Times.utc(s.last().time()),
                    s.source(),
                    from,
                    to);
        }
        ContractPage page = new ContractPage(
                instrument,
                board.row(instrument),
                chart,
                history,
                window,
                WINDOWS,
                mark,
                markError,
                flash,
                admin.isAdmin(),
                confirm);
        return Templates.contract(currentUser.viewer(), page);
    }

    private Instrument instrument(String contractId) {
        return catalog.find(contractId == null ? "" : contractId.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(NotFoundException::new);
    }
}
