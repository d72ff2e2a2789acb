package io.hedgedesk.marketdata.account;

/** The configured key-encryption key is missing or malformed: the application must not store secrets with it. */
public class InvalidKeyMaterialException extends IllegalStateException {
    public InvalidKeyMaterialException(String message) {
        super(message);
    }
}
