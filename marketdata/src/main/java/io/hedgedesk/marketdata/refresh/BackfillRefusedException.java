package io.hedgedesk.marketdata.refresh;

/** A backfill request that cannot start; the message is for the page. */
public class BackfillRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackfillRefusedException(String message) {
        super(message);
    }
}
