package io.hedgedesk.web.backtest;

import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The backtest of a portfolio's bag and a hedge policy over the stored history: a GET form (inputs in the URL,
 * bookmarkable, nothing stored) and the daily path as CSV. Authorized like the planner: a portfolio outside the
 * user's teams is a 404; viewers may backtest.
 */
@Path("/portfolios/{portfolioId}/backtest")
public class BacktestResource {

    /** Longer queries are cut (they are typed into the URL). */
    static final int MAX_QUERY = 4000;

    static final int MAX_VALUES = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance backtest(Viewer viewer, BacktestPage page, String query);
    }

    private final CurrentUser currentUser;
    private final BacktestService service;

    public BacktestResource(CurrentUser currentUser, BacktestService service) {
        this.currentUser = currentUser;
        this.service = service;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance backtest(@RestPath long portfolioId, @Context UriInfo uri) {
        BacktestForm form = form(uri);
        return Templates.backtest(currentUser.viewer(), service.page(currentUser.id(), portfolioId, form), query(uri));
    }

    /** The daily path as CSV, an attachment; bad input is a 400 naming the field. */
    @GET
    @Path("path.csv")
    @Produces("text/csv")
    public Response csv(@RestPath long portfolioId, @Context UriInfo uri) {
        BacktestResult result = service.result(currentUser.id(), portfolioId, form(uri));
        return BacktestCsv.attachment(
                result,
                "backtest-portfolio-" + portfolioId + "-" + result.path().get(0).date() + "-"
                        + result.path().get(result.path().size() - 1).date() + ".csv");
    }

    static BacktestForm form(UriInfo uri) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            List<String> kept = new ArrayList<>();
            for (String value : e.getValue()) {
                if (count++ < MAX_VALUES) {
                    kept.add(value);
                }
            }
            values.put(e.getKey(), kept);
        }
        return new BacktestForm(values);
    }

    static String query(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        return raw == null || raw.length() > MAX_QUERY ? "" : raw;
    }
}
