package io.hedgedesk.pricing.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioTotalsTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /**
     * An inverse short of 10,000 BYBIT:BTCUSD (1 USD each) at a mark of 50,000 with 0.1 BTC of margin and 0.001 BTC of
     * funding received, unrealized −20 USD: notional 10,000 × 1 = 10,000 USD, margin 0.1 × 50,000 = 5,000 USD, funding
     * 0.001 × 50,000 = 50 USD. A linear short of 0.5 BTC on BYBIT:BTCUSDT (size in units of its contract size, so
     * 0.5 / cs units) at 50,000: notional 0.5 × 50,000 = 25,000 USD, margin
     * 5,000 USDT, funding −3 USDT paid, unrealized 120 USD. A third hedge without a mark adds nothing.
     * Totals: 35,000.00 notional, 10,000 margin, 100 unrealized, 47 funding; 3 hedges, 1 unpriced.
     */
    @Test
    void inverseAndLinearHedgesAddUpInUsd() {
        Instrument inverse = CATALOG.find("BYBIT:BTCUSD").orElseThrow();
        Instrument linear = CATALOG.find("BYBIT:BTCUSDT").orElseThrow();
        BigDecimal linearSize = d("0.5").divide(linear.contractSize());

        PortfolioTotals t = PortfolioTotals.NONE
                .plus(inverse, d("10000"), d("0.1"), d("0.001"), Optional.of(d("50000")), Optional.of(d("-20")))
                .plus(linear, linearSize, d("5000"), d("-3"), Optional.of(d("50000")), Optional.of(d("120")))
                .plus(inverse, d("500"), d("0.01"), BigDecimal.ZERO, Optional.empty(), Optional.empty());

        assertThat(t.notionalUsd()).isEqualByComparingTo("35000");
        assertThat(t.marginUsd()).isEqualByComparingTo("10000");
        assertThat(t.unrealizedPnlUsd()).isEqualByComparingTo("100");
        assertThat(t.fundingUsd()).isEqualByComparingTo("47");
        assertThat(t.hedges()).isEqualTo(3);
        assertThat(t.unpriced()).isEqualTo(1);
    }
}
