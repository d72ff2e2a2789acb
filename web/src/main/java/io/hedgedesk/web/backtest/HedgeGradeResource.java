package io.hedgedesk.web.backtest;

import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The grade of a real hedge (open or closed) from its ledger and the stored prices: did the insurance work, and what
 * did it cost? Read-only; authorized like the hedge's page (another team's hedge is a 404).
 */
@Path("/hedges/{hedgeId: [0-9]+}/grade")
public class HedgeGradeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grade(Viewer viewer, HedgeGradeService.GradePage page);
    }

    private final CurrentUser currentUser;
    private final HedgeGradeService service;

    public HedgeGradeResource(CurrentUser currentUser, HedgeGradeService service) {
        this.currentUser = currentUser;
        this.service = service;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance grade(@RestPath long hedgeId) {
        return Templates.grade(currentUser.viewer(), service.page(currentUser.id(), hedgeId));
    }

    /** The graded daily path as CSV, an attachment. */
    @GET
    @Path("path.csv")
    @Produces("text/csv")
    public Response csv(@RestPath long hedgeId) {
        return BacktestCsv.attachment(service.result(currentUser.id(), hedgeId), "hedge-" + hedgeId + "-grade.csv");
    }
}
