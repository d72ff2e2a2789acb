package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.persistence.alerts.AlertSettings;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.InstallationAdmin;
import io.hedgedesk.web.user.Viewer;
import io.hedgedesk.web.view.Times;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where a user's alerts go (an e-mail address, a webhook), a "send a test" button for each, and the user's delivery
 * log; for installation administrators, whether webhooks may call private addresses. A test message goes through the
 * outbox like an alert: the page never waits for a mail server or a webhook.
 */
@Path("/settings/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertSettingsResource {

    /** One line of the delivery log, for people. */
    public record LogView(
            String at,
            String subject,
            String channel,
            String target,
            String outcome,
            String detail,
            String hedgeHref) {}

    /** The page. */
    public record SettingsPage(
            DeliveryForm form,
            List<LogView> log,
            boolean admin,
            boolean allowPrivate,
            boolean allowPrivateByConfig,
            String refusal) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(
                Viewer viewer, SettingsPage page, Map<String, String> errors, String flash);
    }

    static final Map<String, String> MESSAGES = Map.of(
            "test-queued", "A test message is on its way; its delivery shows in the log below within a few seconds.",
            "test-needs-address", "Save an address first: nothing was sent.",
            "installation-saved", "Installation setting saved.");

    private final CurrentUser currentUser;
    private final AlertSettings settings;
    private final AlertOutbox outbox;
    private final AlertChannels channels;
    private final AlertSchedule schedule;
    private final InstallationAdmin admin;
    private final Clock clock;

    public AlertSettingsResource(
            CurrentUser currentUser,
            AlertSettings settings,
            AlertOutbox outbox,
            AlertChannels channels,
            AlertSchedule schedule,
            InstallationAdmin admin,
            Clock clock) {
        this.currentUser = currentUser;
        this.settings = settings;
        this.outbox = outbox;
        this.channels = channels;
        this.schedule = schedule;
        this.admin = admin;
        this.clock = clock;
    }

    @GET
    public TemplateInstance page(@RestQuery String flash) {
        AppUser user = currentUser.get();
        String message = flash == null ? "" : MESSAGES.getOrDefault(flash, Flash.message(flash));
        return Templates.settings(
                Viewer.of(user),
                page(DeliveryForm.of(settings.delivery(user.id()), user.email()), ""),
                Map.of(),
                message);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@BeanParam DeliveryForm form) {
        long userId = currentUser.id();
        try {
            settings.save(userId, form.parse(channels.allowPrivate()));
            return Flash.redirect("/settings/alerts", "alert-settings-saved");
        } catch (InvalidHedgeException e) {
            return Response.status(400)
                    .entity(Templates.settings(
                            currentUser.viewer(),
                            page(
                                    form,
                                    "Nothing was saved: "
                                            + e.errors().values().stream().collect(Collectors.joining(" "))),
                            e.errors(),
                            ""))
                    .build();
        }
    }

    @POST
    @Path("test-email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response testEmail() {
        long userId = currentUser.id();
        Optional<String> to = settings.delivery(userId).email();
        to.ifPresent(address -> outbox.enqueue(
                null,
                userId,
                "EMAIL",
                address,
                Optional.empty(),
                "hedgedesk: test message",
                "This is a test of your hedgedesk alerts by e-mail.",
                clock.instant()));
        return queued(to.isPresent());
    }

    @POST
    @Path("test-webhook")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response testWebhook() {
        long userId = currentUser.id();
        AlertSettings.Delivery d = settings.delivery(userId);
        d.webhookUrl()
                .ifPresent(url -> outbox.enqueue(
                        null,
                        userId,
                        "WEBHOOK",
                        url,
                        d.webhookKind(),
                        "hedgedesk: test message",
                        "This is a test of your hedgedesk alerts by webhook.",
                        clock.instant()));
        return queued(d.webhookUrl().isPresent());
    }

    @POST
    @Path("installation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(InstallationAdmin.ROLE)
    public Response installation(@RestForm String allowPrivate) {
        settings.allowPrivateWebhooks("on".equals(allowPrivate), currentUser.id());
        return Response.seeOther(URI.create("/settings/alerts?flash=installation-saved"))
                .build();
    }

    private Response queued(boolean queued) {
        if (queued) {
            schedule.deliverSoon();
        }
        return Response.seeOther(
                        URI.create("/settings/alerts?flash=" + (queued ? "test-queued" : "test-needs-address")))
                .build();
    }

    private SettingsPage page(DeliveryForm form, String refusal) {
        List<LogView> log = logViews(outbox.log(currentUser.id(), Optional.empty(), 50));
        return new SettingsPage(
                form,
                log,
                admin.isAdmin(),
                settings.allowPrivateWebhooks(),
                channels.allowPrivate() && !settings.allowPrivateWebhooks(),
                refusal);
    }

    /** Log lines for people. */
    static List<LogView> logViews(List<AlertOutbox.LogLine> lines) {
        return lines.stream()
                .map(l -> new LogView(
                        Times.utc(l.at()),
                        l.subject(),
                        l.channel().equals("EMAIL") ? "e-mail" : "webhook",
                        l.target(),
                        outcome(l.outcome()),
                        l.detail(),
                        l.hedgeId().map(id -> "/hedges/" + id).orElse("")))
                .toList();
    }

    static String outcome(String outcome) {
        return switch (outcome) {
            case "SENT" -> "sent";
            case "FAILED" -> "failed";
            case "RETRY" -> "failed, will retry";
            case "RATE_LIMITED" -> "held back (rate limit)";
            case "SKIPPED" -> "skipped";
            default -> outcome;
        };
    }
}
