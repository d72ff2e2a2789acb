package io.hedgedesk.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's first steps: what counts as done, and when they disappear. */
class OnboardingTest {

    @Test
    void aNewUserHasEveryStepAhead() {
        Onboarding none = Onboarding.of(false, List.of(), false);
        assertThat(none.steps()).extracting(Onboarding.Step::done).containsOnly(false);
        assertThat(none.steps()).extracting(Onboarding.Step::href).startsWith("/teams", "/portfolios");
        assertThat(none.done()).isFalse();
    }

    @Test
    void aSharedTeamIsTheFirstStepAndARecordedHedgeTheLast() {
        assertThat(Onboarding.of(true, List.of(), false).steps().get(0).done()).isTrue();
        Onboarding hedged = Onboarding.of(false, List.of(), true);
        assertThat(hedged.done()).as("shown until a hedge is recorded").isTrue();
    }
}
