package io.hedgedesk.pricing.perpetual;

import io.hedgedesk.domain.DomainException;

/**
 * Invalid input to a perpetual pricer or position: a non-positive price or size, leverage out of range, closing
 * more than is held, a position that would be liquidated at entry. The message names the argument and its value.
 */
public class PerpetualPricingException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PerpetualPricingException(String message) {
        super("", message);
    }
}
