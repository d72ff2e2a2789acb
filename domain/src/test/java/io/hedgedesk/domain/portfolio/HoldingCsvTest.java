package io.hedgedesk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldingCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void validAndInvalidRowsAreReportedWithTheirLineNumbers() {
        String csv = "asset,quantity,venue,cost_basis_usd,acquired_on\r\n"
                + "BTC,0.5,\"Ledger, cold\",15000,2023-01-15\r\n"
                + "PEPE,100,MetaMask,,\r\n"
                + "eth,-2,Kraken,,\r\n"
                + "\r\n"
                + "SOL,12.25,\"Phantom \"\"hot\"\"\",,\r\n";

        List<HoldingCsv.Row> rows = HoldingCsv.parse(csv, TODAY);

        assertThat(rows).extracting(HoldingCsv.Row::line).containsExactly(2, 3, 4, 6);
        assertThat(rows).extracting(HoldingCsv.Row::valid).containsExactly(true, false, false, true);
        assertThat(rows.get(0).draft().orElseThrow().venue()).isEqualTo("Ledger, cold");
        assertThat(rows.get(1).errors()).containsOnlyKeys("asset");
        assertThat(rows.get(2).errors()).containsOnlyKeys("quantity");
        assertThat(rows.get(3).draft().orElseThrow().venue()).isEqualTo("Phantom \"hot\"");
    }

    @Test
    void columnsMayComeInAnyOrderAndACustomColumnAllowsUnknownAssets() {
        List<HoldingCsv.Row> rows = HoldingCsv.parse("venue,Quantity,ASSET,custom\nMetaMask,100,PEPE,yes", TODAY);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.draft().orElseThrow().assetSymbol()).isEqualTo("PEPE");
            assertThat(r.draft().orElseThrow().customAsset()).isTrue();
        });
    }

    @Test
    void unusableFilesAreRejectedAsAWhole() {
        assertThatThrownBy(() -> HoldingCsv.parse("", TODAY)).isInstanceOf(InvalidHoldingException.class);
        assertThatThrownBy(() -> HoldingCsv.parse("coin,amount\nBTC,1", TODAY))
                .isInstanceOf(InvalidHoldingException.class)
                .extracting(e -> ((InvalidHoldingException) e).errors())
                .asString()
                .contains("file");
        assertThatThrownBy(() -> HoldingCsv.parse("asset,quantity,venue\n", TODAY))
                .isInstanceOf(InvalidHoldingException.class);
        assertThatThrownBy(() -> HoldingCsv.parse("asset,quantity,venue\nBTC,1,\"open", TODAY))
                .isInstanceOf(InvalidHoldingException.class);
    }
}
