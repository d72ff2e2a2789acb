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
        assertThat(Text.hasControlCharacters("Cold wallet \u202E ünïcode 🙂", false))
                .isFalse();
        assertThat(Text.hasControlCharacters("a\u0000b", true)).isTrue();
        assertThat(Text.hasControlCharacters("bell\u0007", true)).isTrue();
        assertThat(Text.hasControlCharacters("del\u007F", true)).isTrue();
        assertThat(Text.hasControlCharacters("line\r\nbreak\ttab", true)).isFalse();
        assertThat(Text.hasControlCharacters("line\nbreak", false)).isTrue();
    }

    @Test
    void digitsOfOtherScriptsAreFoundAsciiDigitsAndOtherCharactersAreNot() {
        assertThat(Text.hasNonAsciiDigit("-1234.50")).isFalse();
        assertThat(Text.hasNonAsciiDigit("abc ½ ² Ⅻ")).isFalse(); // not decimal digits: the parsers refuse them anyway
        assertThat(Text.hasNonAsciiDigit("\uFF11\uFF12\uFF13")).isTrue(); // １２３ full-width
        assertThat(Text.hasNonAsciiDigit("\u0663")).isTrue(); // ٣ Arabic-Indic
        assertThat(Text.hasNonAsciiDigit("1\u0966")).isTrue(); // १ Devanagari after an ASCII digit
        assertThat(Text.hasNonAsciiDigit("\uD835\uDFD9")).isTrue(); // 𝟙 mathematical double-struck, outside the BMP
        // the reason: Java's parsers take them as digits
        assertThat(new java.math.BigDecimal("\uFF11\uFF12\uFF13")).isEqualByComparingTo("123");
        assertThat(Long.parseLong("\u0663")).isEqualTo(3L);
    }

    @Test
    void namesWithANulCharacterAreRefusedBeforeTheDatabaseSeesThem() {
        assertThatThrownBy(() -> Team.requireName("Desk\u0000"))
                .isInstanceOf(TeamRuleException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> Portfolio.requireName("Bags\u0000")).isInstanceOf(InvalidHoldingException.class);
    }
}
