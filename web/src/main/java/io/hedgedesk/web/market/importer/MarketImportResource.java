package io.hedgedesk.web.market.importer;

import io.hedgedesk.marketdata.importer.CsvFormat;
import io.hedgedesk.marketdata.importer.ImportPreview;
import io.hedgedesk.marketdata.importer.MarketCsv;
import io.hedgedesk.marketdata.importer.MarketImportService;
import io.hedgedesk.persistence.market.MarketImport;
import io.hedgedesk.web.support.Uploads;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.InstallationAdmin;
import io.hedgedesk.web.user.Viewer;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * CSV import of price and funding history, by installation administrators only ({@link InstallationAdmin}): the
 * market history is shared by every team, like the shipped history. Others see the page without its form, and their
 * posts are refused (403) before anything is read or kept. Upload → preview with line-numbered errors or what would change (nothing stored) → confirm
 * (single use) → the import runs in the background, all or nothing, and its page shows rows processed of total.
 */
@Path("/market/import")
@Produces(MediaType.TEXT_HTML)
public class MarketImportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(
                Viewer viewer,
                String series,
                String source,
                List<String> errors,
                int errorCount,
                String accepted,
                int maxMegabytes,
                boolean admin);

        static native TemplateInstance preview(Viewer viewer, ImportPreview preview);

        static native TemplateInstance progress(Viewer viewer, MarketImport job, boolean alreadyConfirmed);
    }

    private final CurrentUser currentUser;
    private final InstallationAdmin admin;
    private final MarketImportService service;

    public MarketImportResource(CurrentUser currentUser, InstallationAdmin admin, MarketImportService service) {
        this.currentUser = currentUser;
        this.admin = admin;
        this.service = service;
    }

    @GET
    public TemplateInstance form() {
        return upload("", "", List.of(), 0);
    }

    /** Reads the file and shows what the import would do. Stores nothing in the history. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(InstallationAdmin.ROLE)
    public Response preview(@RestForm("file") FileUpload file, @RestForm String series, @RestForm String source) {
        String typedSeries = series == null ? "" : series.strip();
        String typedSource = source == null ? "" : source.strip();
        try {
            String text = read(file);
            ImportPreview preview = service.preview(currentUser.id(), file.fileName(), text, typedSeries, typedSource);
            return Response.ok(Templates.preview(currentUser.viewer(), preview)).build();
        } catch (MarketImportService.InvalidImportException e) {
            return Response.status(400)
                    .entity(upload(typedSeries, typedSource, e.errors(), e.count()))
                    .build();
        }
    }

    /** Starts the previewed import; a second confirmation of the same import only shows its progress. */
    @POST
    @Path("{importId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(InstallationAdmin.ROLE)
    public Response confirm(@RestPath("importId") String id) {
        UUID importId = parse(id);
        boolean started = service.confirm(currentUser.id(), importId).isPresent();
        service.status(currentUser.id(), importId).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/market/import/" + importId + (started ? "" : "?again=1")))
                .build();
    }

    /** The import's state: waiting for confirmation, rows processed of total, done or failed (refreshes itself). */
    @GET
    @Path("{importId}")
    public TemplateInstance progress(@RestPath("importId") String id, @jakarta.ws.rs.QueryParam("again") String again) {
        MarketImport job = service.status(currentUser.id(), parse(id)).orElseThrow(NotFoundException::new);
        return Templates.progress(currentUser.viewer(), job, again != null);
    }

    private TemplateInstance upload(String series, String source, List<String> errors, int count) {
        return Templates.upload(
                currentUser.viewer(),
                series,
                source,
                errors,
                count,
                CsvFormat.accepted(),
                MarketCsv.MAX_BYTES / (1024 * 1024),
                admin.isAdmin());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private static String read(FileUpload file) {
        try {
            return Uploads.utf8(file, MarketCsv.MAX_BYTES, MarketCsv.MAX_BYTES / (1024 * 1024) + " MB; split it");
        } catch (Uploads.UnusableUploadException e) {
            throw new MarketImportService.InvalidImportException(List.of(e.getMessage()), 1);
        }
    }
}
