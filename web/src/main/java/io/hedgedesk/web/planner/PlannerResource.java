package io.hedgedesk.web.planner;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.catalog.ContractCatalog;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The hedge planner of a portfolio: a GET form (inputs in the URL, bookmarkable, no state change), and "record as
 * opened" (a confirmation page, then a POST with the CSRF token). Authorized like the portfolio pages: a portfolio
 * outside the user's teams is a 404; viewers may plan but not record.
 */
@Path("/portfolios/{portfolioId}/plan")
@Produces(MediaType.TEXT_HTML)
public class PlannerResource {

  static final int MAX_QUERY = 4000;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance plan(Viewer viewer, PlanPage page, String query);

    static native TemplateInstance confirm(Viewer viewer, PlanPage page, String strategy, List<RecordRow> hedges,
                                           List<String> tokens, String query, String digest, String problem);
  }

  private final CurrentUser currentUser;
  private final Planner planner;
  private final PlanRecorder recorder;
  private final PortfolioService portfolios;
  private final FormTokens formTokens;
  private final ContractCatalog catalog;

  public PlannerResource(CurrentUser currentUser, Planner planner, PlanRecorder recorder,
      PortfolioService portfolios, FormTokens formTokens, ContractCatalog catalog) {
    this.currentUser = currentUser;
    this.planner = planner;
    this.recorder = recorder;
    this.portfolios = portfolios;
    this.formTokens = formTokens;
    this.catalog = catalog;
  }

  @GET
  public TemplateInstance plan(@RestPath long portfolioId, @Context UriInfo uri) {
    String query = rawQuery(uri);
    return Templates.plan(currentUser.viewer(), planner.plan(currentUser.id(), portfolioId, parse(query)), query);
  }

  /** What "record as opened" would record, with the POST form (editors only). */
  @GET
  @Path("confirm")
  public TemplateInstance confirm(@RestPath long portfolioId, @RestQuery String strategy, @RestQuery String query) {
    portfolios.writable(currentUser.id(), portfolioId, "record hedges");
    String inputs = query == null ? "" : query;
    PlanRecorder.Strategy chosen = Inputs.choice("strategy", strategy, PlanRecorder.Strategy.class);
    PlanPage page = planner.plan(currentUser.id(), portfolioId, parse(inputs));
    List<OpenHedge> hedges = recorder.commands(page, chosen, parse(inputs));
    List<String> tokens = hedges.stream().map(h -> formTokens.issue().toString()).toList();
    return Templates.confirm(currentUser.viewer(), page, chosen.name(), RecordRow.of(hedges, catalog), tokens, inputs,
        PlanRecorder.digest(hedges), hedges.isEmpty() ? "This plan has no hedge to record." : "");
  }

  /**
   * Records the confirmed plan: it is computed again from the same inputs and recorded only if it is still what was
   * confirmed (prices can move in between), one hedge per leg in one transaction.
   */
  @POST
  @Path("record")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response record(@RestPath long portfolioId, @RestForm String strategy, @RestForm String query,
      @RestForm String digest, @RestForm("formToken") List<String> formTokenValues) {
    long userId = currentUser.id();
    portfolios.writable(userId, portfolioId, "record hedges");
    String inputs = query == null ? "" : query;
    PlanRecorder.Strategy chosen = Inputs.choice("strategy", strategy, PlanRecorder.Strategy.class);
    PlanPage page = planner.plan(userId, portfolioId, parse(inputs));
    List<OpenHedge> hedges = recorder.commands(page, chosen, parse(inputs));
    String problem = "";
    if (hedges.isEmpty()) {
      // Most often a second submission of a plan already recorded: the open hedges now insure what it planned.
      problem = "Nothing was recorded: " + (chosen == PlanRecorder.Strategy.PROXY
          ? page.proxyProblem().orElse("this plan has no hedge to record.")
          : "this plan has no hedge to record; coins already insured by open hedges are not hedged twice.");
    } else if (!PlanRecorder.digest(hedges).equals(digest)) {
      problem = "The plan changed since you confirmed it (a price or a holding moved). Check it again below.";
    } else if (formTokenValues == null || formTokenValues.size() != hedges.size()) {
      problem = "The form is incomplete. Check the plan again below.";
    }
    if (problem.isEmpty()) {
      try {
        List<UUID> tokens = formTokenValues.stream().map(FormTokens::parse).toList();
        List<Long> ids = recorder.record(userId, tokens, hedges);
        // One hedge: its page; several: the list of hedges.
        return Flash.redirect(ids.size() == 1 ? "/hedges/" + ids.get(0) : "/hedges", "hedge-opened");
      } catch (DuplicateSubmissionException e) {
        return Flash.redirect("/hedges", "already-saved");
      } catch (InvalidHedgeException e) {
        problem = String.join(" ", e.errors().values());
      }
    }
    List<String> tokens = hedges.stream().map(h -> formTokens.issue().toString()).toList();
    return Response.status(409).entity(Templates.confirm(currentUser.viewer(), page, chosen.name(),
        RecordRow.of(hedges, catalog), tokens, inputs, PlanRecorder.digest(hedges), problem)).build();
  }

  private static String rawQuery(UriInfo uri) {
    String raw = uri.getRequestUri().getRawQuery();
    return raw == null ? "" : raw;
  }

  /** A query string as name → values, in order. Over-long queries are cut (they are typed into the URL). */
  static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    String text = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
