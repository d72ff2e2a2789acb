package io.hedgedesk.web.support;

import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.web.view.Times;
import java.util.List;

/**
 * What an earlier submission of the same form recorded, for the page that refuses to record it again: "This plan
 * was recorded at 2026-12-06 12:03 UTC as hedges #9–#13", with a link to each record.
 *
 * @param sentence the whole sentence
 * @param links    one per record created, in order
 */
public record Recorded(String sentence, List<Link> links) {

    /** A link to a record. */
    public record Link(String text, String url) {}

    /**
     * @param subject what was submitted, e.g. "This plan"
     * @param base    the address of one record without its id, e.g. {@code "/hedges/"}
     */
    public static Recorded of(FormTokens.Submission s, String subject, String base) {
        List<Long> ids = s.ids();
        String noun = ids.size() == 1 ? s.what() : s.what() + "s";
        return new Recorded(
                subject + " was recorded at " + Times.utc(s.at()) + " as " + noun + " " + range(ids) + ".",
                ids.stream()
                        .map(id -> new Link(s.what() + " #" + id, base + id))
                        .toList());
    }

    /** {@code #9–#13} for consecutive ids, else {@code #9, #11}. */
    static String range(List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        boolean consecutive = ids.size() > 2;
        for (int i = 1; i < ids.size() && consecutive; i++) {
            consecutive = ids.get(i) == ids.get(i - 1) + 1;
        }
        if (consecutive) {
            return "#" + ids.get(0) + "–#" + ids.get(ids.size() - 1);
        }
        return String.join(", ", ids.stream().map(id -> "#" + id).toList());
    }
}
