package io.hedgedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.portfolio.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Audit entries in words, from stored states as the persistence layer writes them (flat JSON, every digit). */
class AuditWordsTest {

    private static AuditEvent event(String type, long id, String action, String before, String after) {
        return new AuditEvent(Instant.parse("2026-12-06T12:00:00Z"), "alice", type, id, action, before, after);
    }

    @Test
    void targetsChangedShowOnlyWhatChangedAtTheTick() {
        // BINANCE:AVAXUSD_PERP ticks 0.01: the stop moved from 120 to 190, the take profit was set, the rest stayed.
        AuditEvent e = event(
                "HEDGE",
                9,
                "TARGETS",
                "{\"contract\":\"BINANCE:AVAXUSD_PERP\",\"side\":\"SHORT\",\"size\":1334,\"margin\":0.5,\"stopPrice\":120,"
                        + "\"takeProfitPrice\":null,\"maxFundingCostUsd\":null}",
                "{\"contract\":\"BINANCE:AVAXUSD_PERP\",\"side\":\"SHORT\",\"size\":1334,\"margin\":0.5,\"stopPrice\":190,"
                        + "\"takeProfitPrice\":10.5,\"maxFundingCostUsd\":null}");
        assertThat(AuditWords.what(e)).isEqualTo("hedge #9: targets changed");
        assertThat(AuditWords.changes(e)).containsExactly("stop 120.00 → 190.00", "take profit none → 10.50");
    }

    @Test
    void marginWithItsAssetAndEveryDigitRounded() {
        // margin 0.5 AVAX → 0.7 AVAX; the realized PnL 0.1234567890123456789012345678901 AVAX shows 8 decimals:
        // …56789|01 → 0.12345679.
        AuditEvent e = event(
                "HEDGE",
                9,
                "MARGIN_IN",
                "{\"contract\":\"BINANCE:AVAXUSD_PERP\",\"margin\":0.5000000000000000000000000000000,\"realizedPnl\":0}",
                "{\"contract\":\"BINANCE:AVAXUSD_PERP\",\"margin\":0.7,"
                        + "\"realizedPnl\":0.1234567890123456789012345678901,\"event\":12,\"eventType\":\"MARGIN_IN\"}");
        assertThat(AuditWords.what(e)).isEqualTo("hedge #9: margin added");
        assertThat(AuditWords.changes(e))
                .containsExactly(
                        "margin 0.5 AVAX → 0.7 AVAX",
                        "realized PnL 0 AVAX → 0.12345679 AVAX",
                        "event #12",
                        "event type margin added");
    }

    @Test
    void aHoldingCreatedAndDeleted() {
        String state = "{\"asset\":\"ADA\",\"customAsset\":false,\"quantity\":40000.00000000,\"venue\":\"Ledger\","
                + "\"costBasisUsd\":45554,\"acquiredOn\":null,\"note\":\"\"}";
        AuditEvent created = event("HOLDING", 5, "CREATE", "", state);
        assertThat(AuditWords.what(created)).isEqualTo("holding #5: created");
        assertThat(AuditWords.changes(created))
                .containsExactly(
                        "asset ADA",
                        "custom asset no",
                        "quantity 40,000 ADA",
                        "venue Ledger",
                        "cost basis 45,554.00 USD");
        AuditEvent deleted = event("HOLDING", 5, "DELETE", state, "");
        assertThat(AuditWords.changes(deleted)).contains("quantity 40,000 ADA").doesNotContain("acquired none");
    }

    @Test
    void rolesInWords() {
        AuditEvent e = event(
                "MEMBERSHIP",
                3,
                "CHANGE_ROLE",
                "{\"userId\":7,\"role\":\"VIEWER\"}",
                "{\"userId\":7,\"role\":\"EDITOR\"}");
        assertThat(AuditWords.what(e)).isEqualTo("member #3: role changed");
        assertThat(AuditWords.changes(e)).containsExactly("role viewer → editor");
    }
}
