package io.hedgedesk.domain.instrument.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled catalog against contracts.json, and the loader's errors on bad input. */
class ContractCatalogTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();

    @Test
    void loadsAllFortyEntriesInFileOrder() {
        // 23 until the linear USDT perpetuals of every coin with an inverse contract joined (8 Bybit, 9 Binance)
        List<Instrument> all = CATALOG.all();
        assertThat(all).hasSize(40);
        assertThat(all.get(0).id()).isEqualTo("BYBIT:BTCUSD");
        assertThat(all.get(39).id()).isEqualTo("OKX:BTC-USD-SWAP");
        assertThat(all).extracting(Instrument::id).doesNotHaveDuplicates();
    }

    @Test
    void bybitInverseBtcMatchesTheJson() {
        Instrument btcusd = CATALOG.get("BYBIT:BTCUSD");
        assertThat(btcusd.venue()).isEqualTo("BYBIT");
        assertThat(btcusd.symbol()).isEqualTo("BTCUSD");
        assertThat(btcusd.type()).isEqualTo(ContractType.INVERSE);
        assertThat(btcusd.baseAsset()).isEqualTo(new Asset("BTC"));
        assertThat(btcusd.quoteAsset()).isEqualTo(Asset.USD);
        assertThat(btcusd.settlementAsset()).isEqualTo(new Asset("BTC"));
        assertThat(btcusd.contractSize()).isEqualByComparingTo("1");
        assertThat(btcusd.quantityStep()).isEqualByComparingTo("1");
        assertThat(btcusd.tickSize()).isEqualByComparingTo("0.5");
        assertThat(btcusd.fundingInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(btcusd.maxLeverage()).isEqualByComparingTo("100");
        assertThat(btcusd.makerFeeRate()).isEqualByComparingTo("0.0002");
        assertThat(btcusd.takerFeeRate()).isEqualByComparingTo("0.00055");
        assertThat(btcusd.liquidationConvention()).isEqualTo(LiquidationConvention.MAINTENANCE_ON_MARK_VALUE);
        assertThat(btcusd.tierMeasure()).isEqualTo(TierMeasure.POSITION_VALUE);
        assertThat(btcusd.maintenanceTiers())
                .containsExactly(
                        new MaintenanceTier(
                                Optional.of(new BigDecimal("150")),
                                new BigDecimal("0.005"),
                                new BigDecimal("100"),
                                new BigDecimal("0")),
                        new MaintenanceTier(
                                Optional.empty(),
                                new BigDecimal("0.01"),
                                new BigDecimal("66.67"),
                                new BigDecimal("0.75")));
        assertThat(btcusd.source())
                .startsWith("Spec: bybit-exchange/docs-legacy")
                .contains("ASSUMED: tier 2");
    }

    @Test
    void binanceCoinMarginedBtcHasTenTiersWithThePublishedAmount() {
        Instrument perp = CATALOG.get("BINANCE:BTCUSD_PERP");
        assertThat(perp.contractSize()).isEqualByComparingTo("100");
        assertThat(perp.tickSize()).isEqualByComparingTo("0.1");
        assertThat(perp.maxLeverage()).isEqualByComparingTo("125");
        assertThat(perp.takerFeeRate()).isEqualByComparingTo("0.0005");
        assertThat(perp.maintenanceTiers()).hasSize(10);
        MaintenanceTier seventh = perp.maintenanceTiers().get(6);
        assertThat(seventh.upTo()).contains(new BigDecimal("400"));
        assertThat(seventh.maintenanceMarginRate()).isEqualByComparingTo("0.125");
        assertThat(seventh.maxLeverage()).isEqualByComparingTo("4");
        assertThat(seventh.maintenanceAmount()).isEqualByComparingTo("11.605");
        assertThat(perp.maintenanceTiers().get(9).maintenanceAmount()).isEqualByComparingTo("496.605");
    }

    @Test
    void linearEntrySettlesInUsdt() {
        Instrument btcusdt = CATALOG.get("BINANCE:BTCUSDT");
        assertThat(btcusdt.type()).isEqualTo(ContractType.LINEAR);
        assertThat(btcusdt.quoteAsset()).isEqualTo(Asset.USDT);
        assertThat(btcusdt.settlementAsset()).isEqualTo(Asset.USDT);
        assertThat(btcusdt.quantityStep()).isEqualByComparingTo("0.001");
        assertThat(btcusdt.maintenanceTiers().get(1).upTo()).contains(new BigDecimal("250000"));
        assertThat(btcusdt.maintenanceTiers().get(1).maintenanceAmount()).isEqualByComparingTo("50");
    }

    @Test
    void specialCasesMapToTheDomain() {
        // Deribit accrues funding continuously: fundingIntervalHours 0 -> Duration.ZERO, and a zero maker fee.
        Instrument deribit = CATALOG.get("DERIBIT:BTC-PERPETUAL");
        assertThat(deribit.fundingInterval()).isEqualTo(Duration.ZERO);
        assertThat(deribit.fundingIntervalsPerYear()).isZero();
        assertThat(deribit.makerFeeRate()).isZero();
        assertThat(deribit.contractSize()).isEqualByComparingTo("10");
        // OKX bounds its tiers in contracts.
        assertThat(CATALOG.get("OKX:BTC-USD-SWAP").tierMeasure()).isEqualTo(TierMeasure.CONTRACTS);
        // BitMEX is the entry-value venue; XBT is catalogued as BTC; 100-contract lots.
        Instrument bitmex = CATALOG.get("BITMEX:XBTUSD");
        assertThat(bitmex.liquidationConvention()).isEqualTo(LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE);
        assertThat(bitmex.baseAsset()).isEqualTo(new Asset("BTC"));
        assertThat(bitmex.quantityStep()).isEqualByComparingTo("100");
        assertThat(bitmex.takerFeeRate()).isEqualByComparingTo("0.00075");
    }

    @Test
    void maintenanceAmountsFollowThePublishedCumulativeRule() {
        // README: amount_1 = 0, amount_n = amount_(n-1) + upTo_(n-1) x (MMR_n - MMR_(n-1)), for every venue that
        // publishes an amount; venues without one carry 0 throughout.
        for (Instrument instrument : CATALOG.all()) {
            List<MaintenanceTier> tiers = instrument.maintenanceTiers();
            assertThat(tiers.get(0).maintenanceAmount()).as(instrument.id()).isZero();
            boolean published =
                    tiers.stream().anyMatch(t -> t.maintenanceAmount().signum() > 0);
            for (int i = 1; i < tiers.size() && published; i++) {
                BigDecimal expected = tiers.get(i - 1)
                        .maintenanceAmount()
                        .add(tiers.get(i - 1)
                                .upTo()
                                .orElseThrow()
                                .multiply(tiers.get(i)
                                        .maintenanceMarginRate()
                                        .subtract(tiers.get(i - 1).maintenanceMarginRate())));
                assertThat(tiers.get(i).maintenanceAmount())
                        .as(instrument.id() + " tier " + i)
                        .isEqualByComparingTo(expected);
            }
        }
    }

    @Test
    void findGetAndForBaseAsset() {
        assertThat(CATALOG.find("BYBIT:ETHUSD")).map(Instrument::contractSize).contains(BigDecimal.ONE);
        assertThat(CATALOG.find("NOPE:XYZ")).isEmpty();
        assertThatThrownBy(() -> CATALOG.get("NOPE:XYZ"))
                .isInstanceOf(ContractNotFoundException.class)
                .hasMessage("no contract NOPE:XYZ in the catalog")
                .extracting(e -> ((ContractNotFoundException) e).id())
                .isEqualTo("NOPE:XYZ");
        assertThat(CATALOG.forBaseAsset(new Asset("BTC")))
                .extracting(Instrument::id)
                .containsExactly(
                        "BYBIT:BTCUSD",
                        "BYBIT:BTCUSDT",
                        "BINANCE:BTCUSD_PERP",
                        "BINANCE:BTCUSDT",
                        "BITMEX:XBTUSD",
                        "DERIBIT:BTC-PERPETUAL",
                        "OKX:BTC-USD-SWAP");
        assertThat(CATALOG.forBaseAsset(new Asset("ETH")))
                .extracting(Instrument::id)
                .containsExactly("BYBIT:ETHUSD", "BYBIT:ETHUSDT", "BINANCE:ETHUSD_PERP", "BINANCE:ETHUSDT");
        assertThat(CATALOG.forBaseAsset(new Asset("ADA")))
                .extracting(Instrument::id)
                .containsExactly("BYBIT:ADAUSDT", "BINANCE:ADAUSD_PERP", "BINANCE:ADAUSDT");
        assertThat(CATALOG.forBaseAsset(new Asset("PEPE"))).isEmpty();
    }

    @Test
    void everyCoinWithAnInverseContractHasALinearOneOnBybitAndBinance() {
        List<Asset> coins = CATALOG.all().stream()
                .filter(Instrument::isInverse)
                .map(Instrument::baseAsset)
                .distinct()
                .toList();
        assertThat(coins)
                .extracting(Asset::symbol)
                .containsExactlyInAnyOrder(
                        "BTC", "ETH", "SOL", "XRP", "ADA", "DOT", "LINK", "DOGE", "BNB", "LTC", "AVAX");
        for (Asset coin : coins) {
            for (String venue : List.of("BYBIT", "BINANCE")) {
                Instrument linear = CATALOG.get(venue + ":" + coin.symbol() + "USDT");
                assertThat(linear.type()).as(linear.id()).isEqualTo(ContractType.LINEAR);
                assertThat(linear.settlementAsset().symbol()).as(linear.id()).isEqualTo("USDT");
                assertThat(linear.contractSize()).as(linear.id()).isEqualByComparingTo("1");
                assertThat(linear.liquidationConvention())
                        .as(linear.id())
                        .isEqualTo(LiquidationConvention.MAINTENANCE_ON_MARK_VALUE);
                assertThat(linear.source()).as(linear.id()).contains("http").contains("Fees:");
            }
        }
        // the one per-symbol table found: Binance XRPUSDT after 2024-08-27, 75x to 10,000 USDT at 0.50 %;
        // tier 3's amount by the cum rule: 10,000 × (0.65 % − 0.50 %) + 20,000 × (1 % − 0.65 %) = 15 + 70 = 85
        Instrument xrp = CATALOG.get("BINANCE:XRPUSDT");
        assertThat(xrp.maxLeverage()).isEqualByComparingTo("75");
        assertThat(xrp.maintenanceTiers().get(0).upTo()).contains(new BigDecimal("10000"));
        assertThat(xrp.maintenanceTiers().get(2).maintenanceAmount()).isEqualByComparingTo("85");
        assertThat(CATALOG.get("BINANCE:DOGEUSDT").tickSize()).isEqualByComparingTo("0.00001");
    }

    @Test
    void loadsAUserCatalog() {
        ContractCatalog one = load(catalog(ENTRY));
        assertThat(one.all()).singleElement().extracting(Instrument::id).isEqualTo("TEST:BTCUSD");
        assertThat(one.get("TEST:BTCUSD").maintenanceTiers().get(0).upTo()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- bad input

    /** A minimal valid entry; tests break one field at a time. */
    private static final String ENTRY = """
      {"id": "TEST:BTCUSD", "venue": "TEST", "symbol": "BTCUSD", "type": "INVERSE", "baseAsset": "BTC",
       "quoteAsset": "USD", "settlementAsset": "BTC", "contractSize": "100", "quantityStep": "1",
       "tickSize": "0.1", "fundingIntervalHours": 8, "maxLeverage": "100", "makerFeeRate": "-0.0001",
       "takerFeeRate": "0.0005", "liquidationConvention": "MAINTENANCE_ON_MARK_VALUE", "tierUnit": "BTC",
       "maintenanceTiers": [{"upTo": null, "maintenanceMarginRate": "0.005", "maxLeverage": "100",
       "maintenanceAmount": "0"}], "source": "hand-made"}""";

    private static String catalog(String... entries) {
        return "{\"contracts\": [" + String.join(",", entries) + "]}";
    }

    private static ContractCatalog load(String json) {
        return ContractCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> load(json))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessage(message);
    }

    @Test
    void malformedJsonNamesThePosition() {
        assertRejected(
                "{\"contracts\": [\n  1,\n]}",
                "malformed JSON at line 3, column 1 (offset 21): unexpected ']', expected a value");
        assertRejected("", "malformed JSON at line 1, column 1 (offset 0): unexpected end of input, expected a value");
        assertRejected(
                "{\"contracts\": []} x",
                "malformed JSON at line 1, column 19 (offset 18): unexpected 'x' after the JSON value");
    }

    @Test
    void wrongTopLevelShape() {
        assertRejected("[]", "catalog: expected an object, was an array");
        assertRejected("{\"contracts\": []}", "catalog: field \"contracts\" must be a non-empty array, was an array");
        assertRejected("{}", "catalog: missing field contracts");
        assertRejected("{\"contracts\": [1], \"x\": 2}", "catalog: unknown field x");
        assertRejected(catalog("7"), "contracts[0]: expected an object, was number 7");
    }

    @Test
    void invalidEntriesNameTheEntryAndTheField() {
        assertRejected(
                catalog(ENTRY.replace("\"contractSize\": \"100\"", "\"contractSize\": 100")),
                "contracts[0] (TEST:BTCUSD): field \"contractSize\" must be a string holding a decimal, was number 100");
        assertRejected(
                catalog(ENTRY.replace("\"tickSize\": \"0.1\"", "\"tickSize\": \"0,1\"")),
                "contracts[0] (TEST:BTCUSD): field \"tickSize\" must be a string holding a decimal, was \"0,1\"");
        assertRejected(
                catalog(ENTRY.replace("\"type\": \"INVERSE\"", "\"type\": \"inverse\"")),
                "contracts[0] (TEST:BTCUSD): field \"type\" must be one of [INVERSE, LINEAR], was \"inverse\"");
        assertRejected(
                catalog(ENTRY.replace("\"fundingIntervalHours\": 8", "\"fundingIntervalHours\": 1.5")),
                "contracts[0] (TEST:BTCUSD): field \"fundingIntervalHours\" must be a whole number ≥ 0, was number 1.5");
        assertRejected(
                catalog(ENTRY.replace("\"fundingIntervalHours\": 8", "\"fundingIntervalHours\": -8")),
                "contracts[0] (TEST:BTCUSD): field \"fundingIntervalHours\" must be a whole number ≥ 0, was number -8");
        assertRejected(
                catalog(ENTRY.replace("\"baseAsset\": \"BTC\"", "\"baseAsset\": \"btc\"")),
                "contracts[0] (TEST:BTCUSD): field \"baseAsset\" must be an asset symbol (1-15 upper-case letters or "
                        + "digits), was \"btc\"");
        assertRejected(
                catalog(ENTRY.replace("\"venue\": \"TEST\"", "\"venue\": \" \"")),
                "contracts[0] (TEST:BTCUSD): field \"venue\" must be a non-blank string, was \" \"");
        assertRejected(
                catalog(ENTRY.replace("\"source\": \"hand-made\"", "\"sauce\": \"hand-made\"")),
                "contracts[0] (TEST:BTCUSD): missing field source");
        assertRejected(catalog(ENTRY.replace("\"id\": \"TEST:BTCUSD\", ", "")), "contracts[0]: missing field id");
    }

    @Test
    void tierUnitMustBeContractsOrTheSettlementAsset() {
        assertThat(load(catalog(ENTRY.replace("\"tierUnit\": \"BTC\"", "\"tierUnit\": \"CONTRACTS\"")))
                        .get("TEST:BTCUSD")
                        .tierMeasure())
                .isEqualTo(TierMeasure.CONTRACTS);
        assertRejected(
                catalog(ENTRY.replace("\"tierUnit\": \"BTC\"", "\"tierUnit\": \"USDT\"")),
                "contracts[0] (TEST:BTCUSD): field \"tierUnit\" must be CONTRACTS or the settlement asset BTC, was \"USDT\"");
    }

    @Test
    void invalidTiersNameTheTier() {
        assertRejected(
                catalog(ENTRY.replace("\"maintenanceMarginRate\": \"0.005\"", "\"maintenanceMarginRate\": \"1\"")),
                "contracts[0] (TEST:BTCUSD) maintenanceTiers[0]: maintenanceMarginRate must be in (0, 1), was 1");
        assertRejected(
                catalog(ENTRY.replace("\"upTo\": null", "\"upTo\": \"50\"")),
                "contracts[0] (TEST:BTCUSD): TEST:BTCUSD: the last maintenance tier must be unbounded");
        assertRejected(
                catalog(ENTRY.replace("\"maintenanceAmount\": \"0\"", "\"maintenanceAmount\": \"0\", \"x\": 1")),
                "contracts[0] (TEST:BTCUSD) maintenanceTiers[0]: unknown field x");
        assertRejected(
                catalog(ENTRY.replace("\"maintenanceTiers\": [", "\"maintenanceTiers\": [7, ")),
                "contracts[0] (TEST:BTCUSD) maintenanceTiers[0]: expected an object, was number 7");
    }

    @Test
    void domainInvariantsAreReportedWithTheEntry() {
        assertRejected(
                catalog(ENTRY.replace("\"settlementAsset\": \"BTC\"", "\"settlementAsset\": \"USDT\"")
                        .replace("\"tierUnit\": \"BTC\"", "\"tierUnit\": \"USDT\"")),
                "contracts[0] (TEST:BTCUSD): TEST:BTCUSD: an inverse contract settles in its base asset BTC, not USDT");
        assertRejected(
                catalog(ENTRY.replace("\"contractSize\": \"100\"", "\"contractSize\": \"0\"")),
                "contracts[0] (TEST:BTCUSD): TEST:BTCUSD contractSize must be positive, was 0");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertRejected(catalog(ENTRY, ENTRY), "contracts[1] (TEST:BTCUSD): field \"id\" duplicates an earlier entry");
    }
}
