package io.hedgedesk.pricing.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.pricing.reconcile.SettlementCheck.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundingReconcilerTest {

    private static final Instrument BTCUSD = ContractCatalog.loadDefault().get("BYBIT:BTCUSD");
    private static final FundingReconciler RECONCILER = FundingReconciler.DEFAULT;

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    private static FundingRateSeries rates(String... timeAndRate) {
        List<FundingRate> list = new java.util.ArrayList<>();
        for (int i = 0; i < timeAndRate.length; i += 2) {
            list.add(new FundingRate(at(timeAndRate[i]), new BigDecimal(timeAndRate[i + 1])));
        }
        return new FundingRateSeries("BYBIT:BTCUSD", "test", list);
    }

    @Test
    void eachSettlementIsExpectedAtTheSizeHeldThenAndComparedWithWhatWasPaid() {
        // Short 60,000 BTCUSD (1 USD each) from 2024-03-01 00:00, reduced to 30,000 at 12:00; BTC at 60,000 all along:
        // value 60,000 / 60,000 = 1 BTC, then 0.5 BTC. A short receives a positive rate:
        //   03-01 00:00  +0.0001 × 1   = +0.0001      paid +0.0001 three seconds later        → MATCHED
        //   03-01 08:00  +0.0001 × 1   = +0.0001      nothing paid                            → MISSING
        //   03-01 16:00  −0.00005 × 0.5 = −0.000025   paid +0.000025                          → SIGN_FLIP
        //   03-02 00:00  +0.0001 × 0.5 = +0.00005     paid 0.00005 twice                      → DUPLICATE
        //   03-02 03:00  no settlement                paid +0.00001                           → UNEXPECTED
        FundingRateSeries series = rates(
                "2024-03-01T00:00:00Z",
                "0.0001",
                "2024-03-01T08:00:00Z",
                "0.0001",
                "2024-03-01T16:00:00Z",
                "-0.00005",
                "2024-03-02T00:00:00Z",
                "0.0001",
                "2024-03-02T08:00:00Z",
                "0.0001");
        List<SizeChange> sizes = List.of(
                new SizeChange(at("2024-03-01T00:00:00Z"), new BigDecimal("60000")),
                new SizeChange(at("2024-03-01T12:00:00Z"), new BigDecimal("30000")));
        List<PaidFunding> paid = List.of(
                new PaidFunding("a", at("2024-03-01T00:00:03Z"), new BigDecimal("0.0001")),
                new PaidFunding("b", at("2024-03-01T16:00:00Z"), new BigDecimal("0.000025")),
                new PaidFunding("c", at("2024-03-02T00:00:00Z"), new BigDecimal("0.00005")),
                new PaidFunding("d", at("2024-03-02T00:00:01Z"), new BigDecimal("0.00005")),
                new PaidFunding("e", at("2024-03-02T03:00:00Z"), new BigDecimal("0.00001")));

        List<SettlementCheck> checks = RECONCILER.reconcile(
                BTCUSD,
                Side.SHORT,
                sizes,
                series,
                t -> new BigDecimal("60000"),
                paid,
                new BigDecimal("0.05"),
                at("2024-03-01T00:00:00Z"),
                at("2024-03-02T06:00:00Z"));

        assertThat(checks)
                .extracting(SettlementCheck::status)
                .containsExactly(Status.MATCHED, Status.MISSING, Status.SIGN_FLIP, Status.DUPLICATE, Status.UNEXPECTED);
        assertThat(checks)
                .extracting(c -> c.expected().stripTrailingZeros().toPlainString())
                .containsExactly("0.0001", "0.0001", "-0.000025", "0.00005", "0");
        assertThat(checks.get(3).paidTotal()).isEqualByComparingTo("0.0001");
    }

    @Test
    void differencesBeyondTheToleranceAreFlaggedAndALongPaysAPositiveRate() {
        FundingRateSeries series = rates("2024-03-01T00:00:00Z", "0.0001", "2024-03-01T08:00:00Z", "0.0001");
        List<SizeChange> sizes = List.of(new SizeChange(at("2024-02-29T00:00:00Z"), new BigDecimal("60000")));
        // short, expected +0.0001 each: 0.000103 is 3 % off (within 5 %), 0.000106 is 6 % off
        List<SettlementCheck> shortChecks = RECONCILER.reconcile(
                BTCUSD,
                Side.SHORT,
                sizes,
                series,
                t -> new BigDecimal("60000"),
                List.of(
                        new PaidFunding("a", at("2024-03-01T00:00:00Z"), new BigDecimal("0.000103")),
                        new PaidFunding("b", at("2024-03-01T08:00:00Z"), new BigDecimal("0.000106"))),
                new BigDecimal("0.05"),
                at("2024-03-01T00:00:00Z"),
                at("2024-03-01T12:00:00Z"));
        assertThat(shortChecks).extracting(SettlementCheck::status).containsExactly(Status.MATCHED, Status.DIFFERENT);
        // a long of the same size pays: expected −0.0001 at each settlement
        List<SettlementCheck> longChecks = RECONCILER.reconcile(
                BTCUSD,
                Side.LONG,
                sizes,
                series,
                t -> new BigDecimal("60000"),
                List.of(),
                new BigDecimal("0.05"),
                at("2024-03-01T00:00:00Z"),
                at("2024-03-01T12:00:00Z"));
        assertThat(longChecks)
                .extracting(c -> c.expected().stripTrailingZeros().toPlainString())
                .containsExactly("-0.0001", "-0.0001");
        assertThat(FundingReconciler.sizeAt(sizes, at("2024-02-28T00:00:00Z"))).isZero();
    }
}
