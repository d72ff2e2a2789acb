package io.hedgedesk.web.connection;

import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.marketdata.account.KeyPolicy;
import io.hedgedesk.marketdata.account.Venue;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.security.SecurityLog;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A team's read-only exchange connections: list, connect (editors), check again, delete. */
@Path("/teams/{teamId}/connections")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ConnectionResource {

    private static final Logger LOG = Logger.getLogger(ConnectionResource.class);

    /** What the user typed, shown again after a refusal; never the secret. */
    public record Typed(String venue, String label, String apiKey) {
        static final Typed NONE = new Typed("BYBIT", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Viewer viewer,
                long teamId,
                List<ConnectionRow> connections,
                boolean canEdit,
                List<Venue> venues,
                long warnDays,
                List<Portfolio> portfolios,
                String flash,
                Typed typed,
                String formToken,
                Map<String, String> errors);
    }

    private final CurrentUser currentUser;
    private final ConnectionService service;
    private final OnceKey once;
    private final ConnectionSync sync;
    private final PortfolioService portfolios;

    public ConnectionResource(
            CurrentUser currentUser,
            ConnectionService service,
            OnceKey once,
            ConnectionSync sync,
            PortfolioService portfolios) {
        this.currentUser = currentUser;
        this.service = service;
        this.once = once;
        this.sync = sync;
        this.portfolios = portfolios;
    }

    @GET
    public TemplateInstance list(@RestPath long teamId, @RestQuery String flash) {
        return page(teamId, Flash.message(flash), Typed.NONE, once.token(), Map.of());
    }

    @POST
    public Response connect(
            @RestPath long teamId,
            @RestForm String venue,
            @RestForm String label,
            @RestForm String apiKey,
            @RestForm String secret,
            @RestForm String formToken) {
        UUID token = FormTokens.parse(formToken);
        Typed typed = new Typed(venue, label, apiKey);
        try {
            long id = service.connect(token, currentUser.id(), teamId, venue, label, apiKey, secret);
            SecurityLog.info("exchange-connected", "team", teamId, "connection", id);
            return Flash.redirect("/teams/" + teamId + "/connections", "connection-saved");
        } catch (ConnectionRefusedException e) {
            LOG.infof("Exchange connection refused for user %d: %s", currentUser.id(), e.field());
            return Response.status(400)
                    .entity(page(teamId, "", typed, token.toString(), Map.of(e.field(), e.getMessage())))
                    .build();
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/teams/" + teamId + "/connections", "already-saved");
        }
    }

    @POST
    @Path("{connectionId}/check")
    public Response check(@RestPath long teamId, @RestPath long connectionId) {
        try {
            service.check(currentUser.id(), teamId, connectionId);
            return Flash.redirect("/teams/" + teamId + "/connections", "connection-checked");
        } catch (ConnectionRefusedException e) {
            return Response.status(502)
                    .entity(page(
                            teamId, "", Typed.NONE, once.token(), Map.of("connection-" + connectionId, e.getMessage())))
                    .build();
        }
    }

    /**
     * Syncs now; the page shows the positions the exchange reports, or why it could not, and says when fills and
     * funding are still being read.
     */
    @POST
    @Path("{connectionId}/sync")
    public Response syncNow(@RestPath long teamId, @RestPath long connectionId) {
        try {
            ConnectionSync.Started started = sync.syncNow(currentUser.id(), teamId, connectionId);
            if (started.error().isPresent()) {
                return Response.status(502)
                        .entity(page(
                                teamId,
                                "",
                                Typed.NONE,
                                once.token(),
                                Map.of(
                                        "connection-" + connectionId,
                                        started.error().get())))
                        .build();
            }
            return Flash.redirect(
                    "/teams/" + teamId + "/connections",
                    started.inBackground() ? "connection-syncing" : "connection-synced");
        } catch (ConnectionRefusedException e) {
            return Response.status(409)
                    .entity(page(teamId, "", Typed.NONE, once.token(), Map.of(e.field(), e.getMessage())))
                    .build();
        }
    }

    /**
     * Offers a position the exchange reports, and no hedge records, to be recorded: the hedge form of the chosen
     * portfolio, filled in with the exchange's figures (the user checks and completes it).
     */
    @GET
    @Path("{connectionId}/record")
    public Response record(
            @RestPath long teamId,
            @RestPath long connectionId,
            @RestQuery Long portfolio,
            @RestQuery String contractId,
            @RestQuery String side,
            @RestQuery String size,
            @RestQuery String entryPrice,
            @RestQuery String leverage,
            @RestQuery String margin) {
        service.requireConnection(currentUser.id(), teamId, connectionId);
        if (portfolio == null) {
            return Response.seeOther(
                            UriBuilder.fromPath("/teams/{t}/connections").build(teamId))
                    .build();
        }
        portfolios.writable(currentUser.id(), portfolio, "record hedges");
        UriBuilder form = UriBuilder.fromPath("/portfolios/{p}/hedges/new")
                .queryParam("contractId", contractId)
                .queryParam("side", side)
                .queryParam("size", size)
                .queryParam("entryPrice", entryPrice)
                .queryParam("leverage", leverage)
                .queryParam("margin", margin);
        return Response.seeOther(form.build(portfolio)).build();
    }

    /** Chooses the portfolio fills and funding are synced into ("" = none). */
    @POST
    @Path("{connectionId}/portfolio")
    public Response portfolio(@RestPath long teamId, @RestPath long connectionId, @RestForm String portfolio) {
        try {
            service.choosePortfolio(
                    currentUser.id(),
                    teamId,
                    connectionId,
                    portfolio == null || portfolio.isBlank()
                            ? Optional.empty()
                            : Optional.of(parsePortfolio(portfolio)));
            return Flash.redirect("/teams/" + teamId + "/connections", "connection-portfolio");
        } catch (ConnectionRefusedException e) {
            return Response.status(400)
                    .entity(page(
                            teamId, "", Typed.NONE, once.token(), Map.of("connection-" + connectionId, e.getMessage())))
                    .build();
        }
    }

    @POST
    @Path("{connectionId}/delete")
    public Response delete(@RestPath long teamId, @RestPath long connectionId) {
        service.delete(currentUser.id(), teamId, connectionId);
        SecurityLog.info("exchange-disconnected", "team", teamId, "connection", connectionId);
        return Flash.redirect("/teams/" + teamId + "/connections", "connection-deleted");
    }

    private static long parsePortfolio(String text) {
        String id = text.strip();
        if (!id.matches("[0-9]{1,18}")) {
            throw new ConnectionRefusedException("portfolio", "Choose a portfolio of this team.");
        }
        return Long.parseLong(id);
    }

    private TemplateInstance page(
            long teamId, String flash, Typed typed, String formToken, Map<String, String> errors) {
        long userId = currentUser.id();
        List<ConnectionRow> rows = service.list(userId, teamId);
        boolean canEdit = service.canEdit(userId, teamId);
        return Templates.list(
                currentUser.viewer(),
                teamId,
                rows,
                canEdit,
                List.of(Venue.values()),
                KeyPolicy.WARN_BEFORE_EXPIRY.toDays(),
                portfolios.list(userId, teamId),
                flash,
                typed,
                formToken,
                errors);
    }
}
