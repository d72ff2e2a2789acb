package io.hedgedesk.web.view;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.backtest.BacktestEvent;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.valuation.HedgeAlert;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The words pages show for the enums of the domain and the pricing engine: "out of the bag" for {@code OUT_OF_BAG},
 * "daily close" for {@code DAILY_CLOSE}. Forms keep posting the enum names; only what people read changes. Templates
 * call {@code {value.words}}; an enum without its own words here prints its name in lower case with spaces.
 */
public final class Words {

    private Words() {}

    /** A count and its noun: "1 hedge", "2 hedges", "0 hedges" (the nouns pages count all take an s). */
    @TemplateExtension
    public static String count(Integer n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** {@link #count(Integer, String)} of a long. */
    @TemplateExtension
    public static String count(Long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** The words for any enum constant: the ones below, else its name in lower case ("EVERY_N_DAYS" → "every n days"). */
    @TemplateExtension
    public static String words(Enum<?> value) {
        if (value instanceof MarginSource m) {
            return of(m);
        }
        if (value instanceof HedgeEventType t) {
            return of(t);
        }
        if (value instanceof HedgeMark.Kind k) {
            return of(k);
        }
        if (value instanceof ContractType c) {
            return of(c);
        }
        if (value instanceof Side s) {
            return s.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof HedgeStatus s) {
            return s.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof LiquidationConvention c) {
            return of(c);
        }
        if (value instanceof BacktestEvent.Kind k) {
            return of(k);
        }
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The words for an enum given by its name, e.g. a stored or posted "FROM_HOLDINGS"; the name itself if unknown. */
    public static <E extends Enum<E>> String words(Class<E> type, String name) {
        try {
            return words(Enum.valueOf(type, name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return name == null ? "" : name;
        }
    }

    public static String of(MarginSource source) {
        return switch (source) {
            case OUT_OF_BAG -> "out of the bag";
            case EXTRA_COIN -> "extra coins deposited";
            case STABLECOIN -> "stablecoins";
        };
    }

    public static String of(HedgeEventType type) {
        return switch (type) {
            case OPEN -> "opened";
            case INCREASE -> "increased";
            case REDUCE -> "reduced";
            case CLOSE -> "closed";
            case FUNDING -> "funding";
            case FEE -> "fee";
            case MARGIN_IN -> "margin added";
            case MARGIN_OUT -> "margin withdrawn";
            case NOTE -> "note";
            case VOID -> "voided";
        };
    }

    /**
     * An enum constant given by its name where its type is not at hand (a record field of the API): in lower case with
     * spaces, abbreviations kept: "SIMPLE" → "simple", "EVERY_N_DAYS" → "every n days", "EWMA" → "EWMA".
     */
    @TemplateExtension
    public static String nameWords(String name) {
        if (name == null || name.length() <= 4 && name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals("LOG")) {
            return name == null ? "" : name;
        }
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A side given by its name, "SHORT" → "short". */
    @TemplateExtension
    public static String sideWords(String side) {
        return words(Side.class, side);
    }

    /** An action of the hedge page by its event type's name, as a choice: "INCREASE" → "increase the position". */
    @TemplateExtension
    public static String action(String type) {
        return switch (type == null ? "" : type) {
            case "INCREASE" -> "increase the position";
            case "REDUCE" -> "reduce the position";
            case "CLOSE" -> "close the position";
            case "FUNDING" -> "funding settled";
            case "FEE" -> "fee paid";
            case "MARGIN_IN" -> "add margin";
            case "MARGIN_OUT" -> "withdraw margin";
            case "NOTE" -> "note";
            default -> words(HedgeEventType.class, type);
        };
    }

    public static String of(HedgeMark.Kind kind) {
        return switch (kind) {
            case TICK -> "venue tick";
            case DAILY_CLOSE -> "daily close";
            case MANUAL -> "manual price";
        };
    }

    public static String of(ContractType type) {
        return switch (type) {
            case INVERSE -> "inverse (coin-margined)";
            case LINEAR -> "linear (USDT-margined)";
        };
    }

    public static String of(LiquidationConvention convention) {
        return switch (convention) {
            case MAINTENANCE_ON_ENTRY_VALUE -> "maintenance on the entry value";
            case MAINTENANCE_ON_MARK_VALUE -> "maintenance on the value at the liquidation price";
        };
    }

    public static String of(BacktestEvent.Kind kind) {
        return switch (kind) {
            case OPEN -> "opened";
            case REBALANCE -> "resized";
            case TOP_UP -> "topped up";
            case LIQUIDATION -> "liquidated";
            case SKIPPED -> "skipped";
        };
    }

    /** The sentence shown for an alert of the valuer, e.g. "ADA: coverage 80.00 % is outside ±5.00 % of the target 100.00 %". */
    public static String of(HedgeAlert a) {
        String who =
                a.hedgeId().map(id -> "Hedge #" + id + " (" + a.asset() + ")").orElse(a.asset());
        return who + ": "
                + switch (a.kind()) {
                    case LIQUIDATION_NEAR ->
                        "liquidation is " + Display.percent(a.value()) + " away (alert below "
                                + Display.percent(a.limit()) + ")";
                    case STOP_REACHED ->
                        "the stop level " + a.limit().map(Display::price).orElse("") + " is reached";
                    case TAKE_PROFIT_REACHED ->
                        "the take-profit level " + a.limit().map(Display::price).orElse("") + " is reached";
                    case COVERAGE_DRIFT ->
                        "coverage " + Display.percent(a.value()) + " is outside ±" + Display.percent(a.band())
                                + " of the target " + Display.percent(a.limit());
                    case FUNDING_COST ->
                        "funding paid " + Display.usd(a.value()) + " reached the maximum cost of "
                                + Display.usd(a.limit());
                    case NO_PRICE -> "no price is known; enter one on the portfolio page";
                    case STALE_PRICE ->
                        "its price is " + Display.hours(a.value().orElse(BigDecimal.ZERO)) + " old (older than "
                                + Display.hours(a.limit().orElse(BigDecimal.ZERO)) + ")";
                };
    }
}
