package io.hedgedesk.pricing.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Net exposure per coin and the hedged share per holding, from the valuer's per-coin coverage. */
class ExposureAndCoverTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final Instrument BTCUSD = CATALOG.get("BYBIT:BTCUSD"); // inverse, 1 USD per contract
    private static final Instrument ETHUSDT = CATALOG.get("BYBIT:ETHUSDT"); // linear, 1 ETH per unit
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final AlertThresholds LIMITS =
            new AlertThresholds(Duration.ofHours(6), new BigDecimal("0.10"), new BigDecimal("0.05"));

    private static final List<HeldCoins> HOLDINGS = List.of(
            new HeldCoins(1, "BTC", d("0.5")), new HeldCoins(2, "ETH", d("4")), new HeldCoins(3, "SOL", d("60")));

    /**
     * Hedge 10: short 25,000 BTCUSD at 100,000, margin 0.05 BTC out of the bag (0.05 at the venue, all from the
     * holding). Hedge 11: short 3 ETHUSDT at 2,000, USDT margin (no coin at the venue).
     */
    private static PortfolioHedges valued(String btcVenue, String btcBag) {
        HedgeAccount btc = account(10, BTCUSD, "25000", "100000", List.of(1L), btcVenue, btcBag);
        HedgeAccount eth = account(11, ETHUSDT, "3", "2000", List.of(2L), "0", "0");
        return HedgeValuer.DEFAULT.value(HOLDINGS, List.of(btc, eth), prices(), NOW, LIMITS);
    }

    @Test
    void netExposureIsSpotPlusCoinsAtTheVenuePlusTheHedges() {
        List<NetExposure> rows = NetExposure.of(HOLDINGS, valued("0.05", "0.05"), prices());
        assertThat(rows).extracting(NetExposure::asset).containsExactly("BTC", "ETH", "SOL");
        // BTC: spot 0.5 (the 0.05 at the venue came from it: counted once), venue 0.05 − 0.05 = 0,
        // hedge −25,000 × 1 / 100,000 = −0.25 → net 0.25 BTC = 25,000 USD at 100,000
        NetExposure btc = rows.get(0);
        assertThat(btc.spotCoins()).isEqualByComparingTo("0.5");
        assertThat(btc.venueCoins()).isEqualByComparingTo("0");
        assertThat(btc.hedgeCoins()).isEqualByComparingTo("-0.25");
        assertThat(btc.netCoins()).isEqualByComparingTo("0.25");
        assertThat(btc.netUsd().orElseThrow()).isEqualByComparingTo("25000");
        // ETH: 4 − 3 × 1 × 2,000 / 2,000 = 1 ETH = 2,000 USD
        assertThat(rows.get(1).hedgeCoins()).isEqualByComparingTo("-3");
        assertThat(rows.get(1).netUsd().orElseThrow()).isEqualByComparingTo("2000");
        // SOL: unhedged, 60 × 150 = 9,000 USD
        assertThat(rows.get(2).netCoins()).isEqualByComparingTo("60");
        assertThat(rows.get(2).netUsd().orElseThrow()).isEqualByComparingTo("9000");
    }

    @Test
    void extraCoinsDepositedAsMarginAreExposureToo() {
        // 0.05 BTC deposited on top of the bag: venue 0.05 − 0 → net 0.5 + 0.05 − 0.25 = 0.30 BTC = 30,000 USD
        NetExposure btc =
                NetExposure.of(HOLDINGS, valued("0.05", "0"), prices()).get(0);
        assertThat(btc.venueCoins()).isEqualByComparingTo("0.05");
        assertThat(btc.netCoins()).isEqualByComparingTo("0.30");
        assertThat(btc.netUsd().orElseThrow()).isEqualByComparingTo("30000");
    }

    @Test
    void theHedgedShareOfAHoldingIsItsCoinsCoverage() {
        List<HoldingCover> covers = HoldingCover.of(HOLDINGS, valued("0.05", "0.05"));
        // BTC: D / H = 0.25 / (0.5 + 0.05 − 0.05) = 0.5; ETH: 3 / 4 = 0.75; SOL: no hedge, 0
        assertThat(covers.get(0).share().orElseThrow()).isEqualByComparingTo("0.5");
        assertThat(covers.get(0).hedgeIds()).containsExactly(10L);
        assertThat(covers.get(1).share().orElseThrow()).isEqualByComparingTo("0.75");
        assertThat(covers.get(1).hedgeIds()).containsExactly(11L);
        assertThat(covers.get(2).share().orElseThrow()).isEqualByComparingTo("0");
        assertThat(covers.get(2).hedgeIds()).isEmpty();
    }

    @Test
    void aHoldingNoHedgeNamesIsNotCoveredByAHedgeOfOtherHoldings() {
        List<HeldCoins> two = List.of(new HeldCoins(1, "BTC", d("0.5")), new HeldCoins(4, "BTC", d("0.5")));
        HedgeAccount btc = account(10, BTCUSD, "25000", "100000", List.of(1L), "0", "0");
        PortfolioHedges v = HedgeValuer.DEFAULT.value(two, List.of(btc), prices(), NOW, LIMITS);
        List<HoldingCover> covers = HoldingCover.of(two, v);
        // the hedge insures holding 1 only: 0.25 / 0.5 = 0.5 for it, nothing for holding 4
        assertThat(covers.get(0).share().orElseThrow()).isEqualByComparingTo("0.5");
        assertThat(covers.get(1).share().orElseThrow()).isEqualByComparingTo("0");
        assertThat(covers.get(1).hedgeIds()).isEmpty();
    }

    private static HedgeAccount account(
            long id,
            Instrument instrument,
            String size,
            String entry,
            List<Long> holdings,
            String venueCoins,
            String bagCoins) {
        return new HedgeAccount(
                id,
                instrument,
                Side.SHORT,
                d(size),
                d(entry),
                d("2"),
                d("0.05"),
                BigDecimal.ONE,
                holdings,
                d(venueCoins),
                d(bagCoins),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                BigDecimal.ZERO);
    }

    private static Prices prices() {
        Map<String, PriceQuote> spot = Map.of(
                "BTC", new PriceQuote("BTC", d("100000"), "manual", NOW.minusSeconds(60)),
                "ETH", new PriceQuote("ETH", d("2000"), "manual", NOW.minusSeconds(60)),
                "SOL", new PriceQuote("SOL", d("150"), "manual", NOW.minusSeconds(60)));
        return new Prices(spot, Map.of());
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
