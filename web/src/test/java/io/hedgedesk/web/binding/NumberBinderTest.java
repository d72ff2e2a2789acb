package io.hedgedesk.web.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.web.binding.NumberBinder.Field;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberBinderTest {

    static final Field COVERAGE = Field.labelled("coverage.ETH", "Target coverage (ETH)");
    static final Field SIZE = Field.named("size");

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1234.5|1234.5",
                "-0.25|-0.25",
                "+3|3",
                ".5|0.5",
                "7.|7",
                "  42  |42",
                "2,400|2400",
                "1,234,567.89|1234567.89",
                "-2,400.5|-2400.5",
                "12,345|12345",
                "2 400|2400",
                "1\u00A0234\u00A0567|1234567",
                "1\u202F000.25|1000.25",
                "\u2212150|-150",
                "2.400|2.4",
                "0.000000000000000001|0.000000000000000001",
                "999999999999999.5|999999999999999.5"
            })
    void readsPlainAndUnambiguouslyGroupedNumbers(String typed, String expected) {
        assertThat(NumberBinder.decimal(SIZE, typed)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is refused, suggesting {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1,5|1.5",
                "0,500|0.500",
                "-1,5|-1.5",
                "1.234,5|1234.5",
                "1.234.567|1234567",
                "1 234,75|1234.75",
                "1.5k|1500",
                "2K|2000",
                "3 m|3000000",
                "0.2bn|200000000",
                "1e-4|0.0001",
                "2E3|2000"
            })
    void answersWhatCanBeReadTwoWaysWithASuggestion(String typed, String suggestion) {
        assertThatThrownBy(() -> NumberBinder.decimal(COVERAGE, typed))
                .isInstanceOfSatisfying(BadNumberException.class, e -> {
                    assertThat(e.field()).isEqualTo("coverage.ETH");
                    assertThat(e.suggestion()).contains(suggestion);
                    assertThat(e.getMessage())
                            .isEqualTo("Target coverage (ETH) must be a number such as 1234.5, was \"" + typed
                                    + "\": did you mean " + suggestion + "?");
                });
    }

    @Test
    void oneWordingForEveryRefusalNamingTheField() {
        assertThat(refusal(SIZE, "ten")).isEqualTo("size must be a number such as 1234.5, was \"ten\"");
        assertThat(refusal(SIZE, "NaN")).isEqualTo("size must be a number such as 1234.5, was \"NaN\"");
        assertThat(refusal(SIZE, "1e9999")).isEqualTo("size must be a number such as 1234.5, was \"1e9999\"");
        assertThat(refusal(SIZE, "1,23,456")).isEqualTo("size must be a number such as 1234.5, was \"1,23,456\"");
        assertThat(refusal(SIZE, "2,400 000")).isEqualTo("size must be a number such as 1234.5, was \"2,400 000\"");
        assertThat(refusal(SIZE, " ")).isEqualTo("size is required");
        assertThat(refusal(COVERAGE, "\uFF11\uFF12"))
                .isEqualTo("Target coverage (ETH) must be written with the digits 0-9," + " was \"\uFF11\uFF12\"");
        assertThat(refusal(SIZE, "\u0663")).isEqualTo("size must be written with the digits 0-9, was \"\u0663\"");
        assertThat(refusal(SIZE, "1234567890123456"))
                .isEqualTo("size is too large (at most 15 digits before the" + " decimal point)");
        assertThat(refusal(SIZE, "0.0000000000000000001")).isEqualTo("size has too many decimals (at most 18)");
        assertThat(refusal(SIZE, "1".repeat(65))).isEqualTo("size is too long (at most 64 characters)");
    }

    @Test
    void aSuggestionBeyondTheLimitsIsNotMade() {
        assertThatThrownBy(() -> NumberBinder.decimal(SIZE, "9e20"))
                .isInstanceOfSatisfying(
                        BadNumberException.class,
                        e -> assertThat(e.suggestion()).isEmpty());
        assertThatThrownBy(() -> NumberBinder.decimal(SIZE, "1,0000000000000000001"))
                .isInstanceOfSatisfying(
                        BadNumberException.class,
                        e -> assertThat(e.suggestion()).isEmpty());
    }

    @Test
    void signsAndRanges() {
        assertThat(NumberBinder.positive(SIZE, "0.1")).isEqualByComparingTo("0.1");
        assertThat(refusalOf(() -> NumberBinder.positive(SIZE, "-5")))
                .isEqualTo("size must be greater than zero, was -5");
        assertThat(refusalOf(() -> NumberBinder.positive(SIZE, "0")))
                .isEqualTo("size must be greater than zero, was 0");
        assertThat(NumberBinder.nonNegative(SIZE, "0")).isEqualByComparingTo("0");
        assertThat(refusalOf(() -> NumberBinder.nonNegative(SIZE, "-0.5")))
                .isEqualTo("size must not be negative, was -0.5");
        Field days = Field.labelled("horizonDays", "Horizon (days)");
        assertThat(NumberBinder.whole(days, "1,000", 1, 3650)).isEqualTo(1000);
        assertThat(NumberBinder.whole(days, "30.0", 1, 3650)).isEqualTo(30);
        assertThat(refusalOf(() -> NumberBinder.whole(days, "3.5", 1, 3650)))
                .isEqualTo("Horizon (days) must be a whole number such as 30, was \"3.5\"");
        assertThat(refusalOf(() -> NumberBinder.whole(days, "5000", 1, 3650)))
                .isEqualTo("Horizon (days) must be between 1 and 3650, was 5000");
    }

    @Test
    void aBlankOptionalFieldIsEmpty() {
        assertThat(NumberBinder.optional(SIZE, "")).isEmpty();
        assertThat(NumberBinder.optional(SIZE, null)).isEmpty();
        assertThat(NumberBinder.optional(SIZE, "2,400")).isEqualTo(Optional.of(new BigDecimal("2400")));
    }

    @Test
    void echoedInputIsShortAndHasNoControlCharacters() {
        assertThat(refusal(SIZE, "abc\u0007" + "x".repeat(40)))
                .isEqualTo("size must be a number such as 1234.5, was \"abc?" + "x".repeat(20) + "…\"");
    }

    private static String refusal(Field field, String typed) {
        return refusalOf(() -> NumberBinder.decimal(field, typed));
    }

    private static String refusalOf(Runnable bind) {
        try {
            bind.run();
        } catch (BadNumberException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }
}
