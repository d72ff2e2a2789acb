package io.hedgedesk.pricing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stops and take-profits against the mark 2,500. */
class CloseTargetsTest {

    private static final Optional<BigDecimal> MARK = Optional.of(new BigDecimal("2500"));
    private static final CloseTargets NONE = targets(null, null);

    private static CloseTargets targets(String stop, String take) {
        return new CloseTargets(
                Optional.ofNullable(stop).map(BigDecimal::new),
                Optional.ofNullable(take).map(BigDecimal::new),
                Optional.empty());
    }

    /** A short loses as the price rises: stop above the mark (2,600), take-profit below it (2,400). */
    @Test
    void aShortStopsAboveTheMarkAndTakesProfitBelowIt() {
        assertThatCode(() -> targets("2600", "2400").requireOnTheRightSide(Side.SHORT, NONE, MARK))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> targets("2400", "2600").requireOnTheRightSide(Side.SHORT, NONE, MARK))
                .isInstanceOfSatisfying(InvalidHedgeException.class, e -> {
                    assertThat(e.errors())
                            .containsEntry(
                                    "stopPrice",
                                    "A short hedge's stop must be above the current mark 2500; at 2400 it would trigger at once.");
                    assertThat(e.errors())
                            .containsEntry(
                                    "takeProfitPrice",
                                    "A short hedge's take-profit must be below the current mark 2500; at 2600 it would trigger at once.");
                });
        // at the mark it would trigger at once too
        assertThatThrownBy(() -> targets("2500", null).requireOnTheRightSide(Side.SHORT, NONE, MARK))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys("stopPrice"));
    }

    /** A long loses as the price falls: stop below the mark, take-profit above it. */
    @Test
    void aLongStopsBelowTheMarkAndTakesProfitAboveIt() {
        assertThatCode(() -> targets("2400", "2600").requireOnTheRightSide(Side.LONG, NONE, MARK))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> targets("2600", "2400").requireOnTheRightSide(Side.LONG, NONE, MARK))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("stopPrice", "takeProfitPrice"));
    }

    @Test
    void withoutAMarkOrForAnUnchangedLevelTheTargetsAreAccepted() {
        assertThatCode(() -> targets("2400", "2600").requireOnTheRightSide(Side.SHORT, NONE, Optional.empty()))
                .doesNotThrowAnyException();
        // the stop 2,400 was stored when the mark was lower; the mark has crossed it since: saving it again is no error
        assertThatCode(() -> targets("2400", null).requireOnTheRightSide(Side.SHORT, targets("2400.0", null), MARK))
                .doesNotThrowAnyException();
    }

    @Test
    void aLevelMustBePositive() {
        assertThatThrownBy(() -> targets("0", null))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys("stopPrice"));
        assertThatThrownBy(() -> new CloseTargets(Optional.empty(), Optional.empty(), Optional.of(BigDecimal.ZERO)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys("maxFundingCostUsd"));
    }
}
