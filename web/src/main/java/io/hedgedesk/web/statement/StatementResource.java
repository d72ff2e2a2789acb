package io.hedgedesk.web.statement;

import io.hedgedesk.marketdata.statement.StatementFormat;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.statement.StatementImport;
import io.hedgedesk.web.support.Uploads;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Importing an exchange's own export file into a portfolio's hedges (editors): upload → preview (how each row was
 * read, what is new, already imported, matching no hedge, and the lines that stop the import; nothing stored) →
 * confirm (single use) → the import runs in the background, all or nothing, on a page that refreshes itself.
 */
@Path("/portfolios/{portfolioId}/statements")
@Produces(MediaType.TEXT_HTML)
public class StatementResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(
                Viewer viewer,
                PortfolioAccess access,
                List<String> errors,
                List<StatementFormat> formats,
                long maxMegabytes);

        static native TemplateInstance preview(
                Viewer viewer, PortfolioAccess access, StatementImportService.Preview preview);

        static native TemplateInstance progress(
                Viewer viewer, PortfolioAccess access, StatementImport job, boolean alreadyConfirmed);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final StatementImportService service;

    public StatementResource(CurrentUser currentUser, PortfolioService portfolios, StatementImportService service) {
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.service = service;
    }

    @GET
    public TemplateInstance form(@RestPath long portfolioId) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "import exchange statements");
        return upload(access, List.of());
    }

    /** Reads the file and shows what the import would do; keeps the file only when it can be imported. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestPath long portfolioId, @RestForm("file") FileUpload file, @RestForm String hedge) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "import exchange statements");
        try {
            String text = Uploads.utf8(
                    file,
                    StatementImportService.MAX_BYTES,
                    StatementImportService.MAX_BYTES / (1024 * 1024) + " MB; split it by date range at the exchange");
            StatementImportService.Preview preview =
                    service.preview(currentUser.id(), portfolioId, safeName(file.fileName()), text, hedgeId(hedge));
            return Response.status(preview.plan().errors().isEmpty() ? 200 : 400)
                    .entity(Templates.preview(currentUser.viewer(), access, preview))
                    .build();
        } catch (Uploads.UnusableUploadException | StatementImportService.UnusableStatementException e) {
            return Response.status(400)
                    .entity(upload(access, List.of(e.getMessage())))
                    .build();
        }
    }

    /** The preview of the kept file again, its rows attached to the chosen hedge. */
    @GET
    @Path("{importId}")
    public Response previewAgain(
            @RestPath long portfolioId, @RestPath String importId, @QueryParam("hedge") String hedge) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "import exchange statements");
        UUID id = parse(importId);
        service.status(currentUser.id(), id)
                .filter(j -> j.portfolioId() == portfolioId)
                .orElseThrow(NotFoundException::new);
        try {
            Optional<StatementImportService.Preview> preview =
                    service.previewAgain(currentUser.id(), id, hedgeId(hedge));
            if (preview.isEmpty()) {
                return Response.seeOther(URI.create(progressPath(portfolioId, id)))
                        .build();
            }
            return Response.status(preview.get().plan().errors().isEmpty() ? 200 : 400)
                    .entity(Templates.preview(currentUser.viewer(), access, preview.get()))
                    .build();
        } catch (StatementImportService.UnusableStatementException e) {
            return Response.status(400)
                    .entity(upload(access, List.of(e.getMessage())))
                    .build();
        }
    }

    /** Starts the previewed import; a second confirmation only shows its progress. */
    @POST
    @Path("{importId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestPath long portfolioId, @RestPath String importId, @RestForm String hedge) {
        portfolios.writable(currentUser.id(), portfolioId, "import exchange statements");
        UUID id = parse(importId);
        StatementImport job = service.status(currentUser.id(), id)
                .filter(j -> j.portfolioId() == portfolioId)
                .orElseThrow(NotFoundException::new);
        try {
            boolean started =
                    service.confirm(currentUser.id(), job.id(), hedgeId(hedge)).isPresent();
            return Response.seeOther(URI.create(progressPath(portfolioId, id) + (started ? "" : "?again=1")))
                    .build();
        } catch (StatementImportService.UnusableStatementException e) {
            PortfolioAccess access = portfolios.access(currentUser.id(), portfolioId);
            return Response.status(400)
                    .entity(upload(access, List.of(e.getMessage())))
                    .build();
        }
    }

    /** The import's state: rows processed of total, done or failed (refreshes itself while running). */
    @GET
    @Path("{importId}/progress")
    public TemplateInstance progress(
            @RestPath long portfolioId, @RestPath String importId, @QueryParam("again") String again) {
        PortfolioAccess access = portfolios.access(currentUser.id(), portfolioId);
        StatementImport job = service.status(currentUser.id(), parse(importId))
                .filter(j -> j.portfolioId() == portfolioId)
                .orElseThrow(NotFoundException::new);
        return Templates.progress(currentUser.viewer(), access, job, again != null);
    }

    private TemplateInstance upload(PortfolioAccess access, List<String> errors) {
        return Templates.upload(
                currentUser.viewer(),
                access,
                errors,
                Arrays.stream(StatementFormat.values())
                        .filter(StatementFormat::isFile)
                        .toList(),
                StatementImportService.MAX_BYTES / (1024 * 1024));
    }

    private static String progressPath(long portfolioId, UUID id) {
        return "/portfolios/" + portfolioId + "/statements/" + id + "/progress";
    }

    /** The hedge field: empty or "auto" = automatic, else a hedge id. */
    private static Optional<Long> hedgeId(String hedge) {
        if (hedge == null || hedge.isBlank() || hedge.strip().equals("auto")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(hedge.strip()));
        } catch (NumberFormatException e) {
            throw new StatementImportService.UnusableStatementException("Choose a hedge from the list.");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /** The file name as shown and stored: letters, digits, ". _ -" and spaces, at most 100 characters. */
    static String safeName(String fileName) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        name = name.length() > 100 ? name.substring(0, 100) : name;
        return name.isEmpty() ? "statement.csv" : name;
    }
}
