package io.hedgedesk.persistence.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HedgeEventsTest {

    /** The COPY statement cannot take bind parameters: only values the application chose may be spliced in. */
    @Test
    void onlySafeLiteralsEnterTheCopyStatement() {
        assertThat(HedgeEvents.literal("BYBIT:BTCUSD")).isEqualTo("'BYBIT:BTCUSD'");
        assertThatThrownBy(() -> HedgeEvents.literal("x' or '1'='1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HedgeEvents.literal("")).isInstanceOf(IllegalArgumentException.class);
        // the user's asset filter is a symbol that only selects catalog contracts; an unknown one matches none
        String sql = HedgeEvents.nativeQuery(
                7,
                new HedgeHistoryFilter(
                        Optional.of(3L),
                        Optional.of("NOPE"),
                        Optional.of(LocalDate.of(2030, 1, 2)),
                        Optional.of(LocalDate.of(2030, 1, 3)),
                        Optional.of(HedgeStatus.OPEN)),
                ContractCatalog.loadDefault().all());
        assertThat(sql)
                .contains(
                        "m.user_id = 7",
                        "p.id = 3",
                        "h.contract_id in (null)",
                        "e.occurred_at >= timestamptz '2030-01-02T00:00:00Z'",
                        "e.occurred_at < timestamptz '2030-01-04T00:00:00Z'",
                        "h.status = 'OPEN'",
                        "('BYBIT:BTCUSD', 'BYBIT', 'CONTRACTS', 1::numeric, true)")
                .doesNotContain("NOPE");
    }
}
