package io.hedgedesk.pricing.proxy;

/**
 * A return series with zero variance over the sample: the hedge ratio (division by the hedge instrument's
 * variance) or the correlation (division by either volatility) is undefined.
 */
public final class ZeroVarianceException extends ProxyHedgeException {

    private static final long serialVersionUID = 1L;

    public ZeroVarianceException(String message) {
        super(message);
    }
}
