package io.hedgedesk.web.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.proxy.ReturnType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's query is bound once: typed values, defaults for blanks, a labelled message per bad field. */
class PlanRequestTest {

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return q;
    }

    @Test
    void anEmptyQueryIsTheDefaults() {
        PlanRequest r = PlanRequest.bind(query());
        assertThat(r.errors()).isEmpty();
        assertThat(r.horizonDays()).isEqualTo(30);
        assertThat(r.windowDays()).isEqualTo(365);
        assertThat(r.from()).isEmpty();
        assertThat(r.returnType()).isEqualTo(ReturnType.SIMPLE);
        assertThat(r.proxyAsset()).isEqualTo("BTC");
        assertThat(r.proxyContract()).isEqualTo("BYBIT:BTCUSD");
        assertThat(r.proxyLeverage()).hasValueSatisfying(l -> assertThat(l).isEqualByComparingTo("2"));
        PlanRequest.AssetRequest eth = r.asset("ETH");
        assertThat(eth.contract()).isEmpty();
        assertThat(eth.leverage()).hasValueSatisfying(l -> assertThat(l).isEqualByComparingTo("2"));
        assertThat(eth.margin()).contains(MarginSource.OUT_OF_BAG);
        assertThat(eth.coverage()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("1"));
    }

    @Test
    void typedValuesAreBoundAndThousandsRead() {
        PlanRequest r = PlanRequest.bind(query(
                "horizonDays",
                "1,000",
                "from",
                "2024-01-01",
                "proxyAsset",
                "eth",
                "contract.ETH",
                "BYBIT:ETHUSDT",
                "leverage.ETH",
                "3",
                "margin.ETH",
                "stablecoin",
                "coverage.ETH",
                "0.8",
                "whole.ETH",
                "true"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.horizonDays()).isEqualTo(1000);
        assertThat(r.from()).contains(LocalDate.of(2024, 1, 1));
        assertThat(r.proxyContract()).isEqualTo("BYBIT:ETHUSD");
        PlanRequest.AssetRequest eth = r.asset("ETH");
        assertThat(eth.contract()).contains("BYBIT:ETHUSDT");
        assertThat(eth.leverage()).hasValueSatisfying(l -> assertThat(l).isEqualByComparingTo("3"));
        assertThat(eth.margin()).contains(MarginSource.STABLECOIN);
        assertThat(eth.coverage()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.8"));
        assertThat(eth.whole()).isTrue();
    }

    @Test
    void aBadFieldIsAMessageUnderItsNameWithThePagesLabel() {
        PlanRequest r = PlanRequest.bind(query(
                "horizonDays",
                "٣٠",
                "leverage.SOL",
                "1,5",
                "coverage.SOL",
                "-1",
                "windowDays",
                "ninety",
                "proxyLeverage",
                "0"));
        assertThat(r.errors())
                .containsEntry(
                        "horizonDays", "Funding and scenario horizon must be written with the digits 0-9, was \"٣٠\"");
        assertThat(r.errors())
                .containsEntry(
                        "leverage.SOL",
                        "Leverage (SOL) must be a number such as 1234.5, was \"1,5\": did you mean 1.5?");
        assertThat(r.errors()).containsEntry("coverage.SOL", "Target coverage (SOL) must be greater than zero, was -1");
        assertThat(r.errors()).containsEntry("proxyLeverage", "Proxy hedge leverage must be greater than zero, was 0");
        assertThat(r.horizonDays()).as("the default in its place").isEqualTo(30);
        assertThat(r.asset("SOL").leverage()).isEmpty();
        assertThat(r.assetProblem("SOL")).isEqualTo(Optional.of(r.errors().get("leverage.SOL")));
        assertThat(r.historyProblem()).contains("β and funding window must be a number such as 1234.5, was \"ninety\"");
        assertThat(r.assetProblem("ETH")).isEmpty();
    }
}
