package io.hedgedesk.pricing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.pricing.alerts.AlertGate.Decision;
import io.hedgedesk.pricing.alerts.AlertGate.Direction;
import io.hedgedesk.pricing.alerts.AlertGate.Rule;
import io.hedgedesk.pricing.alerts.AlertGate.State;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertGateTest {

    private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

    private static List<Decision> run(Rule rule, String... values) {
        State state = State.ARMED;
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            AlertGate.Outcome o =
                    AlertGate.apply(rule, state, new BigDecimal(values[i]), T0.plus(Duration.ofMinutes(i)));
            decisions.add(o.decision());
            state = o.state();
        }
        return decisions;
    }

    @Test
    void aValueHoveringAtTheThresholdSendsOnceUntilItIsClearOfTheBand() {
        // liquidation alert below 10 % with a 2-point band: 9.9, 10.1, 9.8, 11.9 stay fired (one message);
        // 12.0 re-arms (≥ 10 + 2); 9.5 fires again an hour… here minutes later, with no rate limit
        Rule rule = new Rule(new BigDecimal("0.10"), new BigDecimal("0.02"), Direction.BELOW, Duration.ZERO);
        assertThat(run(rule, "0.15", "0.099", "0.101", "0.098", "0.119", "0.12", "0.095"))
                .containsExactly(
                        Decision.QUIET,
                        Decision.SEND,
                        Decision.STILL_FIRED,
                        Decision.STILL_FIRED,
                        Decision.STILL_FIRED,
                        Decision.REARMED,
                        Decision.SEND);
    }

    @Test
    void aReFiringWithinTheMinimumIntervalIsHeldBack() {
        // coverage drift above 5 points, band 1 point, at most one message per 3 minutes: sent at minute 1, re-armed at
        // minute 2 (3.9 ≤ 5 − 1), over again at minute 3 → held back (2 minutes after the last message, less than 3),
        // still
        // over at minute 4 (3 minutes after) → sent, then fired
        Rule rule = new Rule(new BigDecimal("5"), BigDecimal.ONE, Direction.ABOVE, Duration.ofMinutes(3));
        assertThat(run(rule, "4", "6", "3.9", "7", "7", "7"))
                .containsExactly(
                        Decision.QUIET,
                        Decision.SEND,
                        Decision.REARMED,
                        Decision.RATE_LIMITED,
                        Decision.SEND,
                        Decision.STILL_FIRED);
    }
}
