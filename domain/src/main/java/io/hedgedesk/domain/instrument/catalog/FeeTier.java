package io.hedgedesk.domain.instrument.catalog;

import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One level of a venue's published fee schedule (VIP 0, VIP 1, ...), as fractions of the notional.
 *
 * @param name         the venue's name for the level, e.g. {@code "VIP 1"}
 * @param makerFeeRate maker rate; negative = rebate
 * @param takerFeeRate taker rate
 * @param source       where the schedule was read
 */
public record FeeTier(String name, BigDecimal makerFeeRate, BigDecimal takerFeeRate, String source) {

    public FeeTier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(makerFeeRate, "makerFeeRate");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
        Objects.requireNonNull(source, "source");
    }

    /** True for {@code "VIP 1"}, {@code "vip1"} or {@code "VIP-1"}: case, spaces, dashes and underscores ignored. */
    public boolean isNamed(String text) {
        return key(name).equals(key(text));
    }

    /** The instrument at this level's rates. */
    public Instrument applyTo(Instrument instrument) {
        return FeeTiers.withFeeRates(instrument, makerFeeRate, takerFeeRate);
    }

    private static String key(String text) {
        return text == null ? "" : text.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
    }
}
