package io.hedgedesk.marketdata.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of exchange secrets (NIST SP 800-38D, AES-256-GCM with 96-bit nonces and 128-bit tags).
 *
 * <p>Each secret gets a fresh random 256-bit data key; the data key is wrapped under a key-encryption key (KEK) held
 * only in the environment. The associated data binds a ciphertext to its owner ({@code team:connection}), so a row
 * copied to another team or connection does not decrypt. Rotation ({@link #rewrap}) re-encrypts only the data key
 * under the current KEK; older KEKs stay listed until no row names them.
 */
public final class SecretSealer {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKekId;
    private final Map<String, SecretKey> keks;

    /**
     * @param currentKekId the KEK new secrets are wrapped with
     * @param keks         every KEK that may have wrapped a stored secret, by id, each 32 bytes
     */
    public SecretSealer(String currentKekId, Map<String, byte[]> keks) {
        Objects.requireNonNull(currentKekId, "currentKekId");
        if (!keks.containsKey(currentKekId)) {
            throw new InvalidKeyMaterialException("the current key-encryption key '" + currentKekId + "' is not given");
        }
        this.currentKekId = currentKekId;
        this.keks = keks.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> aesKey(e.getKey(), e.getValue())));
    }

    /**
     * Reads KEKs written as {@code id:base64} (the current one) plus optional older ones, comma-separated, e.g.
     * {@code 2026-12:q83v…=,2026-06:ZmFr…=}: the first is current.
     */
    public static SecretSealer fromSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidKeyMaterialException("no key-encryption key is configured");
        }
        Map<String, byte[]> keks = new java.util.LinkedHashMap<>();
        String current = null;
        for (String part : spec.split(",")) {
            String[] idAndKey = part.trim().split(":", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                throw new InvalidKeyMaterialException("a key-encryption key must be written id:base64");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(idAndKey[1].trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyMaterialException("key-encryption key '" + idAndKey[0] + "' is not base64");
            }
            keks.put(idAndKey[0].trim(), key);
            if (current == null) {
                current = idAndKey[0].trim();
            }
        }
        return new SecretSealer(current, keks);
    }

    public String currentKekId() {
        return currentKekId;
    }

    /** Encrypts {@code secret} for {@code owner} (e.g. {@code "team 7:connection 12"}) under a fresh data key. */
    public SealedSecret seal(String secret, String owner) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            SecretKey dataKey = generator.generateKey();
            byte[] nonce = nonce();
            byte[] ciphertext =
                    gcm(Cipher.ENCRYPT_MODE, dataKey, nonce, owner).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return wrap(dataKey.getEncoded(), ciphertext, nonce, owner);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret, or {@link SecretUnreadableException} when the KEK is unknown, the owner differs or a byte changed. */
    public String open(SealedSecret sealed, String owner) {
        try {
            byte[] dataKey = unwrap(sealed, owner);
            byte[] plain = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), sealed.nonce(), owner)
                    .doFinal(sealed.ciphertext());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException("the stored secret does not belong to " + owner + " or was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The same secret with its data key wrapped under the current KEK (the secret's own ciphertext is unchanged). */
    public SealedSecret rewrap(SealedSecret sealed, String owner) {
        if (sealed.kekId().equals(currentKekId)) {
            return sealed;
        }
        try {
            return wrap(unwrap(sealed, owner), sealed.ciphertext(), sealed.nonce(), owner);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException("the stored secret does not belong to " + owner + " or was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private SealedSecret wrap(byte[] dataKey, byte[] ciphertext, byte[] nonce, String owner)
            throws GeneralSecurityException {
        byte[] wrapNonce = nonce();
        byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keks.get(currentKekId), wrapNonce, wrapContext(owner, currentKekId))
                .doFinal(dataKey);
        return new SealedSecret(currentKekId, wrapped, wrapNonce, ciphertext, nonce);
    }

    private byte[] unwrap(SealedSecret sealed, String owner) throws GeneralSecurityException {
        SecretKey kek = keks.get(sealed.kekId());
        if (kek == null) {
            throw new SecretUnreadableException(
                    "the key-encryption key '" + sealed.kekId() + "' that wrapped this secret is no longer configured");
        }
        return gcm(Cipher.DECRYPT_MODE, kek, sealed.wrapNonce(), wrapContext(owner, sealed.kekId()))
                .doFinal(sealed.wrappedKey());
    }

    private static String wrapContext(String owner, String kekId) {
        return owner + "|kek " + kekId;
    }

    private static Cipher gcm(int mode, SecretKey key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.wrap(associatedData.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static SecretKey aesKey(String id, byte[] bytes) {
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw new InvalidKeyMaterialException("key-encryption key '" + id + "' must be 32 bytes (256 bits), was "
                    + (bytes == null ? 0 : bytes.length));
        }
        return new SecretKeySpec(bytes.clone(), "AES");
    }
}
