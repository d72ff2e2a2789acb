package io.hedgedesk.domain.hedge;

/** Whether a hedge position is still held. */
public enum HedgeStatus {
    OPEN,
    CLOSED
}
