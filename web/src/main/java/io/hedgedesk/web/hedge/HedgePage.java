package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.support.Recorded;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The hedge's tracking page, as the resources that write to a hedge render it: after a refusal it is the page
 * again, with the typed values kept, the message at the top and each field's own message beside it.
 */
@ApplicationScoped
public class HedgePage {

    /** The types an action form may choose. */
    static final List<String> ACTION_TYPES =
            List.of("INCREASE", "REDUCE", "CLOSE", "FUNDING", "FEE", "MARGIN_IN", "MARGIN_OUT", "NOTE");

    /** The tracking page. */
    public record TrackPage(
            HedgeView hedge,
            List<EventView> events,
            HedgeForms.ActionForm action,
            List<String> actionTypes,
            String conflict,
            HedgeForms.TargetsForm targets,
            String refusal,
            String voidToken,
            HedgeCharts.Pictures pictures) {}

    /**
     * The confirmation step: what will be recorded, and its effect computed with the pricing module; or, when its
     * submission key was used already, what that submission recorded.
     */
    public record ConfirmPage(HedgeView hedge, HedgeForms.ActionForm action, List<String> effects, Recorded recorded) {}

    @CheckedTemplate(basePath = "HedgeResource")
    static class Templates {
        static native TemplateInstance track(Viewer viewer, TrackPage page, Map<String, String> errors, String flash);

        static native TemplateInstance confirm(Viewer viewer, ConfirmPage page);
    }

    private final CurrentUser currentUser;
    private final HedgeBookService book;
    private final HedgeTracker tracker;
    private final OnceKey once;
    private final HedgeCharts charts;

    public HedgePage(
            CurrentUser currentUser, HedgeBookService book, HedgeTracker tracker, OnceKey once, HedgeCharts charts) {
        this.currentUser = currentUser;
        this.book = book;
        this.tracker = tracker;
        this.once = once;
        this.charts = charts;
    }

    /** The hedge as its page shows it now. */
    HedgeView view(long hedgeId) {
        return new HedgeView(tracker.snapshot(currentUser.id(), hedgeId));
    }

    /** The hedge, if the user may act on it: another team's is a 404, a viewer's a 403. */
    HedgeBookService.HedgeAccess actable(long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(currentUser.id(), hedgeId);
        if (!access.canAct()) {
            throw new RoleRefusedException(access.portfolio().role(), "act on hedges");
        }
        return access;
    }

    TrackPage page(HedgeView view, HedgeForms.ActionForm action, String conflict) {
        return page(view, action, conflict, HedgeForms.TargetsForm.of(view), "");
    }

    TrackPage page(
            HedgeView view,
            HedgeForms.ActionForm action,
            String conflict,
            HedgeForms.TargetsForm targets,
            String refusal) {
        List<HedgeEvent> ledger = book.events(currentUser.id(), view.id());
        List<EventView> events = ledger.stream().map(EventView::new).toList();
        HedgeCharts.Pictures pictures = charts.of(currentUser.id(), book.hedge(currentUser.id(), view.id()), ledger);
        return new TrackPage(view, events, action, ACTION_TYPES, conflict, targets, refusal, once.token(), pictures);
    }

    TemplateInstance track(TrackPage page, Map<String, String> errors, String flash) {
        return Templates.track(currentUser.viewer(), page, errors, flash);
    }

    TemplateInstance confirm(ConfirmPage page) {
        return Templates.confirm(currentUser.viewer(), page);
    }

    /** The page again (400) with the action form as typed and each field's message. */
    Response invalid(long hedgeId, HedgeForms.ActionForm form, Map<String, String> errors) {
        return Response.status(400)
                .entity(track(page(view(hedgeId), form, ""), errors, ""))
                .build();
    }

    /** The page again with {@code status}, an empty action form, the field messages and the banner text. */
    Response refused(int status, long hedgeId, Map<String, String> errors, String conflict) {
        HedgeView view = view(hedgeId);
        return Response.status(status)
                .entity(track(page(view, HedgeForms.ActionForm.empty(view.version()), conflict), errors, ""))
                .build();
    }
}
