package io.hedgedesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.team.Team;
import io.hedgedesk.domain.team.TeamRuleException;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void controlCharactersAreFoundTabsAndLineBreaksOnlyPassInMultiLineText() {
    assertThat(Text.hasControlCharacters("Cold wallet \u202E ünïcode 🙂", false)).isFalse();
    assertThat(Text.hasControlCharacters("a\u0000b", true)).isTrue();
    assertThat(Text.hasControlCharacters("bell\u0007", true)).isTrue();
    assertThat(Text.hasControlCharacters("del\u007F", true)).isTrue();
    assertThat(Text.hasControlCharacters("line\r\nbreak\ttab", true)).isFalse();
    assertThat(Text.hasControlCharacters("line\nbreak", false)).isTrue();
  }

  @Test
  void namesWithANulCharacterAreRefusedBeforeTheDatabaseSeesThem() {
    assertThatThrownBy(() -> Team.requireName("Desk\u0000")).isInstanceOf(TeamRuleException.class)
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> Portfolio.requireName("Bags\u0000")).isInstanceOf(InvalidHoldingException.class);
  }
}
