package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.web.hedge.book.HedgeVoids;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * "Recorded by mistake": voids the hedge (no event chosen) or one of its events; the voided rows stay on the page,
 * struck through. A refusal is the hedge's page with the banner.
 */
@Path("/hedges/{hedgeId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class HedgeVoidResource {

    private final CurrentUser currentUser;
    private final HedgeVoids voids;
    private final HedgePage page;

    public HedgeVoidResource(CurrentUser currentUser, HedgeVoids voids, HedgePage page) {
        this.currentUser = currentUser;
        this.voids = voids;
        this.page = page;
    }

    @POST
    @Path("void")
    public Response voidRecorded(
            @RestPath long hedgeId,
            @RestForm String eventId,
            @RestForm String reason,
            @RestForm Long version,
            @RestForm String formToken) {
        page.actable(hedgeId);
        Parse p = new Parse();
        Optional<Long> event = p.id(eventId, "eventId");
        try {
            p.check();
            voids.voidRecorded(
                    currentUser.id(),
                    hedgeId,
                    FormTokens.parse(formToken),
                    version == null ? -1 : version,
                    event,
                    reason);
            return Flash.redirect("/hedges/" + hedgeId, "hedge-voided");
        } catch (InvalidHedgeException e) {
            return page.refused(400, hedgeId, e.errors(), "");
        } catch (StaleEditException e) {
            return page.refused(
                    409,
                    hedgeId,
                    Map.of(
                            "eventId",
                            "Someone recorded something on this hedge meanwhile; check the ledger and void again."),
                    "");
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/hedges/" + hedgeId, "already-saved");
        }
    }
}
