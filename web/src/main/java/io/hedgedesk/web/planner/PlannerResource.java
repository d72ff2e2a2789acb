package io.hedgedesk.web.planner;

import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The hedge planner of a portfolio: a GET form (inputs in the URL, bookmarkable, no state change). Authorized like the
 * portfolio pages: a portfolio outside the user's teams is a 404; viewers may plan.
 */
@Path("/portfolios/{portfolioId}/plan")
@Produces(MediaType.TEXT_HTML)
public class PlannerResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance plan(Viewer viewer, PlanPage page);
  }

  private final CurrentUser currentUser;
  private final Planner planner;

  public PlannerResource(CurrentUser currentUser, Planner planner) {
    this.currentUser = currentUser;
    this.planner = planner;
  }

  @GET
  public TemplateInstance plan(@RestPath long portfolioId, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    Planner.Query q = new Planner.Query() {
      @Override
      public String get(String field) {
        String value = query.getFirst(field);
        return value == null ? "" : value;
      }

      @Override
      public List<String> all(String field) {
        List<String> values = query.get(field);
        return values == null ? List.of() : List.copyOf(values);
      }
    };
    return Templates.plan(currentUser.viewer(), planner.plan(currentUser.id(), portfolioId, q));
  }
}
