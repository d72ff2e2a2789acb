package io.hedgedesk.web.alerts;

/** A message could not be delivered; {@code retryable} when trying again later may succeed. */
public class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
