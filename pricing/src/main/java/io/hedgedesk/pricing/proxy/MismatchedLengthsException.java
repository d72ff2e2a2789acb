package io.hedgedesk.pricing.proxy;

/** Two return samples that should be paired observation by observation have different lengths or dates. */
public final class MismatchedLengthsException extends ProxyHedgeException {

    private static final long serialVersionUID = 1L;

    public MismatchedLengthsException(String message) {
        super(message);
    }
}
