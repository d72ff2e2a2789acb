package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.testing.ContractFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made markets and contracts for the backtest tests. */
final class Fixtures {

    static final LocalDate D0 = LocalDate.of(2024, 1, 1);
    static final Asset AAA = new Asset("AAA");
    static final Asset HHH = new Asset("HHH");
    /** Inverse AAA, face 1 USD, whole contracts, 10x, no fees, MMR 0.5 %, maintenance on entry value. */
    static final Instrument AAA_USD = ContractFixtures.inverse("TEST", "AAAUSD", AAA, "1", "10", "0", "0.005");
    /** Linear AAA, 1 coin per unit, step 0.1, 10x, taker 0.1 %, MMR 1 %, maintenance on entry value. */
    static final Instrument AAA_USDT = ContractFixtures.linear("TEST", "AAAUSDT", AAA, "0.1", "10", "0.001", "0.01");

    private Fixtures() {}

    /** Daily closes from {@link #D0} on. */
    static PriceSeries closes(String asset, String... values) {
        List<PricePoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new PricePoint(D0.plusDays(i), new BigDecimal(values[i])));
        }
        return new PriceSeries(asset, "hand-made", points);
    }

    /** Settlements {@code time=rate} pairs, e.g. {@code "2024-01-02T08:00:00Z=0.0001"}. */
    static FundingRateSeries funding(String contract, String... settlements) {
        List<FundingRate> rates = new ArrayList<>();
        for (String s : settlements) {
            String[] parts = s.split("=");
            rates.add(new FundingRate(Instant.parse(parts[0]), new BigDecimal(parts[1])));
        }
        return new FundingRateSeries(contract, "hand-made", rates);
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
