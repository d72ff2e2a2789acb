package io.hedgedesk.marketdata.refresh;

/** Where a backfill is. */
public enum BackfillStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Queued or running: another backfill of the same series must wait. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
