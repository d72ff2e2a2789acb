package io.hedgedesk.web.alerts;

import io.hedgedesk.persistence.alerts.AlertThresholdStore;
import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.web.hedge.AlertWords;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.user.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The hedge page's alert section ({@code inject:hedgeAlerts.of(id)} in {@code alerts/hedgeThresholds}): the
 * thresholds in force and the form for the hedge's own.
 */
@Named("hedgeAlerts")
@ApplicationScoped
public class HedgeAlertsPanel {

    /**
     * What the section shows.
     *
     * @param hedgeId the hedge
     * @param form    its own thresholds as stored
     * @param inForce the thresholds in force, in words
     * @param canEdit whether the user may change them
     * @param log     the delivery log of this hedge's alerts to the current user, newest first
     */
    public record Panel(
            long hedgeId,
            ThresholdForm form,
            String inForce,
            boolean canEdit,
            java.util.List<AlertSettingsResource.LogView> log) {

        /** No field errors: a refused form is shown on the thresholds' own page. */
        public java.util.Map<String, String> errors() {
            return java.util.Map.of();
        }
    }

    private final CurrentUser currentUser;
    private final HedgeBookService book;
    private final AlertThresholdStore store;
    private final AlertDefaults defaults;
    private final io.hedgedesk.persistence.alerts.AlertOutbox outbox;

    HedgeAlertsPanel(
            CurrentUser currentUser,
            HedgeBookService book,
            AlertThresholdStore store,
            AlertDefaults defaults,
            io.hedgedesk.persistence.alerts.AlertOutbox outbox) {
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.book = book;
        this.store = store;
        this.defaults = defaults;
    }

    /** The section of a hedge the current user may see (loaded by id and the user's teams). */
    public Panel of(long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(currentUser.id(), hedgeId);
        StoredThresholds own = store.hedge(hedgeId);
        return new Panel(
                hedgeId,
                ThresholdForm.of(own),
                AlertWords.thresholds(
                        defaults.resolve(store.portfolioDefaults(access.hedge().portfolioId()), own)),
                access.canAct() && access.hedge().isOpen(),
                AlertSettingsResource.logViews(outbox.log(currentUser.id(), java.util.Optional.of(hedgeId), 20)));
    }
}
