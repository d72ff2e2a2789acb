package io.hedgedesk.web.position;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.InvalidInstrumentException;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.TierMeasure;
import io.hedgedesk.domain.instrument.catalog.FeeTier;
import io.hedgedesk.domain.instrument.catalog.FeeTiers;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a custom contract's fields into an instrument, and applies a fee level or explicit fee rates to any
 * instrument; every message names the field at fault.
 */
@ApplicationScoped
public class ContractBinder {

    public static final String CUSTOM = "customContract";
    public static final int MAX_TIERS = 50;
    private static final BigDecimal MAX_FEE_RATE = new BigDecimal("0.01");
    private static final BigDecimal MAX_LEVERAGE = new BigDecimal("1000");

    private final FeeTiers feeTiers;

    public ContractBinder(FeeTiers feeTiers) {
        this.feeTiers = feeTiers;
    }

    /** The contract a request describes, with the fee rates it asks for; blank fee fields keep the contract's. */
    public Instrument withFees(Instrument instrument, String feeTier, String makerFeeRate, String takerFeeRate) {
        Instrument priced = instrument;
        if (!Inputs.isBlank(feeTier)) {
            String name = Inputs.requiredText("feeTier", feeTier);
            List<FeeTier> levels = feeTiers.forInstrument(instrument);
            if (levels.isEmpty()) {
                throw new BadInputException(
                        "feeTier",
                        instrument.id() + " has no published fee levels in the catalog;"
                                + " give makerFeeRate and takerFeeRate instead");
            }
            priced = levels.stream()
                    .filter(l -> l.isNamed(name))
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(
                            "feeTier",
                            "feeTier must be one of "
                                    + levels.stream().map(FeeTier::name).collect(Collectors.joining(", ")) + " for "
                                    + instrument.id()))
                    .applyTo(instrument);
        }
        BigDecimal maker = Inputs.isBlank(makerFeeRate) ? priced.makerFeeRate() : feeRate("makerFeeRate", makerFeeRate);
        BigDecimal taker = Inputs.isBlank(takerFeeRate) ? priced.takerFeeRate() : feeRate("takerFeeRate", takerFeeRate);
        if (taker.signum() < 0) {
            throw new BadInputException(
                    "takerFeeRate",
                    "takerFeeRate must not be negative (only makers earn rebates)," + " was " + taker.toPlainString());
        }
        return FeeTiers.withFeeRates(priced, maker, taker);
    }

    private static BigDecimal feeRate(String field, String raw) {
        BigDecimal rate = Inputs.decimal(field, raw);
        if (rate.abs().compareTo(MAX_FEE_RATE) > 0) {
            throw new BadInputException(
                    field,
                    field + " must be between -0.01 and 0.01 (a fraction of the notional:"
                            + " 0.0005 = 0.05 %, -0.0001 = a 0.01 % rebate), was " + rate.toPlainString());
        }
        return rate;
    }

    /** The instrument of a custom contract (venue {@code CUSTOM}, fees 0 until rates are given). */
    public Instrument custom(CustomContractForm form) {
        ContractType type = Inputs.choice(CUSTOM + ".type", form.type(), ContractType.class);
        Asset base = asset(CUSTOM + ".baseAsset", Inputs.requiredText(CUSTOM + ".baseAsset", form.baseAsset()));
        Asset settlement = settlement(type, base, form.settlementAsset());
        BigDecimal maxLeverage = Inputs.isBlank(form.maxLeverage())
                ? BigDecimal.valueOf(100)
                : Inputs.positive(CUSTOM + ".maxLeverage", form.maxLeverage());
        if (maxLeverage.compareTo(BigDecimal.ONE) < 0 || maxLeverage.compareTo(MAX_LEVERAGE) > 0) {
            throw new BadInputException(
                    CUSTOM + ".maxLeverage",
                    CUSTOM + ".maxLeverage must be between 1 and 1000," + " was " + maxLeverage.toPlainString());
        }
        BigDecimal tick = Inputs.isBlank(form.tickSize())
                ? new BigDecimal("0.01")
                : Inputs.positive(CUSTOM + ".tickSize", form.tickSize());
        BigDecimal step = Inputs.isBlank(form.quantityStep())
                ? (type == ContractType.INVERSE ? BigDecimal.ONE : new BigDecimal("0.001"))
                : Inputs.positive(CUSTOM + ".quantityStep", form.quantityStep());
        int fundingHours = Inputs.wholeNumber(CUSTOM + ".fundingIntervalHours", form.fundingIntervalHours(), 0, 24, 8);
        LiquidationConvention convention = Inputs.choice(
                CUSTOM + ".liquidationConvention",
                form.liquidationConvention(),
                LiquidationConvention.class,
                LiquidationConvention.MAINTENANCE_ON_MARK_VALUE);
        Asset quote = type == ContractType.INVERSE ? Asset.USD : settlement;
        String symbol = base.symbol() + quote.symbol();
        try {
            return new Instrument(
                    "CUSTOM:" + symbol,
                    "CUSTOM",
                    symbol,
                    type,
                    base,
                    quote,
                    settlement,
                    Inputs.positive(CUSTOM + ".contractSize", form.contractSize()),
                    step,
                    tick,
                    Duration.ofHours(fundingHours),
                    maxLeverage,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    convention,
                    TierMeasure.POSITION_VALUE,
                    tiers(form, maxLeverage),
                    "a custom contract given in the request, not a venue's specification");
        } catch (InvalidInstrumentException e) {
            String field = e.getMessage().contains("tier") ? CUSTOM + ".maintenanceTiers" : CUSTOM;
            throw new BadInputException(field, field + ": " + e.getMessage());
        }
    }

    private static Asset settlement(ContractType type, Asset base, String raw) {
        String field = CUSTOM + ".settlementAsset";
        if (Inputs.isBlank(raw)) {
            return type == ContractType.INVERSE ? base : Asset.USDT;
        }
        Asset asset = asset(field, Inputs.requiredText(field, raw));
        if (type == ContractType.INVERSE && !asset.equals(base)) {
            throw new BadInputException(
                    field,
                    "an inverse contract settles in its base asset " + base.symbol() + ", not " + asset.symbol());
        }
        return asset;
    }

    private static Asset asset(String field, String symbol) {
        try {
            return new Asset(symbol);
        } catch (InvalidInstrumentException e) {
            throw new BadInputException(
                    field,
                    field + " must be an asset symbol (1-15 upper-case letters or digits)," + " was \""
                            + symbol.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
    }

    private static List<MaintenanceTier> tiers(CustomContractForm form, BigDecimal maxLeverage) {
        List<CustomContractForm.TierForm> typed =
                Optional.ofNullable(form.maintenanceTiers()).orElse(List.of());
        boolean oneRate = !Inputs.isBlank(form.maintenanceMarginRate()) || !Inputs.isBlank(form.maintenanceAmount());
        if (typed.isEmpty()) {
            BigDecimal rate = Inputs.decimal(CUSTOM + ".maintenanceMarginRate", form.maintenanceMarginRate());
            return List.of(tier(
                    CUSTOM + ".",
                    null,
                    rate,
                    maxLeverage,
                    Inputs.nonNegative(CUSTOM + ".maintenanceAmount", form.maintenanceAmount(), BigDecimal.ZERO)));
        }
        if (oneRate) {
            throw new BadInputException(
                    CUSTOM + ".maintenanceMarginRate",
                    "give either " + CUSTOM + ".maintenanceMarginRate (and maintenanceAmount) or " + CUSTOM
                            + ".maintenanceTiers, not both");
        }
        if (typed.size() > MAX_TIERS) {
            throw new BadInputException(
                    CUSTOM + ".maintenanceTiers",
                    CUSTOM + ".maintenanceTiers may list at most " + MAX_TIERS + " tiers");
        }
        List<MaintenanceTier> tiers = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String prefix = CUSTOM + ".maintenanceTiers[" + i + "].";
            CustomContractForm.TierForm t = typed.get(i);
            if (t == null) {
                throw new BadInputException(prefix.substring(0, prefix.length() - 1), prefix + " is empty");
            }
            boolean last = i == typed.size() - 1;
            BigDecimal upTo = last && Inputs.isBlank(t.upTo()) ? null : Inputs.positive(prefix + "upTo", t.upTo());
            if (last && upTo != null) {
                throw new BadInputException(
                        prefix + "upTo", "the last tier is unbounded: leave " + prefix + "upTo" + " blank");
            }
            tiers.add(tier(
                    prefix,
                    upTo,
                    Inputs.decimal(prefix + "maintenanceMarginRate", t.maintenanceMarginRate()),
                    Inputs.isBlank(t.maxLeverage())
                            ? maxLeverage
                            : Inputs.positive(prefix + "maxLeverage", t.maxLeverage()),
                    Inputs.nonNegative(prefix + "maintenanceAmount", t.maintenanceAmount(), BigDecimal.ZERO)));
        }
        return tiers;
    }

    private static MaintenanceTier tier(
            String prefix, BigDecimal upTo, BigDecimal rate, BigDecimal maxLeverage, BigDecimal amount) {
        try {
            return new MaintenanceTier(Optional.ofNullable(upTo), rate, maxLeverage, amount);
        } catch (InvalidInstrumentException e) {
            String field = prefix + (e.getMessage().contains("maxLeverage") ? "maxLeverage" : "maintenanceMarginRate");
            throw new BadInputException(field, field + ": " + e.getMessage());
        }
    }
}
