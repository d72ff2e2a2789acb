package io.hedgedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.valuation.HedgeAlert;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Enum names never reach people: each constant has its words. */
class WordsTest {

    @Test
    void enumsInWords() {
        assertThat(Words.words(MarginSource.OUT_OF_BAG)).isEqualTo("out of the bag");
        assertThat(Words.words(HedgeMark.Kind.DAILY_CLOSE)).isEqualTo("daily close");
        assertThat(Words.words(ContractType.INVERSE)).isEqualTo("inverse (coin-margined)");
        assertThat(Words.words(HedgeEventType.MARGIN_IN)).isEqualTo("margin added");
        assertThat(Words.words(Side.SHORT)).isEqualTo("short");
        assertThat(Words.words(HedgeStatus.CLOSED)).isEqualTo("closed");
        assertThat(Words.words(HedgeEventType.class, "CLOSE")).isEqualTo("closed");
        assertThat(Words.words(HedgeEventType.class, "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    }

    @Test
    void everyConstantHasWordsWithoutUnderscores() {
        for (Enum<?> e : java.util.List.of(
                        MarginSource.values(),
                        HedgeEventType.values(),
                        HedgeMark.Kind.values(),
                        ContractType.values(),
                        Side.values(),
                        HedgeStatus.values())
                .stream()
                .flatMap(java.util.Arrays::stream)
                .toList()) {
            assertThat(Words.words(e)).doesNotContain("_").isNotEqualTo(e.name());
        }
    }

    @Test
    void alertsInWordsWithDisplayNumbers() {
        HedgeAlert drift = new HedgeAlert(
                HedgeAlert.Kind.COVERAGE_DRIFT,
                Optional.empty(),
                "ADA",
                Optional.of(new BigDecimal("0.8")),
                Optional.of(BigDecimal.ONE),
                Optional.of(new BigDecimal("0.05")));
        assertThat(Words.of(drift)).isEqualTo("ADA: coverage 80.00 % is outside ±5.00 % of the target 100.00 %");
        HedgeAlert funding = new HedgeAlert(
                HedgeAlert.Kind.FUNDING_COST,
                Optional.of(9L),
                "AVAX",
                Optional.of(new BigDecimal("1250.125")),
                Optional.of(new BigDecimal("1000")),
                Optional.empty());
        assertThat(Words.of(funding))
                .isEqualTo("Hedge #9 (AVAX): funding paid 1,250.12 USD reached the maximum cost of 1,000.00 USD");
    }

    @Test
    void countsSayOneThingAndManyThings() {
        assertThat(Words.count(1, "hedge")).isEqualTo("1 hedge");
        assertThat(Words.count(0, "hedge")).isEqualTo("0 hedges");
        assertThat(Words.count(2, "row")).isEqualTo("2 rows");
        assertThat(Words.count(1L, "problem")).isEqualTo("1 problem");
        assertThat(Words.count(12L, "acknowledged or snoozed alert")).isEqualTo("12 acknowledged or snoozed alerts");
    }
}
