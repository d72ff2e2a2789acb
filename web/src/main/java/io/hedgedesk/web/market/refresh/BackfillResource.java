package io.hedgedesk.web.market.refresh;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.marketdata.refresh.BackfillKind;
import io.hedgedesk.marketdata.refresh.BackfillRefusedException;
import io.hedgedesk.marketdata.refresh.BackfillService;
import io.hedgedesk.marketdata.refresh.MarketRefresher;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.InstallationAdmin;
import io.hedgedesk.web.user.Viewer;
import io.hedgedesk.web.view.Times;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /market/backfill}: start a history backfill from the live source and watch its progress (rows fetched of
 * expected, status, errors). Reads only in-memory progress and never calls a venue itself. Everyone sees the
 * progress; only installation administrators ({@link InstallationAdmin}) start backfills, which write the history
 * every team shares; the stored rows record them as their writer.
 */
@Path("/market/backfill")
@Produces(MediaType.TEXT_HTML)
public class BackfillResource {

    @CheckedTemplate(basePath = "market")
    static class Templates {
        static native TemplateInstance backfill(Viewer viewer, BackfillPage page, boolean admin);
    }

    private final CurrentUser currentUser;
    private final InstallationAdmin admin;
    private final BackfillService backfills;
    private final MarketRefresher refresher;
    private final ContractCatalog catalog;

    public BackfillResource(
            CurrentUser currentUser,
            InstallationAdmin admin,
            BackfillService backfills,
            MarketRefresher refresher,
            ContractCatalog catalog) {
        this.currentUser = currentUser;
        this.admin = admin;
        this.backfills = backfills;
        this.refresher = refresher;
        this.catalog = catalog;
    }

    @GET
    public TemplateInstance show(@RestQuery String flash) {
        return page(Map.of(), "", Flash.message(flash));
    }

    @POST
    // Only a form post: the CSRF check reads form bodies, so any other content type must not reach this method.
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(InstallationAdmin.ROLE)
    public Response start(
            @RestForm String kind, @RestForm String contract, @RestForm String from, @RestForm String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind == null ? "" : kind);
        form.put("contract", contract == null ? "" : contract);
        form.put("from", from == null ? "" : from);
        form.put("to", to == null ? "" : to);
        try {
            backfills.start(
                    kind(kind),
                    contract == null ? "" : contract.strip(),
                    day(from, "From"),
                    day(to, "To"),
                    OptionalLong.of(currentUser.id()),
                    currentUser.viewer().displayName());
        } catch (BackfillRefusedException e) {
            return Response.status(400).entity(page(form, e.getMessage(), "")).build();
        }
        return Flash.redirect("/market/backfill", "backfill-started");
    }

    private TemplateInstance page(Map<String, String> form, String error, String message) {
        var source = backfills.source();
        String last = refresher
                .last()
                .map(r -> "Last refresh " + Times.utc(r.at()) + " from " + r.source() + ": "
                        + r.refreshed().size() + " refreshed" + (r.failed().isEmpty() ? "" : ", failed: " + r.failed()))
                .orElse("");
        BackfillPage page = new BackfillPage(
                source.name(),
                source.live(),
                catalog.all().stream()
                        .filter(source::supports)
                        .map(Instrument::id)
                        .toList(),
                form,
                error,
                message,
                backfills.jobs().stream().map(BackfillPage.Row::of).toList(),
                last);
        return Templates.backfill(currentUser.viewer(), page, admin.isAdmin());
    }

    private static BackfillKind kind(String kind) {
        try {
            return BackfillKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BackfillRefusedException("Choose funding rates or daily closes.");
        }
    }

    private static LocalDate day(String text, String label) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BackfillRefusedException(label + " must be a date like 2024-01-31.");
        }
    }
}
