package io.hedgedesk.web.support;

import java.util.Objects;
import java.util.Optional;

/**
 * A CDI event: a price or mark was stored (a team's price, a manual or fetched tick); alerts re-evaluate after it.
 *
 * @param what     what was stored, for the log
 * @param contract the contract whose mark it is (catalog id): only its hedges' portfolios need evaluating; empty for a
 *                 price that may move any hedge (a team's price of a coin)
 */
public record MarkStored(String what, Optional<String> contract) {

    public MarkStored {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(contract, "contract");
    }

    /** A price that may move any hedge. */
    public MarkStored(String what) {
        this(what, Optional.empty());
    }
}
