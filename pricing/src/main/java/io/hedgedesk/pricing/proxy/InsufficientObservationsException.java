package io.hedgedesk.pricing.proxy;

/** Fewer aligned return observations than a statistic needs (at least two for a sample variance). */
public final class InsufficientObservationsException extends ProxyHedgeException {

    private static final long serialVersionUID = 1L;

    public InsufficientObservationsException(String message) {
        super(message);
    }
}
