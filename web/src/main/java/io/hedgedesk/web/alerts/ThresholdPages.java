package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.Map;
import java.util.stream.Collectors;

/** The page showing one set of alert thresholds (a hedge's own or a portfolio's defaults) with its form. */
final class ThresholdPages {

    /**
     * The page of one set of thresholds.
     *
     * @param heading  what they belong to
     * @param back     the page they belong to
     * @param action   where the form posts
     * @param form     the values shown
     * @param inForce  the thresholds in force, in words
     * @param above    what an empty field falls back to, in words
     * @param canEdit  whether the user may change them
     * @param refusal  why nothing was saved, or empty
     * @param connections whether the page also sets the thresholds of the team's exchange connections (a portfolio's)
     */
    public record EditPage(
            String heading,
            String back,
            String action,
            ThresholdForm form,
            String inForce,
            String above,
            boolean canEdit,
            String refusal,
            boolean connections) {}

    @CheckedTemplate(basePath = "AlertThresholdResource")
    static class Templates {
        static native TemplateInstance edit(Viewer viewer, EditPage page, Map<String, String> errors, String flash);
    }

    static final String STALE =
            "Someone changed these thresholds meanwhile. Nothing was saved; the current" + " ones are shown.";

    private ThresholdPages() {}

    static String refusal(InvalidHedgeException e) {
        return "Nothing was saved: " + e.errors().values().stream().collect(Collectors.joining(" "));
    }
}
