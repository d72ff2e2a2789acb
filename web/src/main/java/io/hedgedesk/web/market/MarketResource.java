package io.hedgedesk.web.market;

import io.hedgedesk.domain.Text;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.pricing.catalog.ContractCatalog;
import io.hedgedesk.web.planner.Planner;
import io.hedgedesk.web.planner.SvgChart;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.Formats;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The market page: every catalog contract's mark, index, basis and funding from the database, with where each
 * number came from and how old it is ({@link MarketBoard}); per contract its stored funding history as a chart and a
 * form to enter a manual mark.
 *
 * <p>Any logged-in user may enter a manual mark: market data is shared by everyone (no team owns a contract's
 * quote), and the team roles (owner, editor, viewer) protect a team's portfolios, which a mark does not touch; every
 * user is owner of a personal team anyway, so "editors only" would exclude nobody. The mark is labelled "manual",
 * is replaced by the next venue tick, and the entry is logged with the user's id.
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
   */
  public record ContractPage(Instrument instrument, MarketBoard.Row row, Optional<SvgChart> chart, String history,
                             int days, List<Integer> windows, String mark, String markError, String flash) {
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance market(Viewer viewer, List<MarketBoard.Row> rows, String liveStale);

    static native TemplateInstance contract(Viewer viewer, ContractPage page);
  }

  private final CurrentUser currentUser;
  private final MarketBoard board;
  private final ContractCatalog catalog;
  private final FundingHistoryRepository funding;
  private final MarketTickRepository ticks;
  private final Clock clock;

  public MarketResource(CurrentUser currentUser, MarketBoard board, ContractCatalog catalog,
      FundingHistoryRepository funding, MarketTickRepository ticks, Clock clock) {
    this.currentUser = currentUser;
    this.board = board;
    this.catalog = catalog;
    this.funding = funding;
    this.ticks = ticks;
    this.clock = clock;
  }

  @GET
  public TemplateInstance market() {
    return Templates.market(currentUser.viewer(), board.rows(), MarketBoard.LIVE_STALE_AFTER.toMinutes() + " min");
  }

  @GET
  @Path("{contractId}")
  public TemplateInstance contract(@RestPath String contractId, @RestQuery Integer days, @RestQuery String flash) {
    return page(instrument(contractId), days, "", "", Flash.message(flash));
  }

  /** Stores a manual mark as the contract's tick (source "manual"), then shows the contract again. */
  @POST
  @Path("{contractId}/mark")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response mark(@RestPath String contractId, @RestForm String mark) {
    Instrument instrument = instrument(contractId);
    String typed = mark == null ? "" : mark.strip();
    if (Text.hasNonAsciiDigit(typed)) {
      return invalid(instrument, typed, Text.ASCII_DIGITS_ONLY);
    }
    BigDecimal price;
    try {
      price = new BigDecimal(typed);
    } catch (NumberFormatException e) {
      return invalid(instrument, typed, "Enter the mark as a number, e.g. 64250.5.");
    }
    if (price.signum() <= 0) {
      return invalid(instrument, typed, "The mark must be positive.");
    }
    if (price.compareTo(MAX_MARK) >= 0 || price.scale() > 18) {
      return invalid(instrument, typed, "The mark must be below 1,000,000,000,000 with at most 18 decimals.");
    }
    ticks.upsert(new MarketTick(instrument.id(), price, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), MarketBoard.MANUAL, clock.instant()));
    LOG.infof("manual mark %s for %s entered by user %d", price.toPlainString(), instrument.id(), currentUser.id());
    return Flash.redirect("/market/" + instrument.id(), "mark-saved");
  }

  private Response invalid(Instrument instrument, String typed, String message) {
    return Response.status(400).entity(page(instrument, null, typed, message, "")).build();
  }

  private TemplateInstance page(Instrument instrument, Integer days, String mark, String markError, String flash) {
    int window = days != null && WINDOWS.contains(days) ? days : 90;
    Optional<FundingRateSeries> series = funding.series(instrument.id());
    Optional<SvgChart> chart = Optional.empty();
    String history = "No funding history of " + instrument.id() + " is stored; import one on the import page.";
    if (series.isPresent()) {
      FundingRateSeries s = series.get();
      LocalDate to = s.last().time().atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate from = window == 0 ? s.first().time().atZone(ZoneOffset.UTC).toLocalDate() : to.minusDays(window - 1L);
      chart = Optional.of(Planner.fundingChart(s, from, to));
      history = String.format(Locale.ROOT, "%,d settlements stored from %s to %s (%s); the chart sums each UTC day's "
          + "settlements from %s to %s.", s.size(), Formats.utc(s.first().time()),
          Formats.utc(s.last().time()), s.source(), from, to);
    }
    ContractPage page = new ContractPage(instrument, board.row(instrument), chart, history, window, WINDOWS, mark,
        markError, flash);
    return Templates.contract(currentUser.viewer(), page);
  }

  private Instrument instrument(String contractId) {
    return catalog.find(contractId == null ? "" : contractId.strip().toUpperCase(Locale.ROOT))
        .orElseThrow(NotFoundException::new);
  }
}
