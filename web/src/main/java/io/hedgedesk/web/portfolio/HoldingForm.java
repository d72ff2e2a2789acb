package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.HoldingInput;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The body of the add/edit holding form. Ids and the team come from the path and the database, never from here;
 * {@code version} is the optimistic-lock token, compared with the stored one and never assigned; {@code formToken}
 * makes a double submit of "add" harmless.
 */
public record HoldingForm(
        @RestForm String asset,
        @RestForm String customAsset,
        @RestForm String quantity,
        @RestForm String venue,
        @RestForm String costBasisUsd,
        @RestForm String acquiredOn,
        @RestForm String note,
        @RestForm String formToken,
        @RestForm Long version) {

    public HoldingInput input() {
        return new HoldingInput(
                asset, customAsset != null && !customAsset.isBlank(), quantity, venue, costBasisUsd, acquiredOn, note);
    }
}
