package io.hedgedesk.marketdata.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final byte[] KEK_A = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEK_B = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private final SecretSealer sealer = new SecretSealer("a", Map.of("a", KEK_A));

    @Test
    void sealsAndOpensForTheSameOwner() {
        SealedSecret sealed = sealer.seal("my-bybit-secret", "team 7:connection 12");
        assertThat(sealer.open(sealed, "team 7:connection 12")).isEqualTo("my-bybit-secret");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.UTF_8)).doesNotContain("my-bybit-secret");
        assertThat(sealed.toString()).doesNotContain("secret-").contains("kek=a");
    }

    @Test
    void eachSecretHasItsOwnDataKeyAndNonce() {
        SealedSecret one = sealer.seal("same", "team 1:connection 1");
        SealedSecret two = sealer.seal("same", "team 1:connection 1");
        assertThat(one.wrappedKey()).isNotEqualTo(two.wrappedKey());
        assertThat(one.nonce()).isNotEqualTo(two.nonce());
        assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext());
    }

    @Test
    void aCiphertextCopiedToAnotherOwnerDoesNotOpen() {
        SealedSecret sealed = sealer.seal("s", "team 7:connection 12");
        assertThatThrownBy(() -> sealer.open(sealed, "team 8:connection 12"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("team 8:connection 12");
    }

    @Test
    void aFlippedByteIsDetected() {
        SealedSecret sealed = sealer.seal("s", "o");
        byte[] altered = sealed.ciphertext();
        altered[0] ^= 1;
        SealedSecret tampered =
                new SealedSecret(sealed.kekId(), sealed.wrappedKey(), sealed.wrapNonce(), altered, sealed.nonce());
        assertThatThrownBy(() -> sealer.open(tampered, "o")).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void rotationRewrapsTheDataKeyUnderTheNewKek() {
        SealedSecret old = sealer.seal("rotate-me", "o");
        SecretSealer rotated = new SecretSealer("b", Map.of("b", KEK_B, "a", KEK_A));
        SealedSecret rewrapped = rotated.rewrap(old, "o");
        assertThat(rewrapped.kekId()).isEqualTo("b");
        assertThat(rewrapped.ciphertext()).isEqualTo(old.ciphertext());
        SecretSealer onlyNew = new SecretSealer("b", Map.of("b", KEK_B));
        assertThat(onlyNew.open(rewrapped, "o")).isEqualTo("rotate-me");
        assertThatThrownBy(() -> onlyNew.open(old, "o"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void specListsTheCurrentKekFirst() {
        String spec = "2026-12:" + Base64.getEncoder().encodeToString(KEK_B) + ", 2026-06:"
                + Base64.getEncoder().encodeToString(KEK_A);
        SecretSealer fromSpec = SecretSealer.fromSpec(spec);
        assertThat(fromSpec.currentKekId()).isEqualTo("2026-12");
        SealedSecret underOld = new SecretSealer("2026-06", Map.of("2026-06", KEK_A)).seal("x", "o");
        assertThat(fromSpec.open(underOld, "o")).isEqualTo("x");
    }

    @Test
    void refusesMissingOrShortKeys() {
        assertThatThrownBy(() -> SecretSealer.fromSpec(" ")).isInstanceOf(InvalidKeyMaterialException.class);
        assertThatThrownBy(
                        () -> SecretSealer.fromSpec("k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretSealer.fromSpec("k:not base64!")).hasMessageContaining("base64");
    }
}
