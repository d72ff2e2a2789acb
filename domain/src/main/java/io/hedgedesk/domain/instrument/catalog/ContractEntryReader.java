package io.hedgedesk.domain.instrument.catalog;

import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.InvalidInstrumentException;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.TierMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one parsed {@code contracts[]} entry (schema in the catalog README) to an {@link Instrument}. Every error
 * names the entry ({@code contracts[i] (ID)}) and the field.
 */
final class ContractEntryReader {

    static final Set<String> FIELDS = Set.of(
            "id",
            "venue",
            "symbol",
            "type",
            "baseAsset",
            "quoteAsset",
            "settlementAsset",
            "contractSize",
            "quantityStep",
            "tickSize",
            "fundingIntervalHours",
            "maxLeverage",
            "makerFeeRate",
            "takerFeeRate",
            "liquidationConvention",
            "tierUnit",
            "maintenanceTiers",
            "source");
    static final Set<String> TIER_FIELDS = Set.of("upTo", "maintenanceMarginRate", "maxLeverage", "maintenanceAmount");
    static final String CONTRACTS_UNIT = "CONTRACTS";

    private ContractEntryReader() {}

    static Instrument read(Object entry, int index) {
        JsonFields fields = JsonFields.of(entry, "contracts[" + index + "]" + idSuffix(entry))
                .requireExactly(FIELDS);
        Asset settlement = asset(fields, "settlementAsset");
        TierMeasure measure = tierMeasure(fields, settlement);
        List<MaintenanceTier> tiers = tiers(fields);
        try {
            return new Instrument(
                    fields.text("id"),
                    fields.text("venue"),
                    fields.text("symbol"),
                    fields.choice("type", ContractType.class),
                    asset(fields, "baseAsset"),
                    asset(fields, "quoteAsset"),
                    settlement,
                    fields.decimal("contractSize"),
                    fields.decimal("quantityStep"),
                    fields.decimal("tickSize"),
                    Duration.ofHours(fields.wholeNumber("fundingIntervalHours")),
                    fields.decimal("maxLeverage"),
                    fields.decimal("makerFeeRate"),
                    fields.decimal("takerFeeRate"),
                    fields.choice("liquidationConvention", LiquidationConvention.class),
                    measure,
                    tiers,
                    fields.text("source"));
        } catch (InvalidInstrumentException e) {
            throw fields.fail(e.getMessage());
        }
    }

    /** " (ID)" when the entry is an object with a string id, else "". */
    private static String idSuffix(Object entry) {
        return entry instanceof Map<?, ?> map && map.get("id") instanceof String id ? " (" + id + ")" : "";
    }

    private static Asset asset(JsonFields fields, String field) {
        String symbol = fields.text(field);
        try {
            return new Asset(symbol);
        } catch (InvalidInstrumentException e) {
            throw fields.invalid(field, "must be an asset symbol (1-15 upper-case letters or digits)", symbol);
        }
    }

    /** {@code CONTRACTS}, or the settlement asset's symbol for a position value measured in it. */
    private static TierMeasure tierMeasure(JsonFields fields, Asset settlement) {
        String unit = fields.text("tierUnit");
        if (CONTRACTS_UNIT.equals(unit)) {
            return TierMeasure.CONTRACTS;
        }
        if (!unit.equals(settlement.symbol())) {
            throw fields.invalid(
                    "tierUnit", "must be " + CONTRACTS_UNIT + " or the settlement asset " + settlement, unit);
        }
        return TierMeasure.POSITION_VALUE;
    }

    private static List<MaintenanceTier> tiers(JsonFields fields) {
        List<Object> raw = fields.array("maintenanceTiers");
        List<MaintenanceTier> tiers = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            JsonFields tier = JsonFields.of(raw.get(i), fields.context() + " maintenanceTiers[" + i + "]")
                    .requireExactly(TIER_FIELDS);
            try {
                tiers.add(new MaintenanceTier(
                        tier.decimalOrNull("upTo"),
                        tier.decimal("maintenanceMarginRate"),
                        tier.decimal("maxLeverage"),
                        tier.decimal("maintenanceAmount")));
            } catch (InvalidInstrumentException e) {
                throw tier.fail(e.getMessage());
            }
        }
        return tiers;
    }
}
