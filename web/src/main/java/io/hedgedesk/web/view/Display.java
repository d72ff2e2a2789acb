package io.hedgedesk.web.view;

import io.hedgedesk.domain.instrument.Instrument;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where the web module rounds and prints numbers for people, and the only one that rounds at all:
 * pages, Qute templates (through the {@link TemplateExtension} methods, so templates do no arithmetic), the JSON API's
 * display-rounded figures and the CSV exports call it.
 *
 * <p>Rules: thousands separators ({@code 40,000}); the unit or asset on every amount ({@code 45,554.00 USD},
 * {@code 23,625 USDT}, {@code 0 AVAX}); USD with 2 decimals; coins and settlement assets with at most 8 decimals
 * and no padding zeros; prices at the contract's tick (as many decimals as the tick size, at least 2); percentages
 * with 2 decimals and a % sign ({@code 12.34 %}); statistics (β, ρ, R², σ) with 4 decimals.
 *
 * <p><b>Rounding: {@link RoundingMode#HALF_EVEN} everywhere</b> ({@link #ROUNDING}). Half-even rounds a tie to the
 * even neighbour (0.125 → 0.12, 0.135 → 0.14), so rounding errors cancel over many rows instead of all pushing up:
 * a column of rounded cents sums to the rounded total more often, and the yearly totals of the history page, the
 * CSV exports (the same rule, so a page and its export agree to the cent) and the ledger's own sums stay within a
 * cent of each other. It is also {@link DecimalFormat}'s default and IEEE 754's, so a value
 * formatted anywhere in the JVM rounds the same way. Half-up (0.125 → 0.13) is what people learn at school, but
 * its bias grows with the number of rows summed, and the figures here are summed (yearly PnL, funding, fees).
 */
public final class Display {

    /** The one rounding mode of every displayed or exported figure. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    /** Decimals of a USD amount. */
    public static final int USD_DECIMALS = 2;
    /** Most decimals of a coin or settlement-asset amount (a satoshi). */
    public static final int COIN_DECIMALS = 8;
    /** Decimals of a percentage. */
    public static final int PERCENT_DECIMALS = 2;
    /** Decimals of a statistic (β, ρ, R², σ). */
    public static final int RATIO_DECIMALS = 4;
    /** Shown where a figure is not known. */
    public static final String NONE = "—";

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Display() {}

    // ---------------------------------------------------------------- rounded numbers (JSON, CSV, form values)

    /** {@code value} rounded ({@link #ROUNDING}) to exactly {@code decimals} decimals: 0.125 at 2 → 0.12. */
    public static BigDecimal rounded(BigDecimal value, int decimals) {
        return value.setScale(decimals, ROUNDING);
    }

    /** USD at cents: 0.125 → 0.12, 0.135 → 0.14. */
    public static BigDecimal cents(BigDecimal usd) {
        return rounded(usd, USD_DECIMALS);
    }

    /** A coin or settlement amount at 8 decimals, padded: 1.5 → 1.50000000 (the API's fixed scale). */
    public static BigDecimal satoshis(BigDecimal coins) {
        return rounded(coins, COIN_DECIMALS);
    }

    /** A coin amount at most 8 decimals, no padding zeros, never exponent form: 23625.00000000 → 23625. */
    public static BigDecimal coinsTrimmed(BigDecimal coins) {
        return noExponent(rounded(coins, COIN_DECIMALS));
    }

    /** A fraction as percentage points with 2 decimals: 0.12345 → 12.34 (half-even: 12.345 → 12.34). */
    public static BigDecimal percentPoints(BigDecimal fraction) {
        return rounded(fraction.movePointRight(2), PERCENT_DECIMALS);
    }

    /** A {@code double} fraction as percentage points with 2 decimals, from its shortest exact decimal. */
    public static BigDecimal percentPoints(double fraction) {
        return percentPoints(BigDecimal.valueOf(fraction));
    }

    /** Decimals of a price of {@code instrument}: those of its tick size, at least 2 (tick 0.0001 → 4, 0.5 → 2). */
    public static int priceDecimals(Instrument instrument) {
        return Math.max(2, instrument.tickSize().stripTrailingZeros().scale());
    }

    /** A computed price (average entry, mark, liquidation) at the contract's tick: see {@link #priceDecimals}. */
    public static BigDecimal atTick(BigDecimal price, Instrument instrument) {
        return rounded(price, priceDecimals(instrument));
    }

    /** A value as stored, without padding zeros and never in exponent form: 1E+1 → 10, 2971.6400 → 2971.64. */
    public static BigDecimal noExponent(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /**
     * An exact value written with {@code decimals} decimals (a multiple of a quantity step written at the step's
     * decimals); throws {@link ArithmeticException} if that would round.
     */
    public static BigDecimal exactAt(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.UNNECESSARY);
    }

    // ---------------------------------------------------------------- text for people

    /** A number with thousands separators and between {@code min} and {@code max} decimals: 40000 → "40,000". */
    public static String number(BigDecimal value, int min, int max) {
        DecimalFormat format = new DecimalFormat("#,##0", SYMBOLS);
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);
        BigDecimal shown = rounded(value, max);
        // a negative value that rounds to zero prints as 0, not -0
        return format.format(shown.signum() == 0 ? BigDecimal.ZERO : shown);
    }

    /** USD with 2 decimals, separators and the unit: 45554 → "45,554.00 USD", 0.125 → "0.12 USD". */
    @TemplateExtension
    public static String usd(BigDecimal usd) {
        return number(usd, USD_DECIMALS, USD_DECIMALS) + " USD";
    }

    /** {@link #usd(BigDecimal)}, or "—" when unknown. */
    public static String usd(Optional<BigDecimal> usd) {
        return usd.map(Display::usd).orElse(NONE);
    }

    /**
     * An amount of {@code asset} with its symbol: USD with 2 decimals ("45,554.00 USD"), any other asset (coins,
     * USDT, USDC) with at most 8 decimals and no padding zeros ("23,625 USDT", "0 AVAX", "0.00004949 BTC").
     */
    @TemplateExtension
    public static String amount(BigDecimal value, String asset) {
        return "USD".equals(asset) ? usd(value) : number(value, 0, COIN_DECIMALS) + " " + asset;
    }

    /** {@link #amount(BigDecimal, String)}, or "—" when unknown. */
    public static String amount(Optional<BigDecimal> value, String asset) {
        return value.map(v -> amount(v, asset)).orElse(NONE);
    }

    /** A quantity (coins held, contracts) without a unit: separators, at most 8 decimals, no padding: "40,000". */
    @TemplateExtension
    public static String quantity(BigDecimal value) {
        return number(value, 0, COIN_DECIMALS);
    }

    /** A price at the contract's tick with separators: 2971.6 at tick 0.01 → "2,971.60"; 0.4 at 0.0001 → "0.4000". */
    public static String price(BigDecimal price, Instrument instrument) {
        int decimals = priceDecimals(instrument);
        return number(price, decimals, decimals);
    }

    /**
     * A price where no contract is known (a coin's close, a price typed by the user): separators, 2 to 8 decimals,
     * e.g. 2971.6 → "2,971.60", 0.10322305 → "0.10322305".
     */
    @TemplateExtension
    public static String price(BigDecimal price) {
        return number(price, 2, COIN_DECIMALS);
    }

    /**
     * A price already rounded at its contract's tick ({@link #atTick}): its decimals kept (at least 2, at most 8),
     * with separators: 0.3000 → "0.3000", 98789.5 → "98,789.50".
     */
    @TemplateExtension
    public static String tickPrice(BigDecimal price) {
        int decimals = Math.min(COIN_DECIMALS, Math.max(2, price.scale()));
        return number(price, decimals, decimals);
    }

    /** A fraction as a percentage: 0.12345 → "12.34 %", 1 → "100.00 %". */
    @TemplateExtension
    public static String percent(BigDecimal fraction) {
        return pct(fraction.movePointRight(2));
    }

    /** {@link #percent(BigDecimal)}, or "—" when unknown. */
    public static String percent(Optional<BigDecimal> fraction) {
        return fraction.map(Display::percent).orElse(NONE);
    }

    /** Percentage points with the sign: 95.125 → "95.12 %". */
    @TemplateExtension
    public static String pct(BigDecimal points) {
        return number(points, PERCENT_DECIMALS, PERCENT_DECIMALS) + " %";
    }

    /** A percentage with more decimals where the figure is small (funding rates): 0.01 at 4 → "0.0100 %". */
    @TemplateExtension
    public static String pctAt(BigDecimal points, int decimals) {
        return number(points, decimals, decimals) + " %";
    }

    /** A statistic (β, ρ, R², σ) for people: 4 decimals, 0.92847 → "0.9285". */
    @TemplateExtension
    public static String ratio(BigDecimal value) {
        return number(value, RATIO_DECIMALS, RATIO_DECIMALS);
    }

    /** A number of SVG user units with 2 decimals and no separators: 12.345 → "12.34". */
    @TemplateExtension
    public static String svg(BigDecimal units) {
        return rounded(units, 2).toPlainString();
    }

    /** A number of SVG user units with 1 decimal and no separators (chart coordinates). */
    public static String svg(double units) {
        return rounded(BigDecimal.valueOf(units), 1).toPlainString();
    }

    /** A value as typed back into a form field: no separators, no padding, never exponent form. */
    @TemplateExtension
    public static String plain(BigDecimal value) {
        return noExponent(value).toPlainString();
    }

    /** {@link #plain(BigDecimal)}, or "" when absent (an empty form field). */
    public static String plain(Optional<BigDecimal> value) {
        return value.map(Display::plain).orElse("");
    }

    /**
     * What an order's size counts: "contracts of 10 USD" (inverse: the face value), "BTC" (linear, one coin per unit)
     * or "lots of 0.001 BTC" (linear, coins per unit).
     */
    public static String sizeUnit(Instrument instrument) {
        return sizeUnit(
                instrument.isInverse(),
                instrument.contractSize(),
                instrument.baseAsset().symbol());
    }

    /** {@link #sizeUnit(Instrument)} from a contract's parts (inverse or linear, face value or coins per unit, coin). */
    public static String sizeUnit(boolean inverse, BigDecimal contractSize, String coin) {
        if (inverse) {
            return "contracts of " + quantity(contractSize) + " USD";
        }
        return contractSize.compareTo(BigDecimal.ONE) == 0 ? coin : "lots of " + quantity(contractSize) + " " + coin;
    }

    /** A size with its unit: "1,334 contracts of 10 USD", "0.5 BTC". */
    public static String size(BigDecimal size, Instrument instrument) {
        return quantity(size) + " " + sizeUnit(instrument);
    }

    /** An order as a trader reads it: "SELL 1,334 contracts of 10 USD (ADAUSD_PERP)". */
    public static String order(String side, BigDecimal size, Instrument instrument) {
        return order(side, size, sizeUnit(instrument), instrument.symbol());
    }

    /** An order from its parts: side (BUY, SELL), size, {@link #sizeUnit} and the venue's symbol. */
    public static String order(String side, BigDecimal size, String sizeUnit, String symbol) {
        return side + " " + quantity(size) + " " + sizeUnit + " (" + symbol + ")";
    }

    /** A number of hours in words, whole hours below 2 days, whole days from there: 30 → "30 h", 49 → "2 days". */
    public static String hours(BigDecimal hours) {
        return hours.compareTo(BigDecimal.valueOf(48)) >= 0
                ? hours.divide(BigDecimal.valueOf(24), 0, RoundingMode.DOWN).toPlainString() + " days"
                : hours.setScale(0, RoundingMode.DOWN).toPlainString() + " h";
    }
}
