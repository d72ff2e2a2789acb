package io.hedgedesk.persistence.connection;

/** The envelope-encrypted credentials as stored: which key-encryption key, the wrapped data key, the ciphertext. */
public record SealedBytes(String kekId, byte[] wrappedKey, byte[] wrapNonce, byte[] ciphertext, byte[] nonce) {}
