package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.hedge.book.HedgeVoids;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.support.Recorded;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Hedge positions: the manual "record an opened hedge" form, the tracking page with its ledger, and actions
 * (increase, reduce, close, funding, fee, margin, note) through a validated form and a confirmation step, and
 * voiding what was recorded by mistake.
 * Viewers see everything and get no forms; their writes are refused (403) and change nothing.
 */
@Path("/hedges/{hedgeId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class HedgeResource {

  private static final Logger LOG = Logger.getLogger(HedgeResource.class);

  /** The types an action form may choose. */
  static final List<String> ACTION_TYPES = List.of("INCREASE", "REDUCE", "CLOSE", "FUNDING", "FEE", "MARGIN_IN",
      "MARGIN_OUT", "NOTE");

  /** The tracking page. */
  public record TrackPage(HedgeView hedge, List<EventView> events, HedgeForms.ActionForm action,
                          List<String> actionTypes, String conflict, HedgeForms.TargetsForm targets,
                          String refusal, String voidToken, HedgeCharts.Pictures pictures) {
  }

  /**
   * The confirmation step: what will be recorded, and its effect computed with the pricing module; or, when its
   * submission key was used already, what that submission recorded.
   */
  public record ConfirmPage(HedgeView hedge, HedgeForms.ActionForm action, List<String> effects, Recorded recorded) {
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance track(Viewer viewer, TrackPage page, Map<String, String> errors, String flash);

    static native TemplateInstance confirm(Viewer viewer, ConfirmPage page);
  }

  private final CurrentUser currentUser;
  private final PortfolioService portfolios;
  private final HedgeBookService book;
  private final HedgeTracker tracker;
  private final FormTokens formTokens;
  private final HedgeVoids voids;
  private final OnceKey once;
  private final HedgeCharts charts;

  public HedgeResource(CurrentUser currentUser, PortfolioService portfolios, HedgeBookService book,
                       HedgeTracker tracker, FormTokens formTokens, HedgeVoids voids, OnceKey once,
                       HedgeCharts charts) {
    this.once = once;
    this.charts = charts;
    this.voids = voids;
    this.currentUser = currentUser;
    this.portfolios = portfolios;
    this.book = book;
    this.tracker = tracker;
    this.formTokens = formTokens;
  }

  // -------------------------------------------------------------------------------------------- tracking

  @GET
  public TemplateInstance track(@RestPath long hedgeId, @RestQuery String flash) {
    HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
    return Templates.track(currentUser.viewer(), trackPage(view, HedgeForms.ActionForm.empty(view.version()), ""),
        Map.of(), Flash.message(flash));
  }

  private TrackPage trackPage(HedgeView view, HedgeForms.ActionForm action, String conflict) {
    return trackPage(view, action, conflict, HedgeForms.TargetsForm.of(view), "");
  }

  private TrackPage trackPage(HedgeView view, HedgeForms.ActionForm action, String conflict,
                              HedgeForms.TargetsForm targets, String refusal) {
    List<io.hedgedesk.domain.hedge.HedgeEvent> ledger = book.events(currentUser.id(), view.id());
    List<EventView> events = ledger.stream().map(EventView::new).toList();
    HedgeCharts.Pictures pictures = charts.of(currentUser.id(), book.hedge(currentUser.id(), view.id()), ledger);
    return new TrackPage(view, events, action, ACTION_TYPES, conflict, targets, refusal, once.token(), pictures);
  }

  /**
   * Step 1: validates the action; a valid one is redirected to the review page (post/redirect/get, with a new
   * submission key in its address), an invalid one is the hedge's page with the banner. Nothing is saved.
   */
  @POST
  @Path("confirm")
  public Response confirm(@RestPath long hedgeId, @BeanParam HedgeForms.ActionForm form) {
    HedgeBookService.HedgeAccess access = actable(hedgeId);
    try {
      book.preview(access, action(form));
      return Response.seeOther(HedgeForms.reviewUri(hedgeId, form.withToken(formTokens.issue().toString())))
          .build();
    } catch (InvalidHedgeException e) {
      LOG.infof("Hedge action refused for user %d: fields %s", currentUser.id(), e.errors().keySet());
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      return Response.status(400).entity(Templates.track(currentUser.viewer(), trackPage(view, form, ""), e.errors(),
          "")).build();
    }
  }

  /**
   * The review page of an action (its fields and submission key in the address, so refresh and Back show it again
   * and never post anything): what it will record, or, once its key was used, what was recorded.
   */
  @GET
  @Path("confirm")
  public Response review(@RestPath long hedgeId, @BeanParam HedgeForms.ActionQuery query) {
    HedgeBookService.HedgeAccess access = actable(hedgeId);
    HedgeForms.ActionForm form = query.form();
    Optional<UUID> key = HedgeForms.key(form.formToken());
    if (key.isEmpty()) {
      return Response.seeOther(HedgeForms.reviewUri(hedgeId, form.withToken(formTokens.issue().toString()))).build();
    }
    HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
    Optional<FormTokens.Submission> done = formTokens.find(key.get(), currentUser.id());
    if (done.isPresent()) {
      return Response.ok(Templates.confirm(currentUser.viewer(), new ConfirmPage(view, form, List.of(),
          Recorded.of(done.get(), "This action", "/hedges/" + hedgeId + "#event-")))).build();
    }
    try {
      List<String> effects = HedgeEffects.of(access, book.preview(access, action(form)));
      return Response.ok(Templates.confirm(currentUser.viewer(), new ConfirmPage(view, form, effects, null))).build();
    } catch (InvalidHedgeException e) {
      return Response.status(400).entity(Templates.track(currentUser.viewer(), trackPage(view, form, ""), e.errors(),
          "")).build();
    }
  }

  /** Step 2: records the confirmed action (single-use token, version checked). */
  @POST
  @Path("actions")
  public Response act(@RestPath long hedgeId, @BeanParam HedgeForms.ActionForm form) {
    actable(hedgeId);
    UUID token = FormTokens.parse(form.formToken());
    long version = form.version() == null ? -1 : form.version();
    try {
      book.act(currentUser.id(), hedgeId, token, version, action(form));
      return Flash.redirect("/hedges/" + hedgeId, "hedge-recorded");
    } catch (InvalidHedgeException e) {
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      return Response.status(400).entity(Templates.track(currentUser.viewer(), trackPage(view, form, ""), e.errors(),
          "")).build();
    } catch (StaleEditException e) {
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      LOG.infof("Edit conflict on hedge %d by user %d (submitted version %d, stored %d)", hedgeId, currentUser.id(),
          version, view.version());
      return Response.status(409).entity(Templates.track(currentUser.viewer(), trackPage(view,
          new HedgeForms.ActionForm(form.type(), form.quantity(), form.price(), form.amount(), form.fee(),
              form.fundingRate(), form.usdPrice(), form.occurredAt(), form.note(), form.correctsEventId(),
              view.version(), ""),
          "Someone recorded something on this hedge meanwhile. Nothing was saved. The current position is shown;"
              + " check it and submit again if you still want your action."), Map.of(), "")).build();
    } catch (DuplicateSubmissionException e) {
      return Flash.redirect("/hedges/" + hedgeId, "already-saved");
    }
  }

  @POST
  @Path("targets")
  public Response targets(@RestPath long hedgeId, @BeanParam HedgeForms.TargetsForm form) {
    actable(hedgeId);
    Parse p = new Parse();
    Optional<BigDecimal> stop = p.decimal(form.stopPrice(), "stopPrice", "Stop at price");
    Optional<BigDecimal> take = p.decimal(form.takeProfitPrice(), "takeProfitPrice", "Take profit at price");
    Optional<BigDecimal> funding = p.decimal(form.maxFundingCostUsd(), "maxFundingCostUsd", "Maximum funding cost");
    try {
      p.check();
      book.setTargets(currentUser.id(), hedgeId, form.version() == null ? -1 : form.version(), stop, take, funding);
      return Flash.redirect("/hedges/" + hedgeId, "targets-saved");
    } catch (InvalidHedgeException e) {
      // the typed values stay in the form; the message heads the page, each field shows its own
      LOG.infof("Close targets refused for user %d: fields %s", currentUser.id(), e.errors().keySet());
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      String refusal = "Nothing was saved: " + e.errors().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(Map.Entry::getValue).collect(Collectors.joining(" "));
      return Response.status(400).entity(Templates.track(currentUser.viewer(),
          trackPage(view, HedgeForms.ActionForm.empty(view.version()), "", form.withVersion(view.version()),
              refusal), e.errors(), "")).build();
    } catch (StaleEditException e) {
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      return Response.status(409).entity(Templates.track(currentUser.viewer(),
          trackPage(view, HedgeForms.ActionForm.empty(view.version()), "Someone changed this hedge meanwhile."
              + " Nothing was saved."), Map.of(), "")).build();
    }
  }

  @POST
  @Path("mark")
  public Response mark(@RestPath long hedgeId, @RestForm String mark, @RestForm Long version) {
    actable(hedgeId);
    Parse p = new Parse();
    BigDecimal price = p.required(mark, "mark", "Price of the coin now");
    try {
      p.check();
      book.enterMark(currentUser.id(), hedgeId, version == null ? -1 : version, price);
      return Flash.redirect("/hedges/" + hedgeId, "price-saved");
    } catch (InvalidHedgeException e) {
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      return Response.status(400).entity(Templates.track(currentUser.viewer(),
          trackPage(view, HedgeForms.ActionForm.empty(view.version()), ""), e.errors(), "")).build();
    } catch (StaleEditException e) {
      return Flash.redirect("/hedges/" + hedgeId, "already-saved");
    }
  }

  /**
   * "Recorded by mistake": voids the hedge (no event chosen) or one of its events; the voided rows stay on the page,
   * struck through. A refusal is the hedge's page with the banner.
   */
  @POST
  @Path("void")
  public Response voidRecorded(@RestPath long hedgeId, @RestForm String eventId, @RestForm String reason,
                               @RestForm Long version, @RestForm String formToken) {
    actable(hedgeId);
    Parse p = new Parse();
    Optional<Long> event = p.id(eventId, "eventId");
    try {
      p.check();
      voids.voidRecorded(currentUser.id(), hedgeId, FormTokens.parse(formToken), version == null ? -1 : version,
          event, reason);
      return Flash.redirect("/hedges/" + hedgeId, "hedge-voided");
    } catch (InvalidHedgeException | StaleEditException e) {
      Map<String, String> errors = e instanceof InvalidHedgeException invalid ? invalid.errors() : Map.of("eventId",
          "Someone recorded something on this hedge meanwhile; check the ledger and void again.");
      HedgeView view = new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
      return Response.status(e instanceof StaleEditException ? 409 : 400).entity(Templates.track(
          currentUser.viewer(), trackPage(view, HedgeForms.ActionForm.empty(view.version()), ""), errors, ""))
          .build();
    } catch (DuplicateSubmissionException e) {
      return Flash.redirect("/hedges/" + hedgeId, "already-saved");
    }
  }

  /** The hedge, if the user may act on it: another team's is a 404, a viewer's a 403. */
  private HedgeBookService.HedgeAccess actable(long hedgeId) {
    HedgeBookService.HedgeAccess access = book.hedge(currentUser.id(), hedgeId);
    if (!access.canAct()) {
      throw new RoleRefusedException(access.portfolio().role(), "act on hedges");
    }
    return access;
  }

  static HedgeAction action(HedgeForms.ActionForm form) {
    Parse p = new Parse();
    HedgeEventType type = p.choice(HedgeEventType.class, form.type(), "type");
    if (type == HedgeEventType.OPEN) {
      p.fail("type", "Choose one from the list.");
    }
    Optional<BigDecimal> quantity = p.decimal(form.quantity(), "quantity", "Quantity");
    Optional<BigDecimal> price = p.decimal(form.price(), "price", "Fill price");
    Optional<BigDecimal> amount = p.decimal(form.amount(), "amount", "Amount");
    Optional<BigDecimal> fee = p.decimal(form.fee(), "fee", "Trading fee");
    Optional<BigDecimal> rate = p.decimal(form.fundingRate(), "fundingRate", "Funding rate");
    Optional<BigDecimal> usd = p.decimal(form.usdPrice(), "usdPrice", "USD price of the settlement asset");
    Optional<java.time.Instant> at = p.utcTime(form.occurredAt(), "occurredAt");
    Optional<Long> corrects = p.id(form.correctsEventId(), "correctsEventId");
    p.check();
    return new HedgeAction(type, quantity, price, amount, fee, rate, usd, at, form.note(), corrects);
  }
}
