package io.hedgedesk.domain.portfolio;

import io.hedgedesk.domain.Text;
import io.hedgedesk.domain.instrument.Asset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated content of a holding, before or after it is stored.
 *
 * @param assetSymbol  a known asset ({@link KnownAssets}) or, with {@code customAsset}, any 1-15 upper-case
 *                     letters or digits
 * @param customAsset  whether the user explicitly marked the asset as custom
 * @param quantity     units of the asset held: strictly positive, at most {@link #MAX_QUANTITY}, at most
 *                     {@link #MAX_SCALE} decimal places
 * @param venue        exchange or wallet where it is held, 1-100 characters
 * @param costBasisUsd total cost of the holding in USD (not per unit), zero or positive, at most 8 decimals
 * @param acquiredOn   when it was bought; not in the future
 * @param note         free text, at most 500 characters (may be empty)
 */
public record HoldingDraft(
        String assetSymbol,
        boolean customAsset,
        BigDecimal quantity,
        String venue,
        Optional<BigDecimal> costBasisUsd,
        Optional<LocalDate> acquiredOn,
        String note) {

    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000000");
    public static final BigDecimal MAX_COST = new BigDecimal("1000000000000000");
    public static final int MAX_SCALE = 18;
    public static final int MAX_COST_SCALE = 8;
    public static final int MAX_VENUE = 100;
    public static final int MAX_NOTE = 500;
    public static final LocalDate EARLIEST = LocalDate.of(2009, 1, 3);

    public HoldingDraft {
        Objects.requireNonNull(assetSymbol, "assetSymbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(costBasisUsd, "costBasisUsd");
        Objects.requireNonNull(acquiredOn, "acquiredOn");
        Objects.requireNonNull(note, "note");
        new Asset(assetSymbol);
        if (!customAsset && !KnownAssets.isKnown(assetSymbol)) {
            throw InvalidHoldingException.of("asset", "asset " + assetSymbol + " is not in the known list");
        }
        if (quantity.signum() <= 0
                || quantity.compareTo(MAX_QUANTITY) > 0
                || quantity.stripTrailingZeros().scale() > MAX_SCALE) {
            throw InvalidHoldingException.of("quantity", "quantity must be positive, was " + quantity.toPlainString());
        }
    }

    /**
     * Validates raw input; every field is checked and all messages are collected.
     *
     * @param today the current date (UTC), for "not in the future"
     * @throws InvalidHoldingException with one message per invalid field
     */
    public static HoldingDraft parse(HoldingInput in, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String symbol = in.asset().toUpperCase(Locale.ROOT);
        if (symbol.isEmpty()) {
            errors.put("asset", "Choose an asset.");
        } else if (!symbol.matches("[A-Z0-9]{1,15}")) {
            errors.put("asset", "An asset symbol is 1 to 15 letters or digits.");
        } else if (!in.customAsset() && !KnownAssets.isKnown(symbol)) {
            errors.put("asset", symbol + " is not in the known list; tick \"custom asset\" to use it anyway.");
        }
        BigDecimal quantity = decimal(in.quantity(), "quantity", true, MAX_QUANTITY, MAX_SCALE, errors);
        if (quantity != null && quantity.signum() == 0) {
            errors.put("quantity", "Quantity must be greater than zero.");
        }
        String venue = in.venue();
        if (venue.isEmpty()) {
            errors.put("venue", "Say where it is held (exchange or wallet).");
        } else if (venue.length() > MAX_VENUE) {
            errors.put("venue", "At most " + MAX_VENUE + " characters.");
        } else if (Text.hasControlCharacters(venue, false)) {
            errors.put("venue", "No control characters, please.");
        }
        BigDecimal cost = in.costBasisUsd().isEmpty()
                ? null
                : decimal(in.costBasisUsd(), "costBasisUsd", false, MAX_COST, MAX_COST_SCALE, errors);
        LocalDate acquired = null;
        if (!in.acquiredOn().isEmpty()) {
            try {
                acquired = LocalDate.parse(in.acquiredOn());
                if (acquired.isAfter(today)) {
                    errors.put("acquiredOn", "The date cannot be in the future.");
                } else if (acquired.isBefore(EARLIEST)) {
                    errors.put("acquiredOn", "The date cannot be before " + EARLIEST + ".");
                }
            } catch (DateTimeParseException e) {
                errors.put("acquiredOn", "Use the form YYYY-MM-DD.");
            }
        }
        if (in.note().length() > MAX_NOTE) {
            errors.put("note", "At most " + MAX_NOTE + " characters.");
        } else if (Text.hasControlCharacters(in.note(), true)) {
            errors.put("note", "No control characters other than tabs and line breaks, please.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidHoldingException(errors);
        }
        return new HoldingDraft(
                symbol,
                in.customAsset() && !KnownAssets.isKnown(symbol),
                quantity,
                venue,
                Optional.ofNullable(cost),
                Optional.ofNullable(acquired),
                in.note());
    }

    /**
     * Parses a plain decimal number (digits, optional point; no exponent, no thousands separators) and checks
     * {@code 0 <= value <= max} (or {@code > 0} when {@code positive}) and at most {@code maxScale} decimals.
     * Records a message under {@code field} and returns null when invalid.
     */
    static BigDecimal decimal(
            String text, String field, boolean positive, BigDecimal max, int maxScale, Map<String, String> errors) {
        if (text.isEmpty()) {
            errors.put(field, "Enter a number.");
            return null;
        }
        if (Text.hasNonAsciiDigit(text)) {
            errors.put(field, Text.ASCII_DIGITS_ONLY);
            return null;
        }
        if (!text.matches("\\d{1,20}(\\.\\d{1,30})?")) {
            errors.put(field, "Enter a plain number such as 1.25 (no signs, commas or exponents).");
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.stripTrailingZeros().scale() > maxScale) {
            errors.put(field, "At most " + maxScale + " decimal places.");
            return null;
        }
        if (value.compareTo(max) > 0) {
            errors.put(field, "At most " + max.toPlainString() + ".");
            return null;
        }
        if (positive && value.signum() == 0) {
            errors.put(field, "Must be greater than zero.");
            return null;
        }
        return value;
    }

    /** Parses a manual price in USD per unit: positive, at most 18 decimals, at most 10^15. */
    public static BigDecimal parsePrice(String text) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal price = decimal(text == null ? "" : text.strip(), "price", true, MAX_QUANTITY, MAX_SCALE, errors);
        if (price == null) {
            throw new InvalidHoldingException(errors);
        }
        return price;
    }
}
