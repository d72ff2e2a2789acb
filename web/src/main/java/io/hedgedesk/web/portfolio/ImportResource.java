package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.HoldingCsv;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.Uploads;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * CSV import of holdings: upload, preview with per-row errors, then confirm. Nothing is written before the
 * confirmation; the confirmation re-reads the same text (never trusting the preview) and writes the valid rows in
 * one transaction.
 */
@Path("/portfolios/{portfolioId}/import")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Viewer viewer, PortfolioAccess access, Map<String, String> errors);

        static native TemplateInstance preview(
                Viewer viewer,
                PortfolioAccess access,
                List<HoldingCsv.Row> rows,
                long validCount,
                String csv,
                String formToken,
                Map<String, String> errors);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final FormTokens formTokens;
    private final Clock clock;

    public ImportResource(CurrentUser currentUser, PortfolioService portfolios, FormTokens formTokens, Clock clock) {
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.formTokens = formTokens;
        this.clock = clock;
    }

    @GET
    public TemplateInstance uploadForm(@RestPath long portfolioId) {
        return Templates.upload(
                currentUser.viewer(), portfolios.writable(currentUser.id(), portfolioId, "import holdings"), Map.of());
    }

    /** Reads the uploaded file and shows what would be imported. Writes nothing. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestPath long portfolioId, @RestForm("file") FileUpload file) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "import holdings");
        try {
            String csv = read(file);
            return Response.ok(previewPage(access, csv, Map.of())).build();
        } catch (InvalidHoldingException e) {
            return Response.status(400)
                    .entity(Templates.upload(currentUser.viewer(), access, e.errors()))
                    .build();
        }
    }

    /** Imports the valid rows of the previewed text, all in one transaction. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestPath long portfolioId, @RestForm String csv, @RestForm String formToken) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "import holdings");
        try {
            List<HoldingDraft> valid = HoldingCsv.parse(csv, today()).stream()
                    .filter(HoldingCsv.Row::valid)
                    .map(r -> r.draft().orElseThrow())
                    .toList();
            portfolios.importHoldings(currentUser.id(), portfolioId, FormTokens.parse(formToken), valid);
            return Flash.redirect("/portfolios/" + portfolioId, "imported");
        } catch (InvalidHoldingException e) {
            return Response.status(400)
                    .entity(Templates.upload(currentUser.viewer(), access, e.errors()))
                    .build();
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/portfolios/" + portfolioId, "already-saved");
        }
    }

    private TemplateInstance previewPage(PortfolioAccess access, String csv, Map<String, String> errors) {
        List<HoldingCsv.Row> rows = HoldingCsv.parse(csv, today());
        long valid = rows.stream().filter(HoldingCsv.Row::valid).count();
        return Templates.preview(
                currentUser.viewer(),
                access,
                rows,
                valid,
                csv,
                formTokens.issue().toString(),
                errors);
    }

    private static String read(FileUpload file) {
        try {
            return Uploads.utf8(file, HoldingCsv.MAX_CHARS, HoldingCsv.MAX_CHARS + " bytes");
        } catch (Uploads.UnusableUploadException e) {
            throw InvalidHoldingException.of("file", e.getMessage());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
