package io.hedgedesk.marketdata.account;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret at rest, envelope-encrypted: the secret under its own random data key (AES-256-GCM), the data key
 * wrapped under the key-encryption key {@code kekId} (AES-256-GCM). Each field is what a database column holds;
 * none of them reveals the secret without the key-encryption key.
 *
 * @param kekId      which key-encryption key wrapped the data key (rotation re-wraps, the secret's ciphertext stays)
 * @param wrappedKey the data key encrypted under the key-encryption key, GCM tag included
 * @param wrapNonce  the 12-byte nonce of that wrapping
 * @param ciphertext the secret encrypted under the data key, GCM tag included
 * @param nonce      the 12-byte nonce of the secret's encryption
 */
public record SealedSecret(String kekId, byte[] wrappedKey, byte[] wrapNonce, byte[] ciphertext, byte[] nonce) {

    public SealedSecret {
        Objects.requireNonNull(kekId, "kekId");
        wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey").clone();
        wrapNonce = Objects.requireNonNull(wrapNonce, "wrapNonce").clone();
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] wrapNonce() {
        return wrapNonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret s
                && kekId.equals(s.kekId)
                && Arrays.equals(wrappedKey, s.wrappedKey)
                && Arrays.equals(wrapNonce, s.wrapNonce)
                && Arrays.equals(ciphertext, s.ciphertext)
                && Arrays.equals(nonce, s.nonce);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kekId, Arrays.hashCode(ciphertext), Arrays.hashCode(nonce));
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SealedSecret[kek=" + kekId + ", " + ciphertext.length + " bytes]";
    }
}
