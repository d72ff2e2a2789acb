package io.hedgedesk.pricing.funding;

/**
 * The funding history does not cover what was asked: too few settlements in the window, a holding period
 * outside the series, or a window shorter than the projection horizon.
 */
public final class InsufficientFundingHistoryException extends FundingProjectionException {

    private static final long serialVersionUID = 1L;

    public InsufficientFundingHistoryException(String message) {
        super(message);
    }
}
