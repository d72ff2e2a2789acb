package io.hedgedesk.marketdata.account;

/** A stored secret cannot be decrypted: its KEK is gone, it was moved to another owner, or a byte was altered. */
public class SecretUnreadableException extends RuntimeException {
    public SecretUnreadableException(String message) {
        super(message);
    }
}
