package io.hedgedesk.domain.portfolio;

/**
 * A holding as typed into the form or read from a CSV row: raw text, kept so that a form with errors can be shown
 * again exactly as it was typed. {@link HoldingDraft#parse} turns it into a validated draft.
 */
public record HoldingInput(
        String asset,
        boolean customAsset,
        String quantity,
        String venue,
        String costBasisUsd,
        String acquiredOn,
        String note) {

    public static final HoldingInput EMPTY = new HoldingInput("", false, "", "", "", "", "");

    public HoldingInput {
        asset = text(asset);
        quantity = text(quantity);
        venue = text(venue);
        costBasisUsd = text(costBasisUsd);
        acquiredOn = text(acquiredOn);
        note = text(note);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
