package io.hedgedesk.domain.portfolio;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored holding.
 *
 * @param id            database id
 * @param portfolioId   the portfolio it belongs to
 * @param draft         its content
 * @param updatedAt     last change
 * @param updatedByName display name of who made the last change
 * @param version       optimistic-lock version
 */
public record Holding(
        long id, long portfolioId, HoldingDraft draft, Instant updatedAt, String updatedByName, long version) {

    public Holding {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedByName, "updatedByName");
    }

    /** The holding's content as form input, to pre-fill the edit form. */
    public HoldingInput toInput() {
        return new HoldingInput(
                draft.assetSymbol(),
                draft.customAsset(),
                draft.quantity().stripTrailingZeros().toPlainString(),
                draft.venue(),
                draft.costBasisUsd()
                        .map(c -> c.stripTrailingZeros().toPlainString())
                        .orElse(""),
                draft.acquiredOn().map(Object::toString).orElse(""),
                draft.note());
    }
}
