package io.hedgedesk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldingDraftTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static Map<String, String> errors(HoldingInput in) {
        try {
            HoldingDraft.parse(in, TODAY);
            throw new AssertionError("expected errors for " + in);
        } catch (InvalidHoldingException e) {
            return e.errors();
        }
    }

    @Test
    void aValidInputIsNormalized() {
        HoldingDraft d = HoldingDraft.parse(
                new HoldingInput(" eth ", false, "1.500", " Kraken ", "2500.5", "2023-05-01", " n "), TODAY);
        assertThat(d.assetSymbol()).isEqualTo("ETH");
        assertThat(d.customAsset()).isFalse();
        assertThat(d.quantity()).isEqualByComparingTo("1.5");
        assertThat(d.venue()).isEqualTo("Kraken");
        assertThat(d.costBasisUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2500.5"));
        assertThat(d.acquiredOn()).contains(LocalDate.of(2023, 5, 1));
        assertThat(d.note()).isEqualTo("n");
    }

    @Test
    void unknownAssetsNeedTheCustomFlag() {
        assertThat(errors(new HoldingInput("PEPE", false, "1", "W", "", "", "")))
                .containsKey("asset");
        HoldingDraft custom = HoldingDraft.parse(new HoldingInput("pepe", true, "1", "W", "", "", ""), TODAY);
        assertThat(custom.assetSymbol()).isEqualTo("PEPE");
        assertThat(custom.customAsset()).isTrue();
        // Ticking "custom" for a known asset does not make it custom.
        assertThat(HoldingDraft.parse(new HoldingInput("BTC", true, "1", "W", "", "", ""), TODAY)
                        .customAsset())
                .isFalse();
        assertThat(errors(new HoldingInput("BT-C", true, "1", "W", "", "", ""))).containsKey("asset");
    }

    @Test
    void quantitiesArePositivePlainNumbersWithAtMostEighteenDecimals() {
        assertThat(errors(new HoldingInput("BTC", false, "0", "W", "", "", ""))).containsKey("quantity");
        assertThat(errors(new HoldingInput("BTC", false, "-1", "W", "", "", "")))
                .containsKey("quantity");
        assertThat(errors(new HoldingInput("BTC", false, "1e3", "W", "", "", "")))
                .containsKey("quantity");
        assertThat(errors(new HoldingInput("BTC", false, "1,5", "W", "", "", "")))
                .containsKey("quantity");
        assertThat(errors(new HoldingInput("BTC", false, "0.0000000000000000001", "W", "", "", "")))
                .containsKey("quantity");
        assertThat(errors(new HoldingInput("BTC", false, "1000000000000001", "W", "", "", "")))
                .containsKey("quantity");
        assertThat(HoldingDraft.parse(new HoldingInput("BTC", false, "0.000000000000000001", "W", "", "", ""), TODAY)
                        .quantity())
                .isEqualByComparingTo("1E-18");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, String> e = errors(new HoldingInput("", false, "", "", "-3", "2099-01-01", "x".repeat(501)));
        assertThat(e).containsOnlyKeys("asset", "quantity", "venue", "costBasisUsd", "acquiredOn", "note");
        assertThat(errors(new HoldingInput("BTC", false, "1", "W", "", "01/02/2024", "")))
                .containsOnlyKeys("acquiredOn");
        assertThat(errors(new HoldingInput("BTC", false, "1", "W", "", "2008-12-31", "")))
                .containsOnlyKeys("acquiredOn");
        assertThat(errors(new HoldingInput("BTC", false, "1", "W", "1.123456789", "", "")))
                .containsOnlyKeys("costBasisUsd");
    }

    @Test
    void pricesMustBePositive() {
        assertThat(HoldingDraft.parsePrice(" 0.25 ")).isEqualByComparingTo("0.25");
        assertThatThrownBy(() -> HoldingDraft.parsePrice("0")).isInstanceOf(InvalidHoldingException.class);
        assertThatThrownBy(() -> HoldingDraft.parsePrice("abc")).isInstanceOf(InvalidHoldingException.class);
        assertThatThrownBy(() -> HoldingDraft.parsePrice(null)).isInstanceOf(InvalidHoldingException.class);
    }
}
